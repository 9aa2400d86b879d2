package dev.dragoman.gateway.security;

import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.ProblemWriter;
import java.util.List;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * SPEC section 3 for the admin API and the operations surface: every request under
 * {@code /admin/} and under the actuator's base path needs an admin key in {@code X-Api-Key}, as
 * both tell the same facts (the route table names every upstream). No key or an unknown one is
 * a 401, a caller's key (which proves a context, not an operator) a 403. Without any admin key
 * configured they refuse everything, unless the gateway runs in open development mode, where
 * they are open.
 *
 * <p>Two actuator paths stay open, for machines that hold no key: {@code health} (and its
 * {@code liveness} and {@code readiness} probes), which shows its details only to a request that
 * brings the admin key (it is marked authenticated for the actuator's {@code when-authorized}),
 * and {@code prometheus} where {@code dragoman.admin.open-prometheus} says so.
 *
 * <p>Paths are matched with the same {@link PathPatternParser} as the handlers, so that a path
 * which reaches one (say {@code /%61dmin/model} or {@code /actuator;x/gateway/routes}) cannot
 * slip past this filter by being spelled differently.
 */
public final class AdminFilter implements WebFilter, Ordered {

    /** Before anything else looks at the request. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final PathPattern ADMIN = PathPatternParser.defaultInstance.parse("/admin/**");

    /** What the actuator sees of a request that brought the admin key. */
    private static final Authentication OPERATOR = UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of());

    private final CallerKeys keys;
    private final boolean adminKeysConfigured;
    private final boolean openPrometheus;
    private final PathPattern actuator;
    private final List<PathPattern> openHealth;
    private final PathPattern prometheus;

    /**
     * @param adminKeysConfigured whether {@code dragoman.admin.api-keys} holds any key
     */
    public AdminFilter(CallerKeys keys, boolean adminKeysConfigured) {
        this(keys, adminKeysConfigured, false, "/actuator");
    }

    /**
     * @param adminKeysConfigured whether {@code dragoman.admin.api-keys} holds any key
     * @param openPrometheus whether the Prometheus endpoint answers without a key
     * @param actuatorBasePath {@code management.endpoints.web.base-path}
     */
    public AdminFilter(CallerKeys keys, boolean adminKeysConfigured, boolean openPrometheus, String actuatorBasePath) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.adminKeysConfigured = adminKeysConfigured;
        this.openPrometheus = openPrometheus;
        String base = actuatorBasePath.endsWith("/") ? actuatorBasePath.substring(0, actuatorBasePath.length() - 1) : actuatorBasePath;
        if (base.isEmpty()) {
            throw new IllegalArgumentException("management.endpoints.web.base-path is '" + actuatorBasePath + "', which puts the actuator"
                    + " among the routes where the admin key cannot guard it; give it a path of its own, such as /actuator");
        }
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.actuator = parser.parse(base + "/**");
        this.openHealth = List.of(parser.parse(base + "/health"), parser.parse(base + "/health/liveness"),
                parser.parse(base + "/health/readiness"));
        this.prometheus = parser.parse(base + "/prometheus");
    }

    /** Whether the admin API is served without any key (no admin keys, open development mode). */
    public boolean open() {
        return !adminKeysConfigured && keys.openDevelopmentMode();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (ADMIN.matches(path)) {
            return adminOnly(exchange, chain);
        }
        if (!actuator.matches(path)) {
            return chain.filter(exchange);
        }
        if (openHealth.stream().anyMatch(pattern -> pattern.matches(path))) {
            return open() || keys.isAdmin(key(exchange)) ? asOperator(exchange, chain) : chain.filter(exchange);
        }
        if (openPrometheus && prometheus.matches(path)) {
            return chain.filter(exchange);
        }
        return adminOnly(exchange, chain);
    }

    private Mono<Void> adminOnly(ServerWebExchange exchange, WebFilterChain chain) {
        if (open()) {
            return asOperator(exchange, chain);
        }
        KeyCheck admin = keys.admin(key(exchange), adminKeysConfigured);
        if (admin.refused()) {
            admin.challenge(exchange.getResponse().getHeaders());
            return ProblemWriter.write(exchange, admin.refusal());
        }
        return asOperator(exchange, chain);
    }

    private static Mono<Void> asOperator(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(OPERATOR));
    }

    private static String key(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(CallerFilter.API_KEY);
    }

    @Override
    public String toString() {
        return "AdminFilter[paths=[" + ADMIN + ", " + actuator + "], open=" + open() + ", openPrometheus=" + openPrometheus + "]";
    }
}
