package dev.dragoman.rules.internal;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.Unresolved;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.base.ParserBase;
import tools.jackson.core.json.JsonFactory;

/**
 * One pass over one JSON document: Jackson's parser finds the tokens, the automaton says
 * which are identifiers, and the output is the input with only those byte spans replaced.
 * Bytes no rule touches are never decoded or re-encoded, so numbers like
 * 0.1000000000000000055511 and any escaping come out exactly as they came in.
 */
final class BodyWalk {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int INITIAL_DEPTH = 16;

    private final PathAutomaton automaton;
    private final CompiledRule[] rules;
    private final byte[] input;
    private final String where;
    private long[][] live;
    /**
     * The path to the current node, for error locations: per depth a member's name, or null
     * and the element's index in {@code indexes} (two arrays, so no index is boxed).
     */
    private String[] names = new String[INITIAL_DEPTH];
    private int[] indexes = new int[INITIAL_DEPTH];
    private JsonParser parser;

    private int[] spliceStarts = new int[8];
    private int[] spliceEnds = new int[8];
    private byte[][] splices = new byte[8][];
    private int spliceCount;
    private int translated;
    private List<Unresolved> unresolved = List.of();

    BodyWalk(PathAutomaton automaton, CompiledRule[] rules, byte[] input, String where) {
        this.automaton = automaton;
        this.where = where;
        this.rules = rules;
        this.input = input;
        // rows are made as the walk goes deeper (ensureDepth): most bodies are a few levels deep
        this.live = new long[INITIAL_DEPTH][];
        this.live[0] = new long[automaton.words()];
    }

    BodyTranslation run() {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), input)) {
            parser = p;
            JsonToken token = p.nextToken();
            if (token == null) {
                return new BodyTranslation(input, 0, List.of());
            }
            System.arraycopy(automaton.initial(), 0, live[0], 0, automaton.words());
            value(token, 0, -1);
            if (p.nextToken() != null) {
                throw new MalformedJsonException("unexpected content after the JSON document", p.currentTokenLocation().getByteOffset(), null);
            }
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new MalformedJsonException("malformed JSON: " + e.getOriginalMessage(), offset, e);
        }
        return new BodyTranslation(spliced(), translated, unresolved);
    }

    /**
     * Walks the value whose first token is {@code token}, at {@code depth}, whose live states
     * are {@code live[depth]}; {@code elementRule} is the rule of the enclosing array when that
     * array is itself a rule's target (its scalar elements are identifiers).
     */
    private void value(JsonToken token, int depth, int elementRule) {
        long[] states = live[depth];
        int rule = automaton.accepted(states);
        if (rule < 0) {
            rule = elementRule;
        }
        switch (token) {
            case START_OBJECT -> {
                if (rule >= 0) {
                    notAnIdentifier(depth, rule, "an object");
                }
                if (PathAutomaton.isEmpty(states)) {
                    parser.skipChildren();
                    return;
                }
                ensureDepth(depth + 1);
                long[] child = live[depth + 1];
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken valueToken = parser.nextToken();
                    if (automaton.member(states, name, child)) {
                        names[depth + 1] = name;
                        value(valueToken, depth + 1, -1);
                    } else if (valueToken.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
            case START_ARRAY -> {
                int arrayRule = automaton.accepted(states);
                if (arrayRule < 0 && PathAutomaton.isEmpty(states)) {
                    parser.skipChildren();
                    return;
                }
                ensureDepth(depth + 1);
                long[] child = live[depth + 1];
                int index = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken(), index++) {
                    automaton.element(states, index, child);
                    names[depth + 1] = null;
                    indexes[depth + 1] = index;
                    value(t, depth + 1, arrayRule);
                }
            }
            case VALUE_NULL -> {
                // null stays null: nothing to translate
            }
            default -> {
                if (rule >= 0) {
                    scalar(token, depth, rule);
                }
            }
        }
    }

    private void scalar(JsonToken token, int depth, int rule) {
        // ParserBase's offset is one past the token's first byte (as its currentTokenLocation
        // says); reading it allocates nothing, unlike a TokenStreamLocation per identifier
        int start = (int) ((ParserBase) parser).getTokenCharacterOffset() - 1;
        int end = scalarEnd(start);
        CompiledRule compiled = rules[rule];
        // the table is asked with the parser's own characters: no String per identifier
        byte[] replacement = compiled.tableJson(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (replacement == null) {
            String text = parser.getText();
            CompiledRule.Outcome outcome = compiled.translate(text);
            if (!outcome.translated()) {
                report(new Unresolved(location(depth), compiled.name(), text, outcome.reason(), outcome.lookup()));
                return;
            }
            replacement = CompiledRule.json(outcome.value());
        }
        translated++;
        if (!Arrays.equals(input, start, end, replacement, 0, replacement.length)) {
            splice(start, end, replacement);
        }
    }

    /**
     * One past the last byte of the scalar starting at {@code start}, which the parser has
     * already checked: a string ends at its closing quote, anything else at the next
     * delimiter.
     */
    private int scalarEnd(int start) {
        int i = start;
        if (input[i] == '"') {
            for (i++; input[i] != '"'; i++) {
                if (input[i] == '\\') {
                    i++;
                }
            }
            return i + 1;
        }
        while (i < input.length && !isDelimiter(input[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private void notAnIdentifier(int depth, int rule, String what) {
        report(new Unresolved(location(depth), rules[rule].name(), what, Unresolved.Reason.NOT_AN_IDENTIFIER, null));
    }

    private void report(Unresolved problem) {
        if (unresolved.isEmpty()) {
            unresolved = new ArrayList<>();
        }
        unresolved.add(problem);
    }

    private void splice(int start, int end, byte[] replacement) {
        if (spliceCount == spliceStarts.length) {
            int size = spliceCount * 2;
            spliceStarts = Arrays.copyOf(spliceStarts, size);
            spliceEnds = Arrays.copyOf(spliceEnds, size);
            splices = Arrays.copyOf(splices, size);
        }
        spliceStarts[spliceCount] = start;
        spliceEnds[spliceCount] = end;
        splices[spliceCount++] = replacement;
    }

    /** The input with every splice applied, in one exactly sized copy; the input itself when none. */
    private byte[] spliced() {
        if (spliceCount == 0) {
            return input;
        }
        int length = input.length;
        for (int i = 0; i < spliceCount; i++) {
            length += splices[i].length - (spliceEnds[i] - spliceStarts[i]);
        }
        byte[] out = new byte[length];
        int from = 0;
        int to = 0;
        for (int i = 0; i < spliceCount; i++) {
            int untouched = spliceStarts[i] - from;
            System.arraycopy(input, from, out, to, untouched);
            to += untouched;
            System.arraycopy(splices[i], 0, out, to, splices[i].length);
            to += splices[i].length;
            from = spliceEnds[i];
        }
        System.arraycopy(input, from, out, to, input.length - from);
        return out;
    }

    private void ensureDepth(int depth) {
        if (depth >= live.length) {
            live = Arrays.copyOf(live, live.length * 2);
            names = Arrays.copyOf(names, live.length);
            indexes = Arrays.copyOf(indexes, live.length);
        }
        if (live[depth] == null) {
            live[depth] = new long[automaton.words()];
        }
    }

    /** Where the node at {@code depth} is, e.g. {@code body $.items[2].gameCode}. */
    private String location(int depth) {
        StringBuilder out = new StringBuilder(where).append(" $");
        for (int d = 1; d <= depth; d++) {
            String name = names[d];
            if (name == null) {
                out.append('[').append(indexes[d]).append(']');
            } else {
                boolean plain = !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
                out.append(plain ? "." + name : "['" + name.replace("'", "\\'") + "']");
            }
        }
        return out.toString();
    }

}
