package dev.dragoman.tools.cli;

import dev.dragoman.tools.maptest.JUnitXml;
import dev.dragoman.tools.maptest.MapTestReport;
import dev.dragoman.tools.maptest.MapTestRunner;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code test DIR [TESTS]}: runs the map tests (docs/MAP-TESTS.md) through a real gateway
 * started in this process, against WireMock standing in for every upstream and inbox. The only
 * command that starts the gateway, so the only one that takes seconds rather than a moment.
 */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        header = "Runs the map tests beside the maps through a real gateway (exit 0 all passed, 1 not).",
        description = {"Runs the test cases of TESTS (default DIR/tests) through a real gateway serving DIR, with WireMock "
                + "standing in for every upstream and inbox, and prints each failure as file:line: case: what differs.",
                "Exit code: 0 when every case passed, 1 when any failed or could not run (for CI)."})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the context-maps directory")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TESTS", description = "the folder of *.yaml test files (default: DIR/tests)")
    Path tests;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the result as JUnit XML (the surefire format), a test case per case")
    Path junitXml;

    @Override
    public Integer call() {
        // The report is the output; the gateway's own start-up lines would bury it.
        if (System.getProperty("logging.level.root") == null) {
            System.setProperty("logging.level.root", "WARN");
        }
        Path testsDir = tests == null ? dir.resolve("tests") : tests;
        MapTestReport report = MapTestRunner.run(dir, testsDir);
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.describe());
        out.flush();
        if (junitXml != null) {
            try {
                JUnitXml.write(JUnitXml.of(report, "map tests of " + testsDir), junitXml);
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println(junitXml + ": cannot be written: " + e.getCause().getMessage());
                return 1;
            }
        }
        return report.passed() ? 0 : 1;
    }
}
