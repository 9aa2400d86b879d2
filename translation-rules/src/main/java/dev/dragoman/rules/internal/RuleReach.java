package dev.dragoman.rules.internal;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Route rules that load but can never apply. The loader has already made sure that every
 * rule's concept and aspects exist on both sides; what remains is order and overlap: a path
 * template that an earlier one always wins over, a body path that selects what an earlier
 * one already does, a header named twice in different case (header names match whatever
 * their case, so only one of them is used).
 */
public final class RuleReach {

    private RuleReach() {
    }

    public static List<Finding> check(ContextModel model, Locations where) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < model.routes().size(); i++) {
            Route route = model.routes().get(i);
            templates(i, route.request().pathTemplates(), where, findings);
            headers(i, "request.headers", route.request().headers(), where, findings);
            body(i, "request.body", route.request().body(), where, findings);
            headers(i, "response.headers", route.response().headers(), where, findings);
            body(i, "response.body", route.response().body(), where, findings);
        }
        return findings;
    }

    private static void templates(int route, List<PathTemplate> templates, Locations where, List<Finding> findings) {
        for (int later = 1; later < templates.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                if (covers(templates.get(earlier), templates.get(later))) {
                    findings.add(where.route(route, "request.path-templates[" + later + "]", Finding.Kind.UNREACHABLE,
                            "path template " + templates.get(later) + " never applies: the earlier " + templates.get(earlier)
                                    + " matches every path it matches (the first template that matches applies; put the more specific one first)"));
                    break;
                }
            }
        }
    }

    /** Whether every path that {@code later} matches is matched by {@code earlier}: an identifier segment matches any non-empty one. */
    static boolean covers(PathTemplate earlier, PathTemplate later) {
        List<PathTemplate.Segment> a = earlier.segments();
        List<PathTemplate.Segment> b = later.segments();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            PathTemplate.Segment first = a.get(i);
            PathTemplate.Segment second = b.get(i);
            boolean covered = first instanceof PathTemplate.Identifier
                    ? !(second instanceof PathTemplate.Literal literal && literal.text().isEmpty())
                    : second instanceof PathTemplate.Literal literal && literal.equals(first);
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    private static void headers(int route, String at, Map<String, IdentifierRef> rules, Locations where, List<Finding> findings) {
        List<String> seen = new ArrayList<>();
        for (String name : rules.keySet()) {
            String earlier = seen.stream().filter(s -> s.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
            if (earlier != null) {
                findings.add(where.route(route, KeyPaths.child(at, name), Finding.Kind.UNREACHABLE,
                        "header " + name + " is also ruled as " + earlier + ", and header names match whatever their case: keep one rule"));
            }
            seen.add(name);
        }
    }

    private static void body(int route, String at, Map<JsonPath, IdentifierRef> rules, Locations where, List<Finding> findings) {
        List<JsonPath> seen = new ArrayList<>();
        for (JsonPath path : rules.keySet()) {
            JsonPath earlier = seen.stream().filter(s -> s.steps().equals(path.steps())).findFirst().orElse(null);
            if (earlier != null) {
                findings.add(where.route(route, KeyPaths.child(at, path.text()), Finding.Kind.UNREACHABLE,
                        "body path " + path.text() + " selects the same values as " + earlier.text() + ": keep one rule"));
            }
            seen.add(path);
        }
    }
}
