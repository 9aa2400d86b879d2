package dev.dragoman.gateway.cli;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.MapDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff OLD NEW}: what a change of maps changes, for the review of that change. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        header = "What a change of maps changes: declarations, table rows and route rules.",
        description = {"Compares two context-maps directories by what they declare, not by their text: "
                + "contexts, concepts, routes, events and sagas added (+), removed (-) or changed (~); "
                + "table rows added, removed or changed (by content); route rules added, removed or changed.",
                "Exit code: 0, whatever changed; 1 when either directory does not load."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the maps before the change")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "the maps after the change")
    Path after;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadResult old = ContextMaps.load(before);
        LoadResult now = ContextMaps.load(after);
        if (!old.isValid() || !now.isValid()) {
            PrintWriter err = spec.commandLine().getErr();
            old.errors().stream().map(LoadError::toString).forEach(err::println);
            now.errors().stream().map(LoadError::toString).forEach(err::println);
            err.println("diff compares maps that load; run validate on " + (old.isValid() ? after : before));
            return 1;
        }
        List<MapDiff.Change> changes = MapDiff.between(old.model(), now.model());
        changes.forEach(out::println);
        out.println(changes.isEmpty() ? "no change" : Summary.count(changes.size(), "change"));
        return 0;
    }
}
