package dev.dragoman.rules.internal;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * Compositions that load but change what a route serves: a composition's path is matched
 * before the routes, so a route whose {@code path} pattern also matches it no longer receives
 * those requests (any method). Legal, and sometimes meant (a view beside the API it reads), so
 * a finding, not an error.
 */
public final class CompositionReach {

    private CompositionReach() {
    }

    public static List<Finding> check(ContextModel model, Locations where) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < model.compositions().size(); i++) {
            Composition composition = model.compositions().get(i);
            List<String> segments = composition.path().segments().stream()
                    .map(s -> s instanceof PathTemplate.Literal literal ? literal.text() : "x").toList();
            for (Route route : model.routes()) {
                if (route.path() != null && RoutePaths.serves(route.path(), segments)) {
                    findings.add(where.composition(i, "path", Finding.Kind.UNREACHABLE, "route " + route.id() + "'s path "
                            + route.path() + " also matches " + composition.path() + ": requests there (any method) go to composition "
                            + composition.id() + ", never to the route; give the composition a path of its own if that is not meant"));
                }
            }
        }
        return findings;
    }
}
