package dev.dragoman.tools.cli;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.tools.stubs.StubDirectoryTranslator;
import dev.dragoman.tools.stubs.StubReport;
import dev.dragoman.tools.stubs.StubRoute;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stubs translate DIR --from A --to B --in IN --out OUT}: a WireMock stub directory in A's vocabulary rewritten
 * into B's by the route between them (dev.dragoman.tools.stubs), so one side tests against the other's stubs with no
 * gateway running. Like {@code translate} it asks no resolver: identifiers are looked up in the tables only.
 */
@Command(name = "translate",
        mixinStandardHelpOptions = true,
        header = "Translates WireMock stubs from one context's vocabulary into another's (exit 0 all translated, 1 not).",
        description = {"Reads the WireMock stubs in IN (mappings/*.json and the __files they answer with), written in the "
                + "vocabulary of --from, and writes them to OUT in the vocabulary of --to, translated by the rules of the route "
                + "between the two: URL paths, query and header matchers, equalToJson body patterns, response headers and JSON "
                + "bodies. Every other field is kept as it was.",
                "With IN holding --from's own API (the provider's stubs), the route is the one from --to to --from; with IN "
                + "holding what --from expects of --to (a consumer's stubs), the one from --from to --to. When both exist the "
                + "provider's reading is taken; name the other with --route.",
                "What the rules cannot translate soundly (a regex or other non-equalTo matcher over an identifier, a templated "
                + "body, a non-JSON body where the route translates bodies, an identifier without a row) is printed as "
                + "file:json-path: why on standard error, and its mapping is not written (--keep-untranslatable writes it as it was).",
                "Exit code: 0 when every mapping was translated, 1 when any was not (or the maps do not load), 2 for a wrong "
                + "command line."})
final class StubsTranslateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the context-maps directory")
    Path dir;

    @Option(names = "--from", required = true, paramLabel = "CONTEXT", description = "the context whose vocabulary the stubs in IN speak")
    String from;

    @Option(names = "--to", required = true, paramLabel = "CONTEXT", description = "the context whose vocabulary OUT is to speak")
    String to;

    @Option(names = "--in", required = true, paramLabel = "IN", description = "the stub directory to read (mappings/, __files/)")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "where to write the translated stubs: a new or empty folder")
    Path out;

    @Option(names = "--route", paramLabel = "ID", description = "the route to translate by, when a route joins the two contexts each way")
    String route;

    @Option(names = "--keep-untranslatable", description = "write a mapping that did not translate as it was (still reported, still exit 1)")
    boolean keepUntranslatable;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult load = ContextMaps.load(dir);
        if (!load.isValid()) {
            load.errors().stream().map(LoadError::toString).forEach(err::println);
            err.println(dir + ": the maps do not load; run validate");
            return 1;
        }
        if (!isEmptyOrAbsent(this.out)) {
            // stubs left from an earlier run would mix with these, in either vocabulary
            err.println(this.out + " is not empty: give a new or empty folder for the translated stubs");
            return 1;
        }
        StubReport report;
        try {
            StubRoute stubRoute = StubRoute.choose(load.model(), from, to, route);
            report = new StubDirectoryTranslator(stubRoute, load.model(), dir, keepUntranslatable).translate(in, this.out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
        report.problems().forEach(err::println);
        err.flush();
        out.println(report.describe());
        out.flush();
        return report.complete() ? 0 : 1;
    }

    private static boolean isEmptyOrAbsent(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
