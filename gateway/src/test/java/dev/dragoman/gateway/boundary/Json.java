package dev.dragoman.gateway.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A JSON value that keeps what the fuzzer must compare exactly: the literal text of every
 * number (so that {@code 1}, {@code 1.0} and {@code 1e0} stay apart, as they do for the
 * gateway's text-form matching) and the order of members. Written by hand, in random but
 * valid styles (whitespace, {@code \}u escapes), because a serializer would write one style only.
 */
sealed interface Json {

    record Obj(List<Map.Entry<String, Json>> members) implements Json {
    }

    record Arr(List<Json> elements) implements Json {
    }

    record Str(String value) implements Json {
    }

    /** A number as its literal text. */
    record Num(String literal) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    enum Null implements Json {
        NULL
    }

    static Obj obj() {
        return new Obj(new ArrayList<>());
    }

    static Arr arr() {
        return new Arr(new ArrayList<>());
    }

    /** The text form the gateway matches identifiers by. */
    static String text(Json scalar) {
        if (scalar instanceof Str s) {
            return s.value();
        }
        if (scalar instanceof Num n) {
            return n.literal();
        }
        if (scalar instanceof Bool b) {
            return String.valueOf(b.value());
        }
        return null;
    }

    static boolean isScalar(Json value) {
        return value instanceof Str || value instanceof Num || value instanceof Bool;
    }

    /** Exact equality: numbers by their literal text, objects member by member in order. */
    static boolean same(Json a, Json b) {
        return a.equals(b);
    }

    // ---- writing

    static String write(Json value) {
        StringBuilder out = new StringBuilder();
        write(value, out, null);
        return out.toString();
    }

    /** Written with random whitespace and escapes: the same value, in a style the gateway has not seen. */
    static String write(Json value, Random random) {
        StringBuilder out = new StringBuilder();
        write(value, out, random);
        return out.toString();
    }

    private static void write(Json value, StringBuilder out, Random random) {
        if (value instanceof Obj o) {
            out.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(out, random);
                string(o.members().get(i).getKey(), out, random);
                space(out, random);
                out.append(':');
                space(out, random);
                write(o.members().get(i).getValue(), out, random);
            }
            space(out, random);
            out.append('}');
        } else if (value instanceof Arr a) {
            out.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                space(out, random);
                write(a.elements().get(i), out, random);
            }
            space(out, random);
            out.append(']');
        } else if (value instanceof Str s) {
            string(s.value(), out, random);
        } else if (value instanceof Num n) {
            out.append(n.literal());
        } else if (value instanceof Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    private static void space(StringBuilder out, Random random) {
        if (random != null && random.nextInt(6) == 0) {
            out.append(List.of(" ", "\n", "\t", "  ", "\r\n").get(random.nextInt(5)));
        }
    }

    private static void string(String value, StringBuilder out, Random random) {
        out.append('"');
        value.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20) {
                out.append(String.format("\\u%04x", cp));
            } else if (cp == '/' && random != null && random.nextInt(3) == 0) {
                out.append("\\/");
            } else if (random != null && random.nextInt(12) == 0) {
                for (char c : Character.toChars(cp)) {
                    out.append(String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        out.append('"');
    }

    // ---- reading

    JsonFactory FACTORY = new JsonFactory();

    /** Parses a whole document, keeping number literals; throws on anything that is not one JSON value. */
    static Json parse(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IllegalArgumentException("empty document");
            }
            Json value = read(parser, token);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return value;
        }
    }

    private static Json read(JsonParser parser, JsonToken token) {
        return switch (token) {
            case START_OBJECT -> {
                Obj obj = obj();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    obj.members().add(Map.entry(name, read(parser, parser.nextToken())));
                }
                yield obj;
            }
            case START_ARRAY -> {
                Arr arr = arr();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    arr.elements().add(read(parser, t));
                }
                yield arr;
            }
            case VALUE_STRING -> new Str(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(parser.getText());
            case VALUE_TRUE -> new Bool(true);
            case VALUE_FALSE -> new Bool(false);
            case VALUE_NULL -> Null.NULL;
            default -> throw new IllegalArgumentException("unexpected token " + token);
        };
    }
}
