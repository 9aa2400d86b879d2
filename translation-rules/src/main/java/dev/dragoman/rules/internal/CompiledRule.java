package dev.dragoman.rules.internal;

import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.IdentifierTable.Column;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.ResolveRequest;
import dev.dragoman.rules.resolver.ResolverCache;
import java.nio.charset.StandardCharsets;
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

    public Outcome translate(String text) {
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

    /** A value as JSON: numbers and booleans bare, strings quoted and escaped. */
    static byte[] json(Scalar value) {
        if (value.kind() == Scalar.Kind.STRING) {
            byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(value.text());
            byte[] quoted = new byte[escaped.length + 2];
            quoted[0] = '"';
            System.arraycopy(escaped, 0, quoted, 1, escaped.length);
            quoted[quoted.length - 1] = '"';
            return quoted;
        }
        return value.text().getBytes(StandardCharsets.US_ASCII);
    }
}
