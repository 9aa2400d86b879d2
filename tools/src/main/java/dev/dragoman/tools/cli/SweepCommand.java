package dev.dragoman.tools.cli;

import dev.dragoman.tools.maptest.ContractSweep;
import dev.dragoman.tools.maptest.JUnitXml;
import dev.dragoman.tools.maptest.SweepReport;
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
 * {@code sweep DIR --stubs STUBS --route ID}: the contract sweep (dev.dragoman.tools.maptest.ContractSweep), every
 * stub of a provider sent through a real gateway in the caller's vocabulary, with no test cases to write.
 */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Sends every stub of a provider through a real gateway in the caller's vocabulary (exit 0 all passed, 1 not).",
        description = {"For every WireMock stub in STUBS (mappings/*.json and the __files they answer with, in the vocabulary of "
                + "the route's callee), serves the stub from the route's upstream WireMock and sends the request the caller would "
                + "send for it (the stub's request translated into the caller's vocabulary by the route's rules) through a real "
                + "gateway serving DIR. A stub passes when the callee's WireMock received a request the stub matched and the caller "
                + "got the stub's status back.",
                "A stub naming an identifier the map has no row for fails with the map's file:line to add the row. A stub that "
                + "describes no single request (a regex URL, a matcher other than equalTo or equalToJson) is skipped with the reason.",
                "Exit code: 0 when no stub failed, 1 when any did or the sweep could not run, 2 for a wrong command line."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the context-maps directory")
    Path dir;

    @Option(names = "--stubs", required = true, paramLabel = "STUBS", description = "the provider's WireMock stub directory (mappings/, __files/)")
    Path stubs;

    @Option(names = "--route", paramLabel = "ID", description = "the route whose callee the stubs are (or give --from and --to)")
    String route;

    @Option(names = "--from", paramLabel = "CONTEXT", description = "the provider: the context the stubs speak (default: the route's callee)")
    String from;

    @Option(names = "--to", paramLabel = "CONTEXT", description = "the consumer: the context whose requests are sent (default: the route's caller; alone, names its one route)")
    String to;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the result as JUnit XML (the surefire format), a test case per stub")
    Path junitXml;

    @Override
    public Integer call() {
        // The report is the output; the gateway's own lines would bury it, including its warning at every 502 the
        // report already explains.
        if (System.getProperty("logging.level.root") == null) {
            System.setProperty("logging.level.root", "ERROR");
        }
        SweepReport report = ContractSweep.run(dir, stubs, route, from, to);
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.describe());
        out.flush();
        if (junitXml != null) {
            try {
                JUnitXml.write(JUnitXml.of(report), junitXml);
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println(junitXml + ": cannot be written: " + e.getCause().getMessage());
                return 1;
            }
        }
        return report.passed() ? 0 : 1;
    }
}
