package dev.dragoman.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaStateTests {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant DEADLINE = T0.plusSeconds(600);

    @Test
    void findsAParticipantByContext() {
        SagaState state = state(SagaStatus.OPEN, null, pending("product"), completed("payment"));

        assertThat(state.participant("payment")).contains(completed("payment"));
        assertThat(state.participant("billing")).isEmpty();
        assertThat(state.pendingContexts()).containsExactly("product");
    }

    @Test
    void refusesAnEndWhileOpen_andNoEndOnceEnded() {
        assertThatThrownBy(() -> state(SagaStatus.OPEN, T0, pending("product")))
                .hasMessage("saga saga-1 is OPEN but its end is 2026-03-01T10:00:00Z");
        assertThatThrownBy(() -> state(SagaStatus.ABORTED, null, pending("product")))
                .hasMessage("saga saga-1 is ABORTED but its end is null");
    }

    @Test
    void refusesAParticipantListedTwice_orNone() {
        assertThatThrownBy(() -> state(SagaStatus.OPEN, null, pending("product"), pending("product")))
                .hasMessage("saga saga-1 lists participant 'product' twice");
        assertThatThrownBy(() -> state(SagaStatus.OPEN, null))
                .hasMessage("saga saga-1 has no participants");
    }

    @Test
    void refusesStatesTheMachineNeverReaches() {
        assertThatThrownBy(() -> state(SagaStatus.OPEN, null, new ParticipantState("product", ParticipantStatus.FAILED, null, false)))
                .hasMessage("saga saga-1 is OPEN but participant 'product' is FAILED");
        assertThatThrownBy(() -> state(SagaStatus.OPEN, null, new ParticipantState("product", ParticipantStatus.COMPLETED, null, true)))
                .hasMessage("saga saga-1 is OPEN but participant 'product' is compensated");
        assertThatThrownBy(() -> state(SagaStatus.COMPLETED, T0, pending("product")))
                .hasMessage("saga saga-1 is COMPLETED but participant 'product' is PENDING");
        assertThatThrownBy(() -> state(SagaStatus.CONFIRMING, null, pending("product")))
                .hasMessage("saga saga-1 is CONFIRMING but participant 'product' is PENDING");
        assertThatThrownBy(() -> state(SagaStatus.CONFIRMING, null, new ParticipantState("product", ParticipantStatus.COMPLETED, null, true)))
                .hasMessage("saga saga-1 is CONFIRMING but participant 'product' is compensated");
    }

    @Test
    void theReceiversAreTheInitiatorFirst_thenEveryParticipant_eachOnce() {
        SagaState state = new SagaState("saga-1", "order-placement", "payment", SagaStatus.CONFIRMING, DEADLINE, T0, null,
                List.of(completed("product"), completed("payment")), List.of("product"));

        assertThat(state.receivers()).containsExactly("payment", "product");
        assertThat(state.unacknowledged()).containsExactly("payment");
        assertThat(state(SagaStatus.OPEN, null, pending("product")).acknowledged()).isEmpty();
        assertThat(new SagaState("saga-1", "order-placement", "order", SagaStatus.OPEN, DEADLINE, T0, null, List.of(pending("product")),
                null).acknowledged()).as("a state stored before the deadline protocol").isEmpty();
    }

    @Test
    void completedRequiresEveryReceiversAcknowledgement_andOnlyReceiversAcknowledge_once() {
        List<ParticipantState> done = List.of(completed("product"), completed("payment"));

        assertThatThrownBy(() -> acknowledged(SagaStatus.COMPLETED, T0, done, "order", "product"))
                .hasMessage("saga saga-1 is COMPLETED but only [order, product] of [order, product, payment] acknowledged its outcome");
        assertThat(acknowledged(SagaStatus.COMPLETED, T0, done, "payment", "order", "product").acknowledged())
                .containsExactly("payment", "order", "product");
        assertThatThrownBy(() -> acknowledged(SagaStatus.CONFIRMING, null, done, "order", "order"))
                .hasMessage("saga saga-1 lists 'order' as acknowledging twice");
        assertThatThrownBy(() -> acknowledged(SagaStatus.CONFIRMING, null, done, "billing"))
                .hasMessage("saga saga-1 lists 'billing' as acknowledging, which is no receiver of its outcome");
        assertThatThrownBy(() -> acknowledged(SagaStatus.OPEN, null, List.of(pending("product")), "order"))
                .hasMessage("saga saga-1 is OPEN but [order] acknowledged its outcome, which is not sent yet");
        assertThat(acknowledged(SagaStatus.TIMED_OUT, T0, List.of(new ParticipantState("product", ParticipantStatus.COMPLETED, "{}", true)),
                "order").acknowledged()).as("an abort keeps who had acknowledged").containsExactly("order");
    }

    @Test
    void aParticipantHasCompletedDataAndACompensationOnlyOnceCompleted() {
        assertThatThrownBy(() -> new ParticipantState("payment", ParticipantStatus.FAILED, "{}", false))
                .hasMessage("participant 'payment' is FAILED but has completed data {}");
        assertThatThrownBy(() -> new ParticipantState("payment", ParticipantStatus.PENDING, null, true))
                .hasMessage("participant 'payment' is PENDING, so it has nothing to be compensated for");
    }

    @Test
    void aTimelineEntrySaysSomething() {
        assertThatThrownBy(() -> new TimelineEntry(T0, " ", false)).hasMessage("a timeline entry must say what happened but was ' '");
    }

    @Test
    void onlyOpenAndConfirmingAreNotEnded_andOnlyAbortsAndTimeOutsCompensate() {
        assertThat(SagaStatus.OPEN.ended()).isFalse();
        assertThat(SagaStatus.CONFIRMING.ended()).isFalse();
        assertThat(SagaStatus.CONFIRMING.aborted()).isFalse();
        assertThat(SagaStatus.COMPLETED.ended()).isTrue();
        assertThat(SagaStatus.ABORTED.ended()).isTrue();
        assertThat(SagaStatus.TIMED_OUT.ended()).isTrue();
        assertThat(SagaStatus.COMPLETED.aborted()).isFalse();
        assertThat(SagaStatus.ABORTED.aborted()).isTrue();
        assertThat(SagaStatus.TIMED_OUT.aborted()).isTrue();
    }

    private static SagaState state(SagaStatus status, Instant endedAt, ParticipantState... participants) {
        return new SagaState("saga-1", "order-placement", "order", status, DEADLINE, T0, endedAt, List.of(participants), List.of());
    }

    private static SagaState acknowledged(SagaStatus status, Instant endedAt, List<ParticipantState> participants, String... receivers) {
        return new SagaState("saga-1", "order-placement", "order", status, DEADLINE, T0, endedAt, participants, List.of(receivers));
    }

    private static ParticipantState pending(String context) {
        return new ParticipantState(context, ParticipantStatus.PENDING, null, false);
    }

    private static ParticipantState completed(String context) {
        return new ParticipantState(context, ParticipantStatus.COMPLETED, "{}", false);
    }
}
