package dev.dragoman.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.dragoman.kit.outbox.OutboxStatus;
import dev.dragoman.kit.outbox.OutboxStore;
import dev.dragoman.kit.testservice.GatewayStandIn;
import dev.dragoman.kit.testservice.GatewayStandIn.Mode;
import dev.dragoman.kit.testservice.PaymentHandlers.UndoCapture;
import dev.dragoman.kit.testservice.PaymentService.Payments;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class OutboxRelayTests extends KitTestBase {

    @Autowired
    Payments payments;

    @Autowired
    OutboxStore outbox;

    @Autowired
    UndoCapture undo;

    @Autowired
    JsonMapper mapper;

    @AfterEach
    void gatewayBackUp() {
        GATEWAY.stop();
        GATEWAY.mode(Mode.ACCEPT);
        GATEWAY.start();
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverSent() {
        assertThatThrownBy(() -> payments.captureThenFail(10000, "order-rollback", clock.instant().plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class);
        String rolledBack = payments.lastPublished();
        // A later event goes out, so the relay has passed over the outbox since.
        String later = payments.capture(500, "order-after-rollback", clock.instant().plusSeconds(60));
        await().until(() -> status(later) == OutboxStatus.SENT);

        assertThat(outbox.find(rolledBack)).isEmpty();
        assertThat(GATEWAY.requestsFor(rolledBack)).isEmpty();
        assertThat(ledger("capture", "order-rollback")).isZero();
    }

    @Test
    void aCommittedEventIsSentOnceAsAStructuredCloudEventWithTheKeyTheSagaIdAndTheDeadline() {
        Instant deadline = clock.instant().plusSeconds(600);
        String id = payments.capture(10000, "order-4711", deadline);

        await().until(() -> status(id) == OutboxStatus.SENT);
        String next = payments.capture(1, "order-4712", clock.instant().plusSeconds(600));
        await().until(() -> status(next) == OutboxStatus.SENT);

        assertThat(GATEWAY.requestsFor(id)).hasSize(1);
        GatewayStandIn.Received request = GATEWAY.requestsFor(id).get(0);
        assertThat(request.header("X-Api-Key")).isEqualTo("demo-payment-key");
        assertThat(request.header("Content-Type")).startsWith("application/cloudevents+json");
        CloudEvent event = new JsonFormat().deserialize(request.body().getBytes(StandardCharsets.UTF_8));
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(id);
        assertThat(event.getSource().toString()).isEqualTo("/payment-service");
        assertThat(event.getType()).isEqualTo("payment.captured");
        assertThat(event.getExtension("sagaid")).isEqualTo("order-4711");
        assertThat(Instant.parse(event.getExtension("deadline").toString())).isEqualTo(deadline);
        assertThat(mapper.readTree(event.getData().toBytes()).get("amount").asLong()).isEqualTo(10000);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void theRelayRetriesWhileTheGatewayIsDownAndSendsWhenItIsBack() {
        GATEWAY.stop();
        String id = payments.capture(10000, "order-outage", clock.instant().plusSeconds(3600));
        await().until(() -> outbox.find(id).orElseThrow().attempts() >= 1);
        assertThat(outbox.find(id).orElseThrow().lastError()).contains("unreachable");

        clock.advance(Duration.ofSeconds(5));
        await().until(() -> outbox.find(id).orElseThrow().attempts() >= 2);
        assertThat(status(id)).isEqualTo(OutboxStatus.PENDING);

        GATEWAY.start();
        clock.advance(Duration.ofSeconds(5));
        await().until(() -> status(id) == OutboxStatus.SENT);
        assertThat(GATEWAY.requestsFor(id)).hasSize(1);
        assertThat(undo.callsFor(id)).isEmpty();
    }

    @Test
    void a503IsRetriedNoSoonerThanItsRetryAfter() {
        GATEWAY.mode(Mode.UNAVAILABLE);
        Instant sentAt = clock.instant();
        String id = payments.capture(10000, "order-busy", sentAt.plusSeconds(3600));
        await().until(() -> outbox.find(id).orElseThrow().lastError() != null);

        // The backoff alone would wait at most 1 s (max-retry 4 s); the gateway asked for 30.
        assertThat(outbox.find(id).orElseThrow().lastError()).contains("503").contains("the event store cannot be reached");
        assertThat(outbox.find(id).orElseThrow().nextAttemptAt()).isEqualTo(sentAt.plusSeconds(30));

        GATEWAY.mode(Mode.ACCEPT);
        clock.advance(Duration.ofSeconds(30));
        await().until(() -> status(id) == OutboxStatus.SENT);
        assertThat(GATEWAY.requestsFor(id)).hasSize(2);
    }

    @Test
    void anEventWhoseDeadlinePassesWhileTheGatewayIsDownExpiresAndOnUnsentRunsOnce() {
        GATEWAY.stop();
        Instant deadline = clock.instant().plusSeconds(6);
        String id = payments.capture(10000, "order-cut-off", deadline);
        await().until(() -> outbox.find(id).orElseThrow().attempts() >= 1);

        clock.advance(Duration.ofSeconds(10));
        await().until(() -> status(id) == OutboxStatus.EXPIRED);

        assertThat(undo.callsFor(id)).singleElement().satisfies(call -> {
            assertThat(call.reason()).isEqualTo(UnsentEvent.Reason.EXPIRED);
            assertThat(call.sagaId()).isEqualTo("order-cut-off");
            assertThat(call.deadline()).isEqualTo(deadline);
            assertThat(call.data().get("amount").asLong()).isEqualTo(10000);
        });
        assertThat(outbox.find(id).orElseThrow().lastError()).startsWith("deadline " + deadline + " passed after ");
        // The hook's own write committed with the expiry.
        assertThat(ledger("undo", id)).isEqualTo(1);

        // The gateway comes back: the expired event is never sent, and the hook does not run again.
        GATEWAY.start();
        clock.advance(Duration.ofSeconds(60));
        String later = payments.capture(1, "order-after-outage", clock.instant().plusSeconds(60));
        await().until(() -> status(later) == OutboxStatus.SENT);
        assertThat(GATEWAY.requestsFor(id)).isEmpty();
        assertThat(undo.callsFor(id)).hasSize(1);
    }

    @Test
    void anUnsentHookThatFailsRollsBackItsWritesAndTheExpiryAndRunsAgainOnALaterPass() {
        GATEWAY.stop();
        undo.failOnceFor.add("order-hook-fails");
        String id = payments.capture(10000, "order-hook-fails", clock.instant().plusSeconds(2));
        await().until(() -> outbox.find(id).orElseThrow().attempts() >= 1);

        clock.advance(Duration.ofSeconds(5));
        await().until(() -> undo.callsFor(id).size() == 1);
        // The failed call's undo rolled back with the expiry: the row waits for its lease to run out.
        await().until(() -> outbox.find(id).orElseThrow().nextAttemptAt().isAfter(clock.instant()));
        assertThat(status(id)).isEqualTo(OutboxStatus.PENDING);
        assertThat(ledger("undo", id)).isZero();

        clock.advance(Duration.ofSeconds(5));
        await().until(() -> status(id) == OutboxStatus.EXPIRED);
        assertThat(undo.callsFor(id)).hasSize(2);
        assertThat(ledger("undo", id)).isEqualTo(1);
    }

    @Test
    void anEventTheGatewayRefusesForGoodIsRejectedWithTheProblemsDetailAndOnUnsentRuns() {
        GATEWAY.mode(Mode.REJECT);
        String id = payments.capture(10000, "order-refused", clock.instant().plusSeconds(3600));
        await().until(() -> status(id) == OutboxStatus.REJECTED);

        assertThat(outbox.find(id).orElseThrow().lastError()).contains("403").contains("this key belongs to product");
        assertThat(undo.callsFor(id)).singleElement().satisfies(call -> assertThat(call.reason()).isEqualTo(UnsentEvent.Reason.REJECTED));
        // Accept again before the next capture: the relay may send it the moment it commits.
        GATEWAY.mode(Mode.ACCEPT);
        clock.advance(Duration.ofSeconds(60));
        String later = payments.capture(1, "order-after-refusal", clock.instant().plusSeconds(60));
        await().until(() -> status(later) == OutboxStatus.SENT);
        assertThat(GATEWAY.requestsFor(id)).hasSize(1);
    }

    private OutboxStatus status(String id) {
        return outbox.find(id).orElseThrow().status();
    }
}
