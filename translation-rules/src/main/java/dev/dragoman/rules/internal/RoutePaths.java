package dev.dragoman.rules.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a route's {@code path} (a Spring path pattern such as {@code /game-dept/**}) serves a
 * path, for checks only: the gateway matches with Spring's own parser. Lenient where the two
 * could differ (a segment with a regular expression matches any segment), so a check never
 * refuses a path that the route serves.
 */
final class RoutePaths {

    private RoutePaths() {
    }

    static boolean serves(String pattern, List<String> segments) {
        return matches(split(pattern), 0, segments, 0);
    }

    static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return Arrays.asList(trimmed.split("/", -1));
    }

    private static boolean matches(List<String> pattern, int p, List<String> path, int s) {
        if (p == pattern.size()) {
            return s == path.size();
        }
        String segment = pattern.get(p);
        if (segment.equals("**") || segment.startsWith("{*")) {
            return true;
        }
        if (s == path.size()) {
            // "/games/**" also serves "/games"; a trailing empty segment is "/games/"
            return false;
        }
        if (!segmentMatches(segment, path.get(s))) {
            return false;
        }
        return matches(pattern, p + 1, path, s + 1);
    }

    private static boolean segmentMatches(String pattern, String segment) {
        if (pattern.equals("*") || pattern.startsWith("{") && pattern.endsWith("}")) {
            return !segment.isEmpty();
        }
        if (pattern.contains("{")) {
            return true;
        }
        if (pattern.contains("*") || pattern.contains("?")) {
            String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            return segment.matches(regex);
        }
        return pattern.equals(segment);
    }
}
