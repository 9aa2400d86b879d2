package dev.dragoman.gateway.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code test}, as the gateway jar answers it: the map tests need WireMock and a test bench, which the production jar
 * does not carry, so a pipeline that still calls it here is told where the command went instead of starting the
 * gateway with "test" as its argument.
 */
@Command(name = "test", hidden = true)
final class TestInToolsJar implements Callable<Integer> {

    /** What a user runs instead; the jar's name as the build writes it, relative to the repository's root. */
    static final String TOOLS_JAR = "tools/target/dragoman-tools-<version>.jar";

    @Spec
    CommandSpec spec;

    /** Whatever the old command line passed (DIR, TESTS, --help): the answer is the same. */
    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("The test command is not in the gateway jar: the map tests run with the tools jar, "
                + "java -jar " + TOOLS_JAR + " test DIR [TESTS] (artifact dev.dragoman:dragoman-tools; docs/MAP-TESTS.md).");
        return 2;
    }
}
