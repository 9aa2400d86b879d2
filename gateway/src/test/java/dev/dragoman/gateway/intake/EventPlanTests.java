package dev.dragoman.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.outbox.OutboxEntry;
import dev.dragoman.rules.Translators;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of accepting an event, decided without a clock, a store or Spring: fixed instants in, a plan out. */
class EventPlanTests {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Duration DEFAULT = Duration.ofHours(1);
    static final byte[] DATA = "{\"amount\":10}".getBytes(StandardCharsets.UTF_8);

    static final Path MAPS = maps();
    final ServedModel served = served(Overrides.NONE);

    // ---- saga ids

    @Test
    void anEventsOwnSagaId_wins() {
        assertThat(EventPlan.sagaId(event("order.placed", "e-1").withExtension("sagaid", "s-9").build(), publishing("order.placed", "order")))
                .isEqualTo("s-9");
    }

    @Test
    void aSagasStartWithoutOne_isItsOwnEventId() {
        assertThat(EventPlan.sagaId(event("order.placed", "e-1").build(), publishing("order.placed", "order"))).isEqualTo("e-1");
    }

    @Test
    void aReportWithoutOne_is400() {
        assertThatThrownBy(() -> EventPlan.sagaId(event("product.reserved", "r-1").build(), publishing("product.reserved", "product")))
                .isInstanceOfSatisfying(IntakeRefusedException.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(400);
                    assertThat(e.problem().getDetail()).contains("reports to saga placement and needs the sagaid extension");
                });
    }

    @Test
    void anyOtherEventWithoutOne_hasNone() {
        assertThat(EventPlan.sagaId(event("order.plain", "e-1").build(), publishing("order.plain", "order"))).isNull();
    }

    // ---- deadlines, in the order of their rules

    @Test
    void theEventsOwnDeadline_winsOverEveryOther() {
        CloudEvent event = event("order.placed", "e-1").withExtension("deadline", "2030-01-01T00:30:00+02:00").build();
        Publishing placed = publishing("order.placed", "order");

        assertThat(deadline(event, placed, "e-1", Optional.empty())).isEqualTo(Instant.parse("2029-12-31T22:30:00Z"));
    }

    @Test
    void aSagasStart_getsTheSagasDeadline_beforeItsEventsEntrys() {
        assertThat(deadline(event("order.placed", "e-1").build(), publishing("order.placed", "order"), "e-1", Optional.empty()))
                .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void anEventsEntrysDeadline_comesNext() {
        assertThat(deadline(event("order.noted", "e-1").build(), publishing("order.noted", "order"), null, Optional.empty()))
                .isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aReport_getsItsSagaInstancesDeadline_lookedUpOnlyThen() {
        CloudEvent report = event("product.reserved", "r-1").withExtension("sagaid", "s-1").build();
        Publishing reserved = publishing("product.reserved", "product");
        Instant sagas = NOW.plus(Duration.ofMinutes(7));

        assertThat(EventPlan.needsSagaDeadline(report, reserved, "s-1", NOW)).isTrue();
        assertThat(deadline(report, reserved, "s-1", Optional.of(sagas))).isEqualTo(sagas);
        assertThat(deadline(report, reserved, "s-1", Optional.empty())).as("no such instance: the default").isEqualTo(NOW.plus(DEFAULT));

        CloudEvent withOwn = event("product.reserved", "r-1").withExtension("sagaid", "s-1").withExtension("deadline", "2030-01-01T00:05:00Z")
                .build();
        assertThat(EventPlan.needsSagaDeadline(withOwn, reserved, "s-1", NOW)).isFalse();
        assertThat(deadline(withOwn, reserved, "s-1", Optional.of(sagas))).isEqualTo(Instant.parse("2030-01-01T00:05:00Z"));
    }

    @Test
    void anythingElse_getsTheGatewaysDefault() {
        CloudEvent plain = event("order.plain", "e-1").build();
        Publishing publishing = publishing("order.plain", "order");

        assertThat(EventPlan.needsSagaDeadline(plain, publishing, null, NOW)).isFalse();
        assertThat(deadline(plain, publishing, null, Optional.empty())).isEqualTo(NOW.plus(DEFAULT));
    }

    @Test
    void aDeadlineThatIsNoTimestamp_is400() {
        CloudEvent event = event("order.plain", "e-1").withExtension("deadline", "tomorrow").build();

        assertThatThrownBy(() -> deadline(event, publishing("order.plain", "order"), null, Optional.empty()))
                .isInstanceOfSatisfying(IntakeRefusedException.class, e -> assertThat(e.problem().getStatus()).isEqualTo(400));
    }

    // ---- endpoints, and what is stored

    @Test
    void eachCopyGoesToItsDeliverysEndpoint_elseToItsReceiversInbox() {
        EventPlan plan = startPlan(served);

        assertThat(plan.copies()).extracting(c -> c.receiver() + " " + c.endpoint() + " " + c.kind()).containsExactly(
                "product http://127.0.0.1:9/product/orders copy", "payment http://127.0.0.1:9/payment/events copy");
        assertThat(plan.copies()).allSatisfy(c -> {
            assertThat(c.sagaId()).isEqualTo("e-1");
            assertThat(c.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        });
        assertThat(plan.accepted().receivers()).containsExactly("product", "payment");
        assertThat(plan.report()).isNull();
    }

    @Test
    void aSagasOutcome_goesWhereTheStartEventsCopyWent_andToTheInitiatorsInbox() {
        EventPlan plan = startPlan(served);

        assertThat(plan.opening().endpoints()).containsExactly(Map.entry("order", "http://127.0.0.1:9/order/events"),
                Map.entry("product", "http://127.0.0.1:9/product/orders"), Map.entry("payment", "http://127.0.0.1:9/payment/events"));
        plan.copies().forEach(copy -> assertThat(plan.opening().endpoints()).containsEntry(copy.receiver(), copy.endpoint()));
        assertThat(plan.opening().initiator()).isEqualTo("order");
        assertThat(plan.opening().deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void anOverride_replacesTheDeliverysEndpoint_forTheCopyAndTheOutcomeAlike() {
        ServedModel overridden = served(new Overrides(Map.of(), Map.of("product", "http://127.0.0.1:4711/p")));
        EventPlan plan = startPlan(overridden);

        assertThat(plan.copies().get(0).endpoint()).isEqualTo("http://127.0.0.1:4711/p");
        assertThat(plan.opening().endpoints()).containsEntry("product", "http://127.0.0.1:4711/p");
    }

    @Test
    void aReport_isPlannedAsTheSagaReport_withoutCopies() {
        CloudEvent report = event("product.reserved", "r-1").withExtension("sagaid", "s-1").withData("application/json", DATA).build();
        Publishing reserved = publishing("product.reserved", "product");

        EventPlan plan = EventPlan.of(served, reserved, report, "s-1", NOW.plusSeconds(5), NOW, Map.of());

        assertThat(plan.copies()).isEmpty();
        assertThat(plan.opening()).isNull();
        assertThat(plan.report().saga().name()).isEqualTo("placement");
        assertThat(plan.report().context()).isEqualTo("product");
        assertThat(plan.report().data()).isEqualTo(DATA);
        assertThat(plan.publisher()).isEqualTo("product");
    }

    private EventPlan startPlan(ServedModel model) {
        CloudEvent start = event("order.placed", "e-1").withData("application/json", DATA).build();
        Publishing placed = Publishing.of(model.model(), "order.placed", "order");
        Map<String, byte[]> copies = new LinkedHashMap<>();
        copies.put("product", DATA);
        copies.put("payment", DATA);
        return EventPlan.of(model, placed, start, "e-1", NOW.plus(Duration.ofMinutes(10)), NOW, copies);
    }

    private static Instant deadline(CloudEvent event, Publishing publishing, String sagaId, Optional<Instant> sagaDeadline) {
        return EventPlan.deadline(event, publishing, sagaId, NOW, DEFAULT, sagaDeadline);
    }

    private Publishing publishing(String type, String caller) {
        return Publishing.of(served.model(), type, caller);
    }

    private static CloudEventBuilder event(String type, String id) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/tests")).withType(type);
    }

    private static ServedModel served(Overrides overrides) {
        return ModelHolder.load(MAPS, Translators::compile, Clock.systemUTC(), overrides).current();
    }

    private static Path maps() {
        try {
            Path dir = Files.createTempDirectory("dragoman-plan-maps");
            Files.writeString(dir.resolve("orders.yaml"), """
                    contexts:
                      order:   {inbox: http://127.0.0.1:9/order/events}
                      product: {inbox: http://127.0.0.1:9/product/events}
                      payment: {inbox: http://127.0.0.1:9/payment/events}

                    events:
                      - type: order.placed
                        from: order
                        deadline: PT5M
                        deliver:
                          - to: product
                            endpoint: http://127.0.0.1:9/product/orders
                          - to: payment
                      - type: order.noted
                        from: order
                        deadline: PT1M
                        deliver:
                          - to: payment
                      - type: order.plain
                        from: order
                        deliver:
                          - to: payment

                    sagas:
                      - name: placement
                        start: order.placed
                        deadline: PT10M
                        participants:
                          - context: product
                            completed: product.reserved
                            failed: product.out-of-stock
                            compensation: product.release
                          - context: payment
                            completed: payment.captured
                            failed: payment.declined
                            compensation: payment.refund
                        outcome:
                          completed: order.confirmed
                          aborted: order.cancelled
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
