package dev.dragoman.rules.internal;

/**
 * Key paths name a place in a file's structure the way users read it:
 * {@code concepts.game.entries[3].web-support.code}, {@code routes[0].request.body['$.game.code']}.
 */
public final class KeyPaths {
    private KeyPaths() {
    }

    public static String child(String parent, String key) {
        boolean plain = !key.isEmpty() && key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
        if (!plain) {
            return parent + "['" + key + "']";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The enclosing key path, or empty at the top. */
    public static String parent(String path) {
        return path.substring(0, lastSegmentStart(path));
    }

    /** The last key or index of a path, without its brackets or quotes: {@code $['codes']} for {@code body['$['codes']']}. */
    public static String lastKey(String path) {
        String last = path.substring(lastSegmentStart(path));
        if (last.startsWith("['")) {
            return last.substring(2, last.length() - 2);
        }
        return last.startsWith(".") ? last.substring(1) : last;
    }

    /**
     * Reads the path from the left, because a quoted key may itself hold brackets and quotes
     * ({@code body['$['codes']']}): a quoted key ends at the first {@code ']} that leaves an even
     * number of quotes inside it and is followed by the end, a dot or a bracket.
     */
    private static int lastSegmentStart(String path) {
        int start = 0;
        int i = 0;
        while (i < path.length()) {
            start = i;
            if (path.startsWith("['", i)) {
                i = closingQuote(path, i + 2) + 2;
            } else if (path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                i = close < 0 ? path.length() : close + 1;
            } else {
                int next = i + 1;
                while (next < path.length() && path.charAt(next) != '.' && path.charAt(next) != '[') {
                    next++;
                }
                i = next;
            }
        }
        return start;
    }

    private static int closingQuote(String path, int from) {
        int quotes = 0;
        for (int i = from; i < path.length() - 1; i++) {
            boolean closes = path.startsWith("']", i) && quotes % 2 == 0
                    && (i + 2 == path.length() || path.charAt(i + 2) == '.' || path.charAt(i + 2) == '[');
            if (closes) {
                return i;
            }
            if (path.charAt(i) == '\'') {
                quotes++;
            }
        }
        return path.length() - 2;
    }
}
