package dev.dragoman.gateway.security;

import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemWriter;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * SPEC section 3 for the admin API: every request under {@code /admin/} needs an admin key in
 * {@code X-Api-Key}. No key or an unknown one is a 401, a caller's key (which proves a context,
 * not an operator) a 403. Without any admin key configured the admin API refuses everything,
 * unless the gateway runs in open development mode, where it is open.
 *
 * <p>The path is matched with the same {@link PathPatternParser} as the admin routes, so that a
 * path which reaches an admin handler (say {@code /%61dmin/model} or {@code /admin;x/model})
 * cannot slip past this filter by being spelled differently.
 */
public final class AdminFilter implements WebFilter, Ordered {

    /** Before anything else looks at the request. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final PathPattern ADMIN = PathPatternParser.defaultInstance.parse("/admin/**");

    private final CallerKeys keys;
    private final boolean adminKeysConfigured;

    /**
     * @param adminKeysConfigured whether {@code dragoman.admin.api-keys} holds any key
     */
    public AdminFilter(CallerKeys keys, boolean adminKeysConfigured) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.adminKeysConfigured = adminKeysConfigured;
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
        if (!ADMIN.matches(exchange.getRequest().getPath().pathWithinApplication()) || open()) {
            return chain.filter(exchange);
        }
        String key = exchange.getRequest().getHeaders().getFirst(CallerFilter.API_KEY);
        if (!adminKeysConfigured) {
            return unauthenticated(exchange, "admin keys are not configured (dragoman.admin.api-keys), so the admin API refuses"
                    + " every call; configure a key, or run in open development mode on a development machine");
        }
        if (keys.isAdmin(key)) {
            return chain.filter(exchange);
        }
        if (key == null || key.isEmpty()) {
            return unauthenticated(exchange, "send an admin API key in the " + CallerFilter.API_KEY + " header");
        }
        if (keys.contextOf(key).isPresent()) {
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "not-admin", "Not an admin key",
                    "this key belongs to a calling context, not to the admin API; send a key of dragoman.admin.api-keys"));
        }
        return unauthenticated(exchange, "the " + CallerFilter.API_KEY + " header holds no admin key this gateway knows");
    }

    private static Mono<Void> unauthenticated(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + CallerFilter.API_KEY + "\"");
        return ProblemWriter.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "No valid admin API key", detail));
    }

    @Override
    public String toString() {
        return "AdminFilter[path=" + ADMIN + ", open=" + open() + "]";
    }
}
