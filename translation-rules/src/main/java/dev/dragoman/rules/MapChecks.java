package dev.dragoman.rules;

import dev.dragoman.rules.internal.CompositionReach;
import dev.dragoman.rules.internal.ConceptUse;
import dev.dragoman.rules.internal.Locations;
import dev.dragoman.rules.internal.PolicyReach;
import dev.dragoman.rules.internal.RuleReach;
import dev.dragoman.rules.internal.TableRoundTrips;
import dev.dragoman.rules.model.ContextModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that need no example traffic, on maps that load: every table row translates there
 * and back, every route rule can apply, every concept is used. The loader refuses what is
 * wrong; these find what is legal but probably not meant, so they warn and never refuse.
 */
public final class MapChecks {

    private MapChecks() {
    }

    /**
     * What checking a directory found.
     *
     * @param load the load result; when it holds errors there are no findings
     */
    public record Report(LoadResult load, List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return load.isValid() && findings.isEmpty();
        }
    }

    /** Loads a directory and, when it loads, checks it. */
    public static Report check(Path dir) {
        LoadResult load = ContextMaps.load(dir);
        if (!load.isValid()) {
            return new Report(load, List.of());
        }
        return new Report(load, check(load.model(), Locations.of(dir)));
    }

    static List<Finding> check(ContextModel model, Locations where) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(TableRoundTrips.check(model, where));
        findings.addAll(RuleReach.check(model, where));
        findings.addAll(ConceptUse.check(model, where));
        findings.addAll(PolicyReach.check(model, where));
        findings.addAll(CompositionReach.check(model, where));
        return findings;
    }
}
