package dev.dragoman.gateway.compose;

import dev.dragoman.rules.model.CompositionPart;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/**
 * A part's request in the caller's vocabulary, as its route's request rules see a request
 * through the gateway: the raw path after the route's {@code strip-prefix}, and the raw query.
 * The values come from the composition's own path as the caller sent them (percent-encoded).
 *
 * @param rawQuery null when the part has no query
 */
record PartRequest(String rawPath, String rawQuery) {

    static PartRequest of(CompositionPart part, Route route, Map<String, String> values) {
        List<String> segments = new ArrayList<>();
        for (PathTemplate.Segment segment : part.target().path().segments()) {
            segments.add(segment instanceof PathTemplate.Identifier id ? values.get(id.ref().toString())
                    : ((PathTemplate.Literal) segment).text());
        }
        List<String> kept = segments.subList(Math.min(route.stripPrefix(), segments.size()), segments.size());
        String path = "/" + String.join("/", kept);
        String query = null;
        if (!part.target().query().isEmpty()) {
            StringBuilder text = new StringBuilder();
            part.target().query().forEach((name, value) -> {
                if (!text.isEmpty()) {
                    text.append('&');
                }
                text.append(name).append('=');
                if (value instanceof PathTemplate.Identifier id) {
                    // a path segment's coding is not a query value's ('+', '&', '=' differ): decoded, then encoded for the query
                    String decoded = UriUtils.decode(values.get(id.ref().toString()), StandardCharsets.UTF_8);
                    text.append(UriUtils.encodeQueryParam(decoded, StandardCharsets.UTF_8));
                } else {
                    text.append(((PathTemplate.Literal) value).text());
                }
            });
            query = text.toString();
        }
        return new PartRequest(path, query);
    }
}
