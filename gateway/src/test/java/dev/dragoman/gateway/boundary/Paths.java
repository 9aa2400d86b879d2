package dev.dragoman.gateway.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an upstream may read a path: segments percent-decoded one by one (so an encoded
 * {@code %2F} stays inside its segment), dot-segments removed (RFC 3986 5.2.4, {@code %2e}
 * being a dot, 6.2.2.2), empty segments dropped (a trailing slash, and {@code //}, which Tomcat
 * and nginx merge). A path that reads as a template under this reading has its identifiers at
 * the template's slots, whatever its spelling.
 */
final class Paths {

    private Paths() {
    }

    /** The decoded segments, or null when a segment's escapes are not UTF-8. */
    static List<String> normalize(String rawPath) {
        List<String> out = new ArrayList<>();
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        for (String raw : path.split("/", -1)) {
            String segment = Encodings.decodeSegment(raw);
            if (segment == null) {
                return null;
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(segment);
        }
        return out;
    }

    /** The first template (in declared order) that the segments read as. */
    static Optional<ForeignMap.Template> match(ForeignMap.Route route, List<String> segments) {
        for (ForeignMap.Template template : route.templates()) {
            if (template.segments().size() != segments.size()) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < segments.size(); i++) {
                ForeignMap.Segment s = template.segments().get(i);
                if (s.slot() == null && !s.literal().equals(segments.get(i))) {
                    matches = false;
                    break;
                }
            }
            if (matches) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }
}
