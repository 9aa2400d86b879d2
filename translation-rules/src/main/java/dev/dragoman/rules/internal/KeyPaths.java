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
        int end = path.length();
        if (end == 0) {
            return "";
        }
        if (path.charAt(end - 1) == ']') {
            int open = path.charAt(end - 2) == '\'' ? path.lastIndexOf("['") : path.lastIndexOf('[');
            return path.substring(0, Math.max(open, 0));
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf(']');
        return dot > bracket ? path.substring(0, dot) : path.substring(0, bracket + 1);
    }
}
