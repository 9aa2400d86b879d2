package dev.dragoman.rules.internal;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.JsonLimits;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.UnsupportedJsonEncodingException;
import dev.dragoman.rules.resolver.ResolveRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.base.ParserBase;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * One pass over one JSON document: Jackson's parser finds the tokens, the automaton says
 * which are identifiers, and the output is the input with only those byte spans replaced.
 * Bytes no rule touches are never decoded or re-encoded, so numbers like
 * 0.1000000000000000055511 and any escaping come out exactly as they came in. An object or
 * array that no live state can enter is not tokenized at all: {@link JsonSkipper} steps over
 * its bytes (checking that they are JSON) and the parser goes on after it.
 *
 * <p>Only UTF-8 is read (the offsets spliced by are byte offsets), and nothing but a
 * {@link MalformedJsonException} leaves the walk for any bytes.
 */
final class BodyWalk {

    /** The limits set here, not taken from Jackson's process-wide defaults, which anyone may override. */
    private static final JsonFactory FACTORY = new SkippingJsonFactory(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH).build()));
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
    private SkippingJsonParser parser;

    private int[] spliceStarts = new int[8];
    private int[] spliceEnds = new int[8];
    private byte[][] splices = new byte[8][];
    private int spliceCount;
    private int translated;
    private List<Unresolved> unresolved = List.of();
    private int unresolvedCount;

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
        JsonEncodings.requireUtf8(input);
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), input)) {
            if (!(p instanceof SkippingJsonParser skipping)) {
                // the factory makes nothing else; requireUtf8 has refused every other encoding before
                throw new UnsupportedJsonEncodingException("an encoding other than UTF-8",
                        "the JSON is not encoded in UTF-8, and this gateway reads JSON in UTF-8 only (RFC 8259 section 8.1): send it in UTF-8");
            }
            parser = skipping;
            JsonToken token = p.nextToken();
            if (token == null) {
                return new BodyTranslation(input, 0, List.of());
            }
            System.arraycopy(automaton.initial(), 0, live[0], 0, automaton.words());
            value(token, 0, -1);
            if (p.nextToken() != null) {
                throw new MalformedJsonException("unexpected content after the JSON document", p.currentTokenLocation().getByteOffset(), null);
            }
        } catch (StreamConstraintsException e) {
            throw new MalformedJsonException(tooLarge(e), offset(e), e);
        } catch (JacksonException e) {
            throw new MalformedJsonException("malformed JSON: " + e.getOriginalMessage(), offset(e), e);
        }
        return new BodyTranslation(spliced(), translated, unresolved, unresolvedCount);
    }

    private String tooLarge(StreamConstraintsException e) {
        if (parser != null && parser.streamReadContext() != null
                && parser.streamReadContext().getNestingDepth() >= JsonLimits.MAX_NESTING_DEPTH) {
            return "the JSON nests deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels, the most this gateway reads: flatten it";
        }
        return "the JSON is beyond a limit of this gateway: " + e.getOriginalMessage();
    }

    private static long offset(JacksonException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
    }

    /**
     * Walks the value whose first token is {@code token}, at {@code depth}, whose live states
     * are {@code live[depth]}; {@code inherited} is the rule of the enclosing arrays when one of
     * them is a rule's target (every scalar in it, at any depth, is an identifier). When two
     * rules reach a value, the first declared applies.
     */
    private void value(JsonToken token, int depth, int inherited) {
        long[] states = live[depth];
        int rule = automaton.accepted(states);
        if (rule < 0 || inherited >= 0 && inherited < rule) {
            rule = inherited;
        }
        switch (token) {
            case START_OBJECT -> {
                if (rule >= 0) {
                    notAnIdentifier(depth, rule);
                }
                mismatched(depth, automaton.mismatchedByObject(states), "an object");
                if (!automaton.entersObject(states)) {
                    parser.skipContainer();
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
                        parser.skipContainer();
                    }
                }
            }
            case START_ARRAY -> {
                mismatched(depth, automaton.mismatchedByArray(states), "an array");
                if (rule < 0 && !automaton.entersArray(states)) {
                    parser.skipContainer();
                    return;
                }
                ensureDepth(depth + 1);
                long[] child = live[depth + 1];
                int index = 0;
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken(), index++) {
                    if (automaton.element(states, index, child) || rule >= 0) {
                        names[depth + 1] = null;
                        indexes[depth + 1] = index;
                        value(t, depth + 1, rule);
                    } else if (t.isStructStart()) {
                        parser.skipContainer();
                    }
                }
            }
            case VALUE_NULL -> {
                // null stays null: nothing to translate, and no shape to mismatch
            }
            default -> {
                if (rule >= 0) {
                    scalar(token, depth, rule);
                }
                int[] mismatches = automaton.mismatchedByScalar(states);
                if (mismatches != null) {
                    mismatched(depth, mismatches, token == JsonToken.VALUE_STRING ? "a string"
                            : token.isNumeric() ? "a number" : "a boolean");
                }
            }
        }
    }

    private void scalar(JsonToken token, int depth, int rule) {
        // ParserBase's offset is one past the token's first byte (as its currentTokenLocation
        // says); reading it allocates nothing, unlike a TokenStreamLocation per identifier
        int start = (int) ((ParserBase) parser).getTokenCharacterOffset() - 1;
        CompiledRule compiled = rules[rule];
        // the table is asked with the parser's own characters: no String per identifier. Jackson
        // reads a string's contents only when asked, so only now is it known to be well-formed
        // and closed, and its end may be looked for
        byte[] replacement = compiled.tableJson(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        int end = scalarEnd(start);
        if (replacement == null) {
            String text = parser.getText();
            CompiledRule.Outcome outcome = compiled.translate(text);
            if (!outcome.translated()) {
                report(depth, rule, text, outcome.reason(), outcome.lookup());
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
            for (i++; i < input.length && input[i] != '"'; i++) {
                if (input[i] == '\\') {
                    i++;
                }
            }
            if (i >= input.length) {
                // the parser has read the string whole, so this is a bug; still a refusal, never an index error
                throw new MalformedJsonException("malformed JSON: a string is never closed", start, null);
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

    private void notAnIdentifier(int depth, int rule) {
        report(depth, rule, "an object", Unresolved.Reason.NOT_AN_IDENTIFIER, null);
    }

    /** Reports each rule whose path expects another shape than {@code shape}, found at {@code depth}. */
    private void mismatched(int depth, int[] rulesMismatched, String shape) {
        if (rulesMismatched != null) {
            for (int rule : rulesMismatched) {
                report(depth, rule, shape, Unresolved.Reason.SHAPE_MISMATCH, null);
            }
        }
    }

    /** Lists the first {@link Unresolved#REPORTED_LIMIT} values (document order) and counts them all. */
    private void report(int depth, int rule, String value, Unresolved.Reason reason, ResolveRequest lookup) {
        if (unresolvedCount++ >= Unresolved.REPORTED_LIMIT) {
            return;
        }
        if (unresolved.isEmpty()) {
            unresolved = new ArrayList<>();
        }
        unresolved.add(new Unresolved(location(depth), rules[rule].name(), value, reason, lookup));
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
