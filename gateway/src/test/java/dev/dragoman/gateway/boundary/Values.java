package dev.dragoman.gateway.boundary;

import java.util.List;
import java.util.Random;

/**
 * Awkward but legal identifier values. Styles 0 to 2 are plain ASCII without commas, fit for an
 * HTTP header; 3 and 4 hold what URLs and forms give meaning to, and unicode.
 */
final class Values {

    private static final List<String> URL_PIECES = List.of(" ", "/", "%", "+", "&", "=", "?", "#", "%2F", "%20", ":", "@", "!", "$",
            "(", ")", "*", "'", "\"", ";", "-", "_", ".", "~");
    private static final List<String> HEADER_PIECES = List.of(" ", "/", "%", "+", "&", "=", "?", "#", "-", "_", ".", ":");
    private static final List<String> UNICODE = List.of("é", "ß", "漢字", "🎲", "Ω", "ü", "ñ", "日本");

    private Values() {
    }

    static ForeignMap.Value generate(Random random, int style) {
        return switch (style) {
            case 0 -> new ForeignMap.Value(number(random), true);
            case 1 -> new ForeignMap.Value(digits(random), false);
            case 2 -> new ForeignMap.Value(text(random, HEADER_PIECES, false), false);
            case 3 -> new ForeignMap.Value(text(random, URL_PIECES, false), false);
            default -> new ForeignMap.Value(text(random, URL_PIECES, true), false);
        };
    }

    static String number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> String.valueOf(random.nextInt(20));
            case 1 -> String.valueOf(1000 + random.nextInt(100));
            case 2 -> String.valueOf(-1 - random.nextInt(50));
            case 3 -> String.valueOf(100000 + random.nextInt(900000));
            case 4 -> "9" + String.valueOf(Math.abs(random.nextLong())).substring(0, 15);
            default -> String.valueOf(1 + random.nextInt(9));
        };
    }

    /** Digits that YAML must keep as text: leading zeros, or a number quoted. */
    static String digits(Random random) {
        return random.nextBoolean() ? "0" + random.nextInt(1000) : String.valueOf(random.nextInt(100));
    }

    /** A value made of pieces, never empty, never blank at either end, never a dot-segment. */
    static String text(Random random, List<String> pieces, boolean unicode) {
        while (true) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                switch (random.nextInt(unicode ? 4 : 3)) {
                    case 0 -> text.append(pieces.get(random.nextInt(pieces.size())));
                    case 3 -> text.append(UNICODE.get(random.nextInt(UNICODE.size())));
                    default -> text.append(word(random));
                }
            }
            String value = text.toString();
            if (!value.isBlank() && !value.startsWith(" ") && !value.endsWith(" ") && !value.equals(".") && !value.equals("..")) {
                return value;
            }
        }
    }

    static String word(Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    /** A value that is in neither table: unknown to both contexts. */
    static String unknown(Random random, ForeignMap.Rule rule) {
        while (true) {
            String candidate = switch (random.nextInt(4)) {
                case 0 -> number(random);
                case 1 -> digits(random);
                case 2 -> text(random, HEADER_PIECES, false);
                default -> text(random, URL_PIECES, true);
            };
            if (!rule.inSource(ForeignMap.Direction.REQUEST, candidate) && !rule.inTarget(ForeignMap.Direction.REQUEST, candidate)
                    && !rule.inSource(ForeignMap.Direction.RESPONSE, candidate) && !rule.inTarget(ForeignMap.Direction.RESPONSE, candidate)) {
                return candidate;
            }
        }
    }
}
