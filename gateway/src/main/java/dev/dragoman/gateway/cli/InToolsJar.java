package dev.dragoman.gateway.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * A command of the tools jar ({@code test}, {@code sweep}, {@code stubs}), as the gateway jar answers it: they need
 * WireMock and a test bench, which the production jar does not carry, so a pipeline that calls one here is told
 * where the command is instead of starting the gateway with the command's name as its argument.
 */
@Command(hidden = true)
final class InToolsJar implements Callable<Integer> {

    /** What a user runs instead; the jar's name as the build writes it, relative to the repository's root. */
    static final String TOOLS_JAR = "tools/target/dragoman-tools-<version>.jar";

    /** The commands that live in the tools jar, each with its usage line there. */
    static final List<InToolsJar> COMMANDS = List.of(
            new InToolsJar("test", "test DIR [TESTS]"),
            new InToolsJar("sweep", "sweep DIR --stubs STUB_DIR --route ID"),
            new InToolsJar("stubs", "stubs translate DIR --from A --to B --in IN --out OUT"));

    final String name;
    private final String usage;

    @Spec
    CommandSpec spec;

    /** Whatever the command line passed (DIR, TESTS, --help): the answer is the same. */
    @Unmatched
    List<String> ignored;

    private InToolsJar(String name, String usage) {
        this.name = name;
        this.usage = usage;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("The " + name + " command is not in the gateway jar: it runs with the tools jar, "
                + "java -jar " + TOOLS_JAR + " " + usage + " (artifact dev.dragoman:dragoman-tools; docs/MAP-TESTS.md).");
        return 2;
    }
}
