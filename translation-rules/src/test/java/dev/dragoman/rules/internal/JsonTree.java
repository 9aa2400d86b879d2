package dev.dragoman.rules.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The differential tests' own JSON tree: members as an ordered list of pairs (so duplicate
 * names survive), numbers as the literal written (so {@code 1e0} is not {@code 1}), and every
 * scalar with its byte span in the source. A plain recursive-descent reader of well-formed
 * UTF-8 JSON, written here so that the oracle shares no code with the engine it checks.
 */
final class JsonTree {

    sealed interface Node {
    }

    record Member(String name, Node value) {
    }

    record Obj(List<Member> members) implements Node {
    }

    record Arr(List<Node> elements) implements Node {
    }

    /** A string, number or boolean: {@code text} is the string's value, the number's literal, or true/false. */
    record Scalar(Kind kind, String text, int start, int end) implements Node {
    }

    record Null() implements Node {
    }

    enum Kind { STRING, NUMBER, BOOLEAN }

    private static final Pattern NUMBER_LITERAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final byte[] in;
    private int at;

    private JsonTree(byte[] in) {
        this.in = in;
    }

    /** The document's root; throws IllegalArgumentException for anything but one well-formed document. */
    static Node parse(byte[] json) {
        JsonTree reader = new JsonTree(json);
        int start = json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF ? 3 : 0;
        reader.at = start;
        reader.space();
        Node root = reader.value();
        reader.space();
        if (reader.at != json.length) {
            throw reader.error("content after the document");
        }
        return root;
    }

    private Node value() {
        if (at >= in.length) {
            throw error("end of input");
        }
        byte b = in[at];
        if (b == '{') {
            at++;
            List<Member> members = new ArrayList<>();
            space();
            if (peek() == '}') {
                at++;
                return new Obj(members);
            }
            while (true) {
                space();
                String name = string();
                space();
                expect(':');
                space();
                members.add(new Member(name, value()));
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return new Obj(members);
                }
            }
        }
        if (b == '[') {
            at++;
            List<Node> elements = new ArrayList<>();
            space();
            if (peek() == ']') {
                at++;
                return new Arr(elements);
            }
            while (true) {
                space();
                elements.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return new Arr(elements);
                }
            }
        }
        int start = at;
        if (b == '"') {
            String text = string();
            return new Scalar(Kind.STRING, text, start, at);
        }
        while (at < in.length && !delimiter(in[at])) {
            at++;
        }
        String word = new String(in, start, at - start, UTF_8);
        return switch (word) {
            case "null" -> new Null();
            case "true", "false" -> new Scalar(Kind.BOOLEAN, word, start, at);
            default -> {
                if (!NUMBER_LITERAL.matcher(word).matches()) {
                    throw error("not a value: " + word);
                }
                yield new Scalar(Kind.NUMBER, word, start, at);
            }
        };
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= in.length) {
                throw error("unterminated string");
            }
            int b = in[at] & 0xFF;
            if (b == '"') {
                at++;
                return out.toString();
            }
            if (b == '\\') {
                char c = (char) in[at + 1];
                at += 2;
                switch (c) {
                    case '"', '\\', '/' -> out.append(c);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(new String(in, at, 4, UTF_8), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + c);
                }
            } else if (b < 0x20) {
                throw error("control character in a string");
            } else {
                int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                out.append(new String(in, at, length, UTF_8));
                at += length;
            }
        }
    }

    static boolean delimiter(byte b) {
        return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private void space() {
        while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }

    private int peek() {
        return at < in.length ? in[at] : -1;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException(why + " at byte " + at);
    }

    /** Whether two trees hold the same JSON value: same members in the same order, same literals. */
    static boolean same(Node a, Node b) {
        if (a instanceof Obj x && b instanceof Obj y) {
            if (x.members().size() != y.members().size()) {
                return false;
            }
            for (int i = 0; i < x.members().size(); i++) {
                if (!x.members().get(i).name().equals(y.members().get(i).name()) || !same(x.members().get(i).value(), y.members().get(i).value())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Arr x && b instanceof Arr y) {
            if (x.elements().size() != y.elements().size()) {
                return false;
            }
            for (int i = 0; i < x.elements().size(); i++) {
                if (!same(x.elements().get(i), y.elements().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return x.kind() == y.kind() && x.text().equals(y.text());
        }
        return a instanceof Null && b instanceof Null;
    }
}
