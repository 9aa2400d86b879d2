package dev.dragoman.tools.cli;

import dev.dragoman.gateway.cli.DragomanCli;
import java.io.InputStream;
import picocli.CommandLine;

/** The tools jar's command line: the gateway's commands (validate, check, translate, diff) and {@code test}. */
public final class ToolsCli {

    /** How the usage names the command; the jar's file name carries the version. */
    static final String NAME = "java -jar dragoman-tools.jar";

    private ToolsCli() {
    }

    /** The command line, reading {@code translate}'s body from {@code stdin}. */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine commandLine = DragomanCli.sharedCommands(stdin).addSubcommand(new TestCommand());
        commandLine.setCommandName(NAME);
        return commandLine;
    }

    /** Runs a command and returns its exit code. */
    public static int run(String[] args) {
        return commandLine(System.in).execute(args);
    }
}
