package dev.dragoman.gateway.security;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The caller's {@code X-Api-Key} proves who calls and never travels on to the callee (SPEC
 * section 3). It is dropped from the headers Spring Cloud Gateway forwards, where they are
 * copied anyway, rather than by rebuilding every request in {@link CallerFilter}, which cost
 * a plain route about 2% of its CPU (docs/BENCHMARKS.md, "Tuning the plain route").
 */
public final class CallerKeyHeadersFilter implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!input.containsHeader(CallerFilter.API_KEY)) {
            return input;
        }
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!CallerFilter.API_KEY.equalsIgnoreCase(name)) {
                // put, not add: a header sent under two spellings is visited once per spelling, each
                // time with every line of both (see HeaderSpellingsFilter)
                forwarded.put(name, values);
            }
        });
        return forwarded;
    }
}
