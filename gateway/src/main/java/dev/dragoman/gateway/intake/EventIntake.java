package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.cloudevents.JsonData;
import dev.dragoman.gateway.cloudevents.OutgoingEvents;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.saga.Negation;
import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.BodyTranslator;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.Resolved;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.UnsupportedJsonEncodingException;
import dev.dragoman.rules.model.Delivery;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Takes a published event (SPEC section 5): checks that its context may publish it, asks the
 * store what the plan needs (an earlier acceptance, a saga's deadline), translates every
 * subscriber's copy ({@link #translate}, one replaceable unit), and has the {@link EventPlan}
 * stored whole by {@link IntakeStore#write}. {@link #accept} returning means the event is
 * durably stored; any refusal leaves nothing behind.
 */
public final class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    private final ModelHolder models;
    private final IntakeStore store;
    private final PlanWriter writer;
    private final Clock clock;
    private final Duration defaultDeadline;
    private final EventMetrics metrics;
    private final Runnable newWork;

    /**
     * @param newWork told after each commit that added copies, so that delivery starts at once
     */
    EventIntake(ModelHolder models, IntakeStore store, Clock clock, Duration defaultDeadline, EventMetrics metrics, Runnable newWork) {
        this(models, store, store, clock, defaultDeadline, metrics, newWork);
    }

    /**
     * @param writer stores each plan: the store itself, or {@link GroupCommit} in front of it
     * @param newWork told after each commit that added copies, so that delivery starts at once
     */
    EventIntake(ModelHolder models, IntakeStore store, PlanWriter writer, Clock clock, Duration defaultDeadline, EventMetrics metrics,
            Runnable newWork) {
        this.models = models;
        this.store = store;
        this.writer = writer;
        this.clock = clock;
        this.defaultDeadline = defaultDeadline;
        this.metrics = metrics;
        this.newWork = newWork;
    }

    /**
     * @param caller the context the caller's key proves, or null for an anonymous call in open development mode
     * @throws IntakeRefusedException with the problem to answer; nothing was stored
     */
    public Accepted accept(String caller, CloudEvent event) {
        String source = event.getSource().toString();
        EventLimits.check(event);
        ServedModel served = models.current();
        Translators translators = served.translators();
        Publishing publishing = Publishing.of(translators.model(), event.getType(), caller);
        Object ownSagaId = event.getExtension(OutgoingEvents.SAGA_ID);
        if (ownSagaId != null) {
            EventLimits.checkSagaId(ownSagaId.toString(), publishing.starts());
        }
        // Asked before the data is looked at: a publisher retrying an event it was told 202 for
        // must hear 202 again, even if the identifiers in it no longer translate.
        Optional<PublishedEvents.Published> before = store.published(source, event.getId());
        if (before.isPresent()) {
            return duplicate(before.get(), event, publishing);
        }
        // Microseconds: what both H2 and PostgreSQL store, so that every view of a time agrees.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String sagaId = EventPlan.sagaId(event, publishing);
        if (publishing.starts() != null) {
            EventLimits.checkSagaId(sagaId, publishing.starts());
        }
        Optional<Instant> sagaDeadline = EventPlan.needsSagaDeadline(event, publishing, sagaId, now) ? store.sagaDeadline(sagaId)
                : Optional.empty();
        Instant deadline = EventPlan.deadline(event, publishing, sagaId, now, defaultDeadline, sagaDeadline);
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        Map<String, byte[]> copies = copies(translators, publishing, event, data);
        if (publishing.completion()) {
            checkNegatable(publishing, data);
        }
        EventPlan plan = EventPlan.of(served, publishing, event, sagaId, deadline, now, copies);
        try {
            Accepted accepted = writer.write(plan);
            metrics.accepted(event.getType());
            log.debug("Accepted {} {} from {} ({}), {} copies, deadline {}", event.getType(), event.getId(), publishing.publisher(), source,
                    copies.size(), deadline);
            newWork.run();
            return accepted;
        } catch (DuplicateKeyException e) {
            // published at the same moment by another request or instance: that one stored it
            return duplicate(store.published(source, event.getId()).orElseThrow(() -> e), event, publishing);
        }
    }

    /**
     * The answer to an event whose source and id were accepted before: 202 again if it is the same
     * event from the same context, 409 if the pair names another one.
     */
    private Accepted duplicate(PublishedEvents.Published published, CloudEvent event, Publishing publishing) {
        if (!published.type().equals(event.getType()) || !published.publisher().equals(publishing.publisher())) {
            throw new IntakeRefusedException(EventProblems.identityConflict("source '" + published.source() + "' and id '"
                    + published.eventId() + "' already name another event" + (published.publisher().equals(publishing.publisher())
                            ? ", of type " + published.type() : ", published by another context")
                    + ": give each event its own id within its source"));
        }
        metrics.duplicate(published.type());
        log.info("Event {} {} from {} was accepted before; not delivered again", published.type(), published.eventId(), published.source());
        return new Accepted(published.source(), published.eventId(), published.type(), published.sagaId(), published.deadline(), true,
                List.of());
    }

    /** Each subscriber's data, translated into its model; 422 with every untranslatable value of every copy. */
    private Map<String, byte[]> copies(Translators translators, Publishing publishing, CloudEvent event, byte[] data) {
        Map<String, byte[]> copies = new LinkedHashMap<>();
        if (publishing.route() == null) {
            return copies;
        }
        Map<String, List<Unresolved>> unresolved = new LinkedHashMap<>();
        int unresolvedCount = 0;
        boolean checked = false;
        for (Delivery delivery : publishing.route().deliver()) {
            BodyTranslator translator = translators.delivery(publishing.type(), publishing.publisher(), delivery.to());
            if (!translator.hasRules() || data == null) {
                copies.put(delivery.to(), data);
                continue;
            }
            if (!JsonData.isJson(event.getDataContentType())) {
                throw new IntakeRefusedException(EventProblems.invalid("the event's data is " + event.getDataContentType()
                        + ", but the maps translate identifiers in it for " + delivery.to() + ": send JSON data"));
            }
            if (!checked) {
                // opaque data without a content type (binary mode, data_base64) meets a rule here
                // first; refused as the publisher's mistake, whatever the engine would make of it
                JsonData.requireValue(data, event.getDataContentType() == null ? "application/json, as no datacontenttype was given"
                        : event.getDataContentType());
                checked = true;
            }
            BodyTranslation translation = translate(translators, translator, data);
            if (translation.complete()) {
                copies.put(delivery.to(), translation.body());
            } else {
                unresolved.put(delivery.to(), translation.unresolved());
                unresolvedCount += translation.unresolvedCount();
            }
        }
        if (!unresolved.isEmpty()) {
            throw new IntakeRefusedException(EventProblems.untranslatable(publishing.type(), unresolved, unresolvedCount));
        }
        return copies;
    }

    /**
     * The engine's translation with its resolver rounds (the filters use the same). Blocking is fine
     * here: intake runs on a worker thread, never on the event loop; {@link #LOOKUP_TIMEOUT} bounds
     * the whole wait, each lookup being bounded by its resolver's own timeout too.
     */
    private static BodyTranslation translate(Translators translators, BodyTranslator translator, byte[] data) {
        Resolved<BodyTranslation> resolved;
        try {
            resolved = translators.translate(translator, data).get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnsupportedJsonEncodingException unsupported) {
                throw new IntakeRefusedException(EventProblems.invalid("the event's data is " + unsupported.encoding()
                        + ", and JSON data is UTF-8 (RFC 8259): send it as UTF-8"));
            }
            if (e.getCause() instanceof MalformedJsonException malformed) {
                throw new IntakeRefusedException(EventProblems.invalid("the event's data is not valid JSON: " + malformed.getMessage()));
            }
            throw new IllegalStateException("translating an event's data failed", e.getCause());
        } catch (TimeoutException e) {
            Unresolved first = translator.translate(data).unresolved().stream().filter(u -> u.lookup() != null).findFirst().orElseThrow(
                    () -> new IllegalStateException("translating an event's data took longer than " + LOOKUP_TIMEOUT, e));
            throw new IntakeRefusedException(EventProblems.resolverUnavailable(first.lookup().concept()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving identifiers", e);
        }
        // A value still waiting for a lookup that was asked was not found unknown: its resolver did
        // not answer. That is no fault of the publisher's, so it hears "not now", not 422.
        if (!resolved.waiting().isEmpty()) {
            throw new IntakeRefusedException(EventProblems.resolverUnavailable(resolved.waiting().get(0).lookup().concept()));
        }
        return resolved.translation();
    }

    private static void checkNegatable(Publishing publishing, byte[] data) {
        if (publishing.reporter().negate().isEmpty()) {
            return;
        }
        List<String> problems = data == null ? List.of("the event has no data")
                : Negation.check(new String(data, StandardCharsets.UTF_8), publishing.reporter().negate());
        if (!problems.isEmpty()) {
            throw new IntakeRefusedException(EventProblems.invalid(publishing.type() + " completes " + publishing.reporter().context()
                    + "'s part of saga " + publishing.reportsTo().name() + ", and its compensation negates "
                    + publishing.reporter().negate().stream().map(p -> p.text()).toList() + " of its data, but " + String.join("; ", problems)));
        }
    }
}
