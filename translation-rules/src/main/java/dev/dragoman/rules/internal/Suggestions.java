package dev.dragoman.rules.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Hints for a name that is not declared: the closest declared name, or the choices. */
public final class Suggestions {
    private static final int MAX_LISTED = 12;

    private Suggestions() {
    }

    /** "did you mean 'x'?" when one name is within two edits, otherwise the declared names. */
    public static String hint(String wrong, Collection<String> known, String kind) {
        if (known.isEmpty()) {
            return "no " + kind + " is declared";
        }
        String closest = known.stream()
                .min(Comparator.comparingInt(k -> distance(wrong, k)))
                .filter(k -> distance(wrong, k) <= Math.max(1, Math.min(2, wrong.length() / 3)))
                .orElse(null);
        if (closest != null) {
            return "did you mean '" + closest + "'?";
        }
        String listed = known.stream().sorted().limit(MAX_LISTED).collect(Collectors.joining(", "));
        return "declared " + kind + ": " + listed + (known.size() > MAX_LISTED ? ", ..." : "");
    }

    /** Levenshtein distance; names are short, so the plain dynamic programme is enough. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
