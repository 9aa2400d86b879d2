package dev.dragoman.gateway.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** One run of the command line through picocli, with its output captured. Public for the tools jar's command line. */
public record CliRun(int exitCode, String out, String err) {

    static final Path EXAMPLE_MAPS = Path.of("../context-maps");

    static CliRun withStdin(String stdin, String... args) {
        return run(DragomanCli.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), args);
    }

    /** A run of the given command line (the gateway's, or another jar's that adds commands to it). */
    public static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return withStdin("", args);
    }
}
