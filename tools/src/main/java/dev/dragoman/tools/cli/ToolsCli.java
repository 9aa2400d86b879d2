package dev.dragoman.tools.cli;

import dev.dragoman.gateway.cli.DragomanCli;
import java.io.InputStream;
import picocli.CommandLine;

/** The tools jar's command line: the gateway's commands (validate, check, translate, diff), {@code test} and {@code stubs}. */
public final class ToolsCli {

    /** How the usage names the command; the jar's file name carries the version. */
    static final String NAME = "java -jar dragoman-tools.jar";

    private ToolsCli() {
    }

    /** The command line, reading {@code translate}'s body from {@code stdin}. */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine commandLine = DragomanCli.sharedCommands(stdin).addSubcommand(new TestCommand()).addSubcommand(new SweepCommand())
                .addSubcommand(new CommandLine(new StubsCommand()).addSubcommand(new StubsTranslateCommand()));
        commandLine.setCommandName(NAME);
        return commandLine;
    }

    /** Whether these program arguments are a command of this command line (otherwise they are the gateway's). */
    public static boolean isCommand(String[] args) {
        return DragomanCli.isCommand(args) || args.length > 0 && (args[0].equals("stubs") || args[0].equals("sweep"));
    }

    /** Runs a command and returns its exit code. */
    public static int run(String[] args) {
        return commandLine(System.in).execute(args);
    }
}
