package dev.dragoman.gateway.cli;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.MapChecks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check DIR}: the maps load; are they what their authors meant? */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        header = "Finds table rows that do not translate back, rules that never apply, unused concepts.",
        description = {"Loads a context-maps directory and checks what needs no example traffic. Each finding is a line, "
                + "file:line: key.path: kind: message, of one of three kinds.",
                "non-invertible: a table row that does not come back when translated from one context to another and back, "
                        + "such as a row that has no identity in the other context (a route between the two rejects it).",
                "unreachable: a route rule that can never apply: a path template that an earlier one always wins over, "
                        + "a body path or a header ruled twice.",
                "unused: a concept that no route and no event refers to.",
                "Exit code: 0 when nothing is found, 2 when there are only findings (warnings), 1 when the maps do not load."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the context-maps directory")
    Path dir;

    @Override
    public Integer call() {
        MapChecks.Report report = MapChecks.check(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (!report.load().isValid()) {
            report.load().errors().stream().map(LoadError::toString).forEach(out::println);
            out.println(dir + ": invalid: " + Summary.count(report.load().errors().size(), "error") + " (the maps must load before they are checked)");
            return 1;
        }
        report.findings().stream().map(Finding::toString).forEach(out::println);
        if (report.findings().isEmpty()) {
            out.println(dir + ": nothing found: " + Summary.of(report.load().model()));
            return 0;
        }
        out.println(dir + ": " + Summary.count(report.findings().size(), "finding") + " (warnings: the maps load)");
        return 2;
    }
}
