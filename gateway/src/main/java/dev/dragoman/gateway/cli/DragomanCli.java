package dev.dragoman.gateway.cli;

import java.io.InputStream;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: what a map author or CI runs before a change reaches a gateway.
 * {@code DragomanApplication.main} hands these commands over before starting anything; none needs Spring, and each
 * answers in well under a second. The map tests ({@code test}) run with the tools jar, which adds its command to
 * {@link #sharedCommands}; here {@code test} only says so.
 */
@Command(name = "java -jar gateway.jar",
        mixinStandardHelpOptions = true,
        versionProvider = DragomanCli.Version.class,
        description = {"Checks and tries context maps without starting the gateway.",
                "Without one of these commands, the jar starts the gateway."},
        subcommands = CommandLine.HelpCommand.class)
public final class DragomanCli {

    /** The first arguments that mean the command line rather than the gateway. */
    private static final Set<String> FIRST_ARGUMENTS = Set.of("validate", "check", "translate", "diff", "test", "sweep", "stubs", "help",
            "--help", "-h", "--version", "-V");

    private DragomanCli() {
    }

    /** Whether these program arguments are a command of the command line (otherwise they are the gateway's). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && FIRST_ARGUMENTS.contains(args[0]);
    }

    /** The gateway jar's command line, reading {@code translate}'s body from {@code stdin}. */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine commandLine = sharedCommands(stdin);
        InToolsJar.COMMANDS.forEach(command -> commandLine.addSubcommand(command.name, command));
        return commandLine;
    }

    /** The commands every jar that holds the gateway offers: validate, check, translate, diff (and help, --version). */
    public static CommandLine sharedCommands(InputStream stdin) {
        CommandLine commandLine = new CommandLine(new DragomanCli())
                .addSubcommand(new ValidateCommand())
                .addSubcommand(new CheckCommand())
                .addSubcommand(new TranslateCommand(stdin))
                .addSubcommand(new DiffCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Runs a command and returns its exit code. */
    public static int run(String[] args) {
        return commandLine(System.in).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DragomanCli.class.getPackage().getImplementationVersion();
            return new String[] {"dragoman " + (version == null ? "(development build)" : version)};
        }
    }
}
