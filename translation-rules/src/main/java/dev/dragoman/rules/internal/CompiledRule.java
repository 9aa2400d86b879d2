package dev.dragoman.rules.internal;

import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.IdentifierTable.Column;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.ResolveRequest;
import dev.dragoman.rules.resolver.ResolverCache;
import java.util.Optional;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * One rule bound to one direction: the source column it reads, the target column it
 * writes, and the resolver cache behind them. Translating is one hash probe.
 */
public final class CompiledRule {

    /** The outcome of translating one value: the target value, or why there is none. */
    public record Outcome(Scalar value, Unresolved.Reason reason, ResolveRequest lookup) {
        static final Outcome UNKNOWN = new Outcome(null, Unresolved.Reason.UNKNOWN, null);

        public boolean translated() {
            return value != null;
        }
    }

    private final IdentifierRef ref;
    private final String from;
    private final String to;
    private final Column source;
    private final Column target;
    private final ResolverCache resolver;
    /**
     * The JSON form of recently translated rows, so a body's hundreds of identifiers do not
     * each encode and allocate their replacement. Direct-mapped and racy on purpose: a slot
     * holds an immutable entry, a lost write only costs a re-encoding, and the size is fixed
     * whatever the table's (a cache per row would double a million-row table's heap).
     */
    private final EncodedRow[] encoded = new EncodedRow[ENCODED_SLOTS];
    private static final int ENCODED_SLOTS = 1024;

    private record EncodedRow(int row, byte[] json) {
    }

    public CompiledRule(IdentifierRef ref, Concept concept, String from, String to, ResolverCache resolver) {
        this.ref = ref;
        this.from = from;
        this.to = to;
        this.source = concept.table().column(from, ref.sourceField()).orElse(null);
        this.target = concept.table().column(to, ref.targetField()).orElse(null);
        this.resolver = resolver;
    }

    public IdentifierRef ref() {
        return ref;
    }

    public String name() {
        return ref.toString();
    }

    /** Translates one value; a null text (a query parameter without a value) is unknown, never looked up. */
    public Outcome translate(String text) {
        if (text == null) {
            return Outcome.UNKNOWN;
        }
        int row = source == null ? -1 : source.find(text);
        String found = target == null ? null : target.textAt(row);
        if (found != null) {
            return new Outcome(new Scalar(found, target.kindAt(row)), null, null);
        }
        if (resolver == null) {
            return Outcome.UNKNOWN;
        }
        ResolveRequest request = new ResolveRequest(ref.concept(), from, ref.sourceField(), to, ref.targetField(), text);
        Optional<Optional<Scalar>> answer = resolver.cached(request);
        if (answer.isEmpty()) {
            return new Outcome(null, Unresolved.Reason.NEEDS_LOOKUP, request);
        }
        return answer.get().map(v -> new Outcome(v, null, null)).orElse(Outcome.UNKNOWN);
    }

    /**
     * The JSON form of the value the table gives the text in {@code chars[offset, offset + length)}
     * (the parser's buffer), or null when the table has no row for it (the caller then takes
     * {@link #translate} for the resolver and the reason).
     */
    byte[] tableJson(char[] chars, int offset, int length) {
        int row = source == null ? -1 : source.find(chars, offset, length);
        Scalar.Kind kind = target == null ? null : target.kindAt(row);
        if (kind == null) {
            return null;
        }
        int slot = row & (ENCODED_SLOTS - 1);
        EncodedRow cached = encoded[slot];
        if (cached != null && cached.row == row) {
            return cached.json;
        }
        // the text is made only here: a compact column builds a String for each textAt
        byte[] json = json(target.textAt(row), kind);
        encoded[slot] = new EncodedRow(row, json);
        return json;
    }

    /** A value as JSON: numbers and booleans bare, strings quoted and escaped. */
    static byte[] json(Scalar value) {
        return json(value.text(), value.kind());
    }

    private static byte[] json(String text, Scalar.Kind kind) {
        if (kind == Scalar.Kind.STRING && needsEscaping(text)) {
            byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
            byte[] quoted = new byte[escaped.length + 2];
            quoted[0] = '"';
            System.arraycopy(escaped, 0, quoted, 1, escaped.length);
            quoted[quoted.length - 1] = '"';
            return quoted;
        }
        int quotes = kind == Scalar.Kind.STRING ? 1 : 0;
        byte[] out = new byte[text.length() + 2 * quotes];
        for (int i = 0; i < text.length(); i++) {
            out[i + quotes] = (byte) text.charAt(i);
        }
        if (quotes == 1) {
            out[0] = '"';
            out[out.length - 1] = '"';
        }
        return out;
    }

    /** Whether a string needs more than its printable ASCII bytes between quotes (the common identifier does not). */
    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
