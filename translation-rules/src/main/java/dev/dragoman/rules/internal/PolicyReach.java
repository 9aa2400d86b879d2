package dev.dragoman.rules.internal;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Route policies that load but can never take effect, or not as their author meant: a retry on
 * a route that serves no idempotent method (a retry never repeats a POST), CORS allowing a
 * method the route answers 405, CORS headers without the caller's {@code X-Api-Key} (a browser
 * could then never send its key), a timeout shorter than a retry's first wait.
 */
public final class PolicyReach {
    private static final String API_KEY = "x-api-key";

    private PolicyReach() {
    }

    public static List<Finding> check(ContextModel model, Locations where) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < model.routes().size(); i++) {
            Route route = model.routes().get(i);
            RoutePolicies policies = route.policies();
            if (policies.retry() != null && policies.retriable().isEmpty()) {
                findings.add(where.route(i, "retry", Finding.Kind.INAPPLICABLE, "retry never applies: the route serves only "
                        + String.join(", ", policies.methods()) + ", and a retry repeats only idempotent methods (GET, HEAD, OPTIONS,"
                        + " PUT, DELETE); a repeated POST or PATCH could act twice"));
            }
            RoutePolicies.Cors cors = policies.cors();
            if (cors == null) {
                continue;
            }
            for (int m = 0; m < cors.methods().size(); m++) {
                String method = cors.methods().get(m);
                if (!policies.serves(method)) {
                    findings.add(where.route(i, "cors.methods[" + m + "]", Finding.Kind.INAPPLICABLE, "cors allows " + method
                            + ", which the route does not serve (its methods are " + String.join(", ", policies.methods())
                            + "): a browser's preflight passes and the request is then answered 405"));
                }
            }
            boolean keyAllowed = cors.headers().stream().anyMatch(h -> h.equals("*") || h.toLowerCase(Locale.ROOT).equals(API_KEY));
            if (!cors.headers().isEmpty() && !keyAllowed) {
                findings.add(where.route(i, "cors", Finding.Kind.INAPPLICABLE, "cors headers do not allow X-Api-Key, so no browser"
                        + " can send the key that every call of the route needs; add X-Api-Key to cors.headers"));
            }
            if (cors.origins().contains("*") && !cors.exposeHeaders().isEmpty() && cors.exposeHeaders().contains("*")) {
                findings.add(where.route(i, "cors.expose-headers", Finding.Kind.INAPPLICABLE, "expose-headers * with origins *"
                        + " exposes every response header to any site's scripts; name the headers instead"));
            }
        }
        return findings;
    }
}
