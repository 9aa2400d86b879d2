package dev.dragoman.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.saga.SagaCommand.SendCompensation;
import dev.dragoman.gateway.saga.SagaCommand.SendOutcome;
import dev.dragoman.gateway.saga.SagaInput.Aborted;
import dev.dragoman.gateway.saga.SagaInput.Acknowledged;
import dev.dragoman.gateway.saga.SagaInput.Refused;
import dev.dragoman.gateway.saga.SagaInput.Report;
import dev.dragoman.gateway.saga.SagaInput.Tick;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SagaMachineTests {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant DEADLINE = T0.plusSeconds(600);

    static final Participant PRODUCT = new Participant("product", "product.reserved", "product.out-of-stock", "product.release", List.of());
    static final Participant PAYMENT = new Participant("payment", "payment.captured", "payment.declined", "payment.refund",
            List.of(JsonPath.parse("$.amount")));
    static final Saga SAGA = new Saga("order-placement", "order.placed", Duration.ofMinutes(10), List.of(PRODUCT, PAYMENT),
            new Saga.Outcome("order.confirmed", "order.cancelled"));

    static final String CAPTURED = "{\"amount\":10000.50,\"currency\":\"EUR\"}";
    static final String REFUND = "{\"amount\":-10000.50,\"currency\":\"EUR\"}";
    static final String RESERVED = "{\"sku\":\"mgame_x\",\"quantity\":1}";

    static final List<SagaCommand> CONFIRMED_TO_EVERYONE = List.of(new SendOutcome("order.confirmed", "order", true),
            new SendOutcome("order.confirmed", "product", true), new SendOutcome("order.confirmed", "payment", true));
    static final List<SagaCommand> CANCELLED_TO_EVERYONE = List.of(new SendOutcome("order.cancelled", "order", false),
            new SendOutcome("order.cancelled", "product", false), new SendOutcome("order.cancelled", "payment", false));
    static final String CONFIRMED_SENT = "outcome order.confirmed sent to order, product, payment, to be acknowledged by the deadline"
            + " 2026-03-01T10:10:00Z";
    static final String CONFLICT = "HTTP 409 from http://127.0.0.1:9/payment/events";

    // --- start

    @Test
    void start_opensWithEveryParticipantPending_inDeclarationOrder() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "order", DEADLINE, T0);

        assertThat(state).isEqualTo(new SagaState("saga-1", "order-placement", "order", SagaStatus.OPEN, DEADLINE, T0, null,
                List.of(pending("product"), pending("payment")), List.of()));
        assertThat(state.pendingContexts()).containsExactly("product", "payment");
    }

    @Test
    void start_refusesASagaWithoutParticipants() {
        Saga empty = new Saga("empty", "order.placed", Duration.ofMinutes(1), List.of(), SAGA.outcome());

        assertThatThrownBy(() -> SagaMachine.start(empty, "saga-1", "order", DEADLINE, T0))
                .hasMessage("saga 'empty' has no participants");
    }

    @Test
    void start_withADeadlineAlreadyPassed_timesOutAtTheFirstTick() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "order", T0.minusSeconds(1), T0);

        assertThat(tick(state, 0).state().status()).isEqualTo(SagaStatus.TIMED_OUT);
    }

    // --- completing

    @Test
    void everyParticipantCompletes_theCompletedOutcomeGoesToTheInitiatorFirst_thenEveryParticipant_andTheSagaIsConfirming() {
        SagaStep first = report(open(), "product", "product.reserved", RESERVED, 10);

        assertThat(first.state().status()).isEqualTo(SagaStatus.OPEN);
        assertThat(first.state().participant("product")).contains(new ParticipantState("product", ParticipantStatus.COMPLETED,
                RESERVED, false));
        assertThat(first.commands()).isEmpty();
        assertThat(first.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(10), "product.reserved from product: completed", false));

        SagaStep last = report(first.state(), "payment", "payment.captured", CAPTURED, 20);

        assertThat(last.state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(last.state().endedAt()).as("not ended: it waits for the acknowledgements").isNull();
        assertThat(last.state().acknowledged()).isEmpty();
        assertThat(last.state().participants()).containsExactly(
                new ParticipantState("product", ParticipantStatus.COMPLETED, RESERVED, false),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, false));
        assertThat(last.commands()).containsExactlyElementsOf(CONFIRMED_TO_EVERYONE);
        assertThat(last.timeline()).extracting(TimelineEntry::what).containsExactly(
                "payment.captured from payment: completed; saga confirming", CONFIRMED_SENT);
        assertThat(last.timeline()).allSatisfy(entry -> {
            assertThat(entry.at()).isEqualTo(T0.plusSeconds(20));
            assertThat(entry.late()).isFalse();
        });
    }

    @Test
    void participantsMayCompleteInAnyOrder() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();
        SagaStep last = report(state, "product", "product.reserved", RESERVED, 20);

        assertThat(last.state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(last.commands()).containsExactlyElementsOf(CONFIRMED_TO_EVERYONE);
    }

    @Test
    void anInitiatorThatAlsoTakesPart_getsOneOutcome_first() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "payment", DEADLINE, T0);
        state = report(state, "product", "product.reserved", RESERVED, 10).state();
        SagaStep last = report(state, "payment", "payment.captured", CAPTURED, 20);

        assertThat(last.commands()).containsExactly(new SendOutcome("order.confirmed", "payment", true),
                new SendOutcome("order.confirmed", "product", true));
        assertThat(last.timeline()).extracting(TimelineEntry::what).contains(
                "outcome order.confirmed sent to payment, product, to be acknowledged by the deadline 2026-03-01T10:10:00Z");

        SagaStep confirmed = acknowledge(acknowledge(last.state(), "product", 30).state(), "payment", 31);

        assertThat(confirmed.state().status()).as("two receivers, not three").isEqualTo(SagaStatus.COMPLETED);
        assertThat(confirmed.state().acknowledged()).containsExactly("product", "payment");
    }

    @Test
    void anInitiatorThatAlsoTakesPart_getsOneAbortedOutcome_andItsCompensation() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "payment", DEADLINE, T0);
        state = report(state, "payment", "payment.captured", CAPTURED, 10).state();
        SagaStep step = report(state, "product", "product.out-of-stock", null, 20);

        assertThat(step.commands()).containsExactly(new SendOutcome("order.cancelled", "payment", false),
                new SendOutcome("order.cancelled", "product", false), new SendCompensation("payment", "payment.refund", REFUND));
    }

    // --- failing

    @Test
    void aFailureAfterAnotherCompleted_abortsEveryone_andCompensatesOnlyTheCompleted() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();
        SagaStep step = report(state, "product", "product.out-of-stock", "{\"sku\":\"mgame_x\"}", 20);

        assertThat(step.state().status()).isEqualTo(SagaStatus.ABORTED);
        assertThat(step.state().endedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(step.state().participants()).containsExactly(
                new ParticipantState("product", ParticipantStatus.FAILED, null, false),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, true));
        List<SagaCommand> expected = new ArrayList<>(CANCELLED_TO_EVERYONE);
        expected.add(new SendCompensation("payment", "payment.refund", REFUND));
        assertThat(step.commands()).containsExactlyElementsOf(expected);
        assertThat(step.timeline()).containsExactly(
                new TimelineEntry(T0.plusSeconds(20), "product.out-of-stock from product: failed; saga aborted", false),
                new TimelineEntry(T0.plusSeconds(20), "outcome order.cancelled sent to order, product, payment", false),
                new TimelineEntry(T0.plusSeconds(20), "compensation payment.refund sent to payment", false));
    }

    @Test
    void aFirstFailure_abortsWithoutCompensations_andLeavesTheOthersPending() {
        SagaStep step = report(open(), "payment", "payment.declined", null, 10);

        assertThat(step.state().status()).isEqualTo(SagaStatus.ABORTED);
        assertThat(step.state().participants()).containsExactly(pending("product"),
                new ParticipantState("payment", ParticipantStatus.FAILED, null, false));
        assertThat(step.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
    }

    @Test
    void aCompensationWithoutNegateFields_carriesTheCompletedDataAsItWas() {
        SagaState state = report(open(), "product", "product.reserved", "{ \"sku\" : \"mgame_x\", \"price\" : 1e3 }", 10).state();
        SagaStep step = report(state, "payment", "payment.declined", null, 20);

        assertThat(step.commands()).contains(new SendCompensation("product", "product.release", "{ \"sku\" : \"mgame_x\", \"price\" : 1e3 }"));
    }

    @Test
    void aCompletedReportWithoutData_isCompensatedWithoutData() {
        SagaState state = report(open(), "product", "product.reserved", null, 10).state();
        SagaStep step = report(state, "payment", "payment.declined", null, 20);

        assertThat(step.commands()).contains(new SendCompensation("product", "product.release", null));
    }

    @Test
    void aCompensationThatCannotBeNegated_isNotSent_andTheTimelineSaysToUndoByHand() {
        // The gateway refuses such a report at publish time; a reload that adds negate fields is how one gets here.
        SagaState state = report(open(), "payment", "payment.captured", "{\"total\":5}", 10).state();
        SagaStep step = report(state, "product", "product.out-of-stock", null, 20);

        assertThat(step.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
        assertThat(step.state().participant("payment")).contains(new ParticipantState("payment", ParticipantStatus.COMPLETED,
                "{\"total\":5}", false));
        assertThat(step.timeline()).last().isEqualTo(new TimelineEntry(T0.plusSeconds(20),
                "compensation payment.refund not sent to payment: $.amount is missing; undo its work by hand", true));
    }

    @Test
    void aParticipantWithoutACompensation_isToldTheOutcome_andSentNothingElse() {
        Participant notified = new Participant("product", "product.reserved", "product.out-of-stock", null, List.of());
        Saga saga = new Saga("order-placement", "order.placed", Duration.ofMinutes(10), List.of(notified, PAYMENT), SAGA.outcome());
        SagaState state = SagaMachine.step(saga, open(), new Report("product", "product.reserved", RESERVED), T0.plusSeconds(10)).state();
        SagaStep step = SagaMachine.step(saga, state, new Report("payment", "payment.declined", null), T0.plusSeconds(20));

        assertThat(step.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
        assertThat(step.state().participant("product").orElseThrow().compensated()).isFalse();
        assertThat(step.timeline()).last().isEqualTo(new TimelineEntry(T0.plusSeconds(20),
                "product declares no compensation: nothing to send", false));
    }

    // --- an operator's abort

    @Test
    void anOperatorAbortsAnOpenSaga_itEndsAborted_andSendsWhatTheDeadlineWould_theOutcomeToEveryoneAndTheCompensations() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep step = abort(state, 100);

        assertThat(step.state().status()).isEqualTo(SagaStatus.ABORTED);
        assertThat(step.state().endedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(step.state().participants()).containsExactly(pending("product"),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, true));
        assertThat(step.commands()).containsExactlyElementsOf(concat(CANCELLED_TO_EVERYONE,
                List.of(new SendCompensation("payment", "payment.refund", REFUND))));
        assertThat(step.commands()).as("exactly what the deadline sends").containsExactlyElementsOf(tick(state, 601).commands());
        assertThat(step.timeline()).containsExactly(
                new TimelineEntry(T0.plusSeconds(100), "aborted by an operator (alice from 127.0.0.1): customer called; saga aborted", false),
                new TimelineEntry(T0.plusSeconds(100), "outcome order.cancelled sent to order, product, payment", false),
                new TimelineEntry(T0.plusSeconds(100), "compensation payment.refund sent to payment", false));
    }

    @Test
    void anOperatorAbortsAConfirmingSaga_everyCompletedParticipantIsCompensated_evenThoseThatAcknowledged() {
        SagaState state = acknowledge(confirming(), "product", 25).state();

        SagaStep step = SagaMachine.step(SAGA, state, new Aborted("bob", null), T0.plusSeconds(30));

        assertThat(step.state().status()).isEqualTo(SagaStatus.ABORTED);
        assertThat(step.commands()).containsExactlyElementsOf(concat(CANCELLED_TO_EVERYONE, List.of(
                new SendCompensation("product", "product.release", RESERVED),
                new SendCompensation("payment", "payment.refund", REFUND))));
        assertThat(step.timeline()).first().extracting(TimelineEntry::what).isEqualTo("aborted by an operator (bob); saga aborted");
    }

    @Test
    void anAbortAfterTheEnd_changesNothing_andIsALateEntry() {
        SagaState ended = completed();

        SagaStep step = abort(ended, 100);

        assertThat(step.state()).isEqualTo(ended);
        assertThat(step.commands()).isEmpty();
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(100),
                "aborted by an operator (alice from 127.0.0.1): customer called after the saga completed: ignored", true));
    }

    @Test
    void anAbortAtTheDeadline_findsTheSagaTimedOut_theDeadlineActsFirst() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep step = abort(state, 600);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.commands()).containsExactlyElementsOf(tick(state, 600).commands());
        assertThat(step.timeline()).last().isEqualTo(new TimelineEntry(DEADLINE,
                "aborted by an operator (alice from 127.0.0.1): customer called after the saga timed out: ignored", true));
    }

    @Test
    void anAbortNamesItsOperator_andABlankReasonIsNone() {
        assertThatThrownBy(() -> new Aborted(" ", null)).hasMessage("an abort must name its operator but was ' '");
        assertThat(new Aborted("alice", "  ").reason()).isNull();
    }

    // --- the deadline

    @Test
    void beforeTheDeadline_aTickChangesNothing() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep step = tick(state, 599);

        assertThat(step.state()).isSameAs(state);
        assertThat(step.commands()).isEmpty();
        assertThat(step.timeline()).isEmpty();
        assertThat(step.changed()).isFalse();
    }

    @Test
    void theDeadlinePassingWithASilentParticipant_timesOut_andCompensatesTheCompleted() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep step = tick(state, 601);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.state().endedAt()).isEqualTo(T0.plusSeconds(601));
        assertThat(step.state().participants()).containsExactly(pending("product"),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, true));
        List<SagaCommand> expected = new ArrayList<>(CANCELLED_TO_EVERYONE);
        expected.add(new SendCompensation("payment", "payment.refund", REFUND));
        assertThat(step.commands()).containsExactlyElementsOf(expected);
        assertThat(step.timeline()).containsExactly(
                new TimelineEntry(T0.plusSeconds(601), "deadline 2026-03-01T10:10:00Z passed with product pending; saga timed out", false),
                new TimelineEntry(T0.plusSeconds(601), "outcome order.cancelled sent to order, product, payment", false),
                new TimelineEntry(T0.plusSeconds(601), "compensation payment.refund sent to payment", false));
        assertThat(step.changed()).isTrue();
    }

    @Test
    void theDeadlinePassingWithNobodyDone_timesOutWithoutCompensations_namingEveryoneSilent() {
        SagaStep step = tick(open(), 600);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
        assertThat(step.timeline()).first().extracting(TimelineEntry::what)
                .isEqualTo("deadline 2026-03-01T10:10:00Z passed with product, payment pending; saga timed out");
    }

    @Test
    void aTickExactlyAtTheDeadline_timesOut() {
        assertThat(tick(open(), 600).state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(SagaMachine.step(SAGA, open(), new Tick(), DEADLINE.minusNanos(1)).changed()).isFalse();
    }

    @Test
    void aCompletionExactlyAtTheDeadline_comesAfterIt_soItIsCompensated() {
        SagaStep step = report(open(), "product", "product.reserved", RESERVED, 600);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.state().endedAt()).isEqualTo(DEADLINE);
        assertThat(step.state().participants()).containsExactly(
                new ParticipantState("product", ParticipantStatus.COMPLETED, RESERVED, true), pending("payment"));
        List<SagaCommand> expected = new ArrayList<>(CANCELLED_TO_EVERYONE);
        expected.add(new SendCompensation("product", "product.release", RESERVED));
        assertThat(step.commands()).containsExactlyElementsOf(expected);
        assertThat(step.timeline()).containsExactly(
                new TimelineEntry(DEADLINE, "deadline 2026-03-01T10:10:00Z passed with product, payment pending; saga timed out", false),
                new TimelineEntry(DEADLINE, "outcome order.cancelled sent to order, product, payment", false),
                new TimelineEntry(DEADLINE,
                        "late report product.reserved from product after the saga timed out: compensation product.release sent to product",
                        true));
    }

    @Test
    void theLastCompletionExactlyAtTheDeadline_doesNotCompleteTheSaga() {
        SagaState state = report(open(), "product", "product.reserved", RESERVED, 10).state();

        SagaStep step = report(state, "payment", "payment.captured", CAPTURED, 600);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.commands()).containsExactly(new SendOutcome("order.cancelled", "order", false),
                new SendOutcome("order.cancelled", "product", false), new SendOutcome("order.cancelled", "payment", false),
                new SendCompensation("product", "product.release", RESERVED),
                new SendCompensation("payment", "payment.refund", REFUND));
    }

    @Test
    void theLastCompletionJustBeforeTheDeadline_asksForConfirmation() {
        SagaState state = report(open(), "product", "product.reserved", RESERVED, 10).state();

        SagaStep step = SagaMachine.step(SAGA, state, new Report("payment", "payment.captured", CAPTURED), DEADLINE.minusMillis(1));

        assertThat(step.state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(step.commands()).containsExactlyElementsOf(CONFIRMED_TO_EVERYONE);
    }

    @Test
    void aFailureExactlyAtTheDeadline_findsTheSagaTimedOut_andChangesNothingMore() {
        SagaStep step = report(open(), "product", "product.out-of-stock", null, 600);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.state().participants()).containsExactly(pending("product"), pending("payment"));
        assertThat(step.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
        assertThat(step.timeline()).last().isEqualTo(new TimelineEntry(DEADLINE,
                "late report product.out-of-stock from product after the saga timed out: ignored", true));
    }

    // --- late reports

    @Test
    void aLateCompletionAfterAnAbort_getsItsCompensation_once() {
        SagaState aborted = report(open(), "product", "product.out-of-stock", null, 10).state();

        SagaStep late = report(aborted, "payment", "payment.captured", CAPTURED, 30);

        assertThat(late.state().status()).isEqualTo(SagaStatus.ABORTED);
        assertThat(late.state().endedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(late.state().participant("payment")).contains(new ParticipantState("payment", ParticipantStatus.COMPLETED,
                CAPTURED, true));
        assertThat(late.commands()).containsExactly(new SendCompensation("payment", "payment.refund", REFUND));
        assertThat(late.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(30),
                "late report payment.captured from payment after the saga was aborted: compensation payment.refund sent to payment", true));

        SagaStep again = report(late.state(), "payment", "payment.captured", CAPTURED, 40);

        assertThat(again.state()).isEqualTo(late.state());
        assertThat(again.commands()).isEmpty();
        assertThat(again.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(40),
                "duplicate report payment.captured from payment, which had already completed: ignored", true));
    }

    @Test
    void aLateCompletionAfterATimeOut_getsItsCompensation_once() {
        SagaState timedOut = tick(open(), 700).state();

        SagaStep late = report(timedOut, "payment", "payment.captured", CAPTURED, 800);

        assertThat(late.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(late.commands()).containsExactly(new SendCompensation("payment", "payment.refund", REFUND));
        assertThat(late.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(
                    "late report payment.captured from payment after the saga timed out: compensation payment.refund sent to payment");
            assertThat(entry.late()).isTrue();
        });
        assertThat(report(late.state(), "payment", "payment.captured", CAPTURED, 900).commands()).isEmpty();
    }

    @Test
    void aLateFailureAfterTheEnd_changesNothing_theParticipantStaysPending() {
        SagaState aborted = report(open(), "product", "product.out-of-stock", null, 10).state();

        SagaStep late = report(aborted, "payment", "payment.declined", null, 30);

        assertThat(late.state()).isEqualTo(aborted);
        assertThat(late.state().participant("payment").orElseThrow().status()).isEqualTo(ParticipantStatus.PENDING);
        assertThat(late.commands()).isEmpty();
        assertThat(late.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(30),
                "late report payment.declined from payment after the saga was aborted: ignored", true));
    }

    @Test
    void reportsAfterCompletion_changeNothing() {
        SagaState completed = completed();

        for (Report report : List.of(new Report("payment", "payment.captured", CAPTURED), new Report("payment", "payment.declined", null),
                new Report("product", "product.out-of-stock", null), new Report("product", "product.release", null),
                new Report("billing", "billing.done", null))) {
            SagaStep step = SagaMachine.step(SAGA, completed, report, T0.plusSeconds(30));

            assertThat(step.state()).isEqualTo(completed);
            assertThat(step.commands()).isEmpty();
            assertThat(step.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(true);
        }
    }

    @Test
    void aTickAfterTheEnd_doesNothing_beforeOrAfterTheDeadline() {
        SagaState aborted = report(open(), "product", "product.out-of-stock", null, 10).state();

        assertThat(tick(aborted, 20).changed()).isFalse();
        assertThat(tick(aborted, 6000).changed()).isFalse();
        assertThat(tick(aborted, 6000).state()).isSameAs(aborted);
    }

    // --- the deadline protocol: confirming

    @Test
    void everyReceiverAcknowledging_beforeTheDeadline_completesTheSaga_inTheOrderTheyArrive() {
        SagaStep first = acknowledge(confirming(), "payment", 30);

        assertThat(first.state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(first.state().acknowledged()).containsExactly("payment");
        assertThat(first.commands()).isEmpty();
        assertThat(first.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(30), "order.confirmed acknowledged by payment", false));

        SagaStep second = acknowledge(first.state(), "order", 40);

        assertThat(second.state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(second.state().unacknowledged()).containsExactly("product");

        SagaStep last = acknowledge(second.state(), "product", 50);

        assertThat(last.state().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(last.state().endedAt()).isEqualTo(T0.plusSeconds(50));
        assertThat(last.state().acknowledged()).containsExactly("payment", "order", "product");
        assertThat(last.state().participants()).noneMatch(ParticipantState::compensated);
        assertThat(last.commands()).as("everyone has it already").isEmpty();
        assertThat(last.timeline()).containsExactly(
                new TimelineEntry(T0.plusSeconds(50), "order.confirmed acknowledged by product", false),
                new TimelineEntry(T0.plusSeconds(50), "confirmed: every receiver acknowledged order.confirmed", false));
    }

    @Test
    void theLastAcknowledgementJustBeforeTheDeadline_completesTheSaga() {
        SagaState state = acknowledge(acknowledge(confirming(), "order", 30).state(), "product", 40).state();

        SagaStep step = SagaMachine.step(SAGA, state, new Acknowledged("payment", "order.confirmed"), DEADLINE.minusNanos(1000));

        assertThat(step.state().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(step.state().endedAt()).isEqualTo(DEADLINE.minusNanos(1000));
    }

    @Test
    void aDuplicateAcknowledgement_changesNothing_andSaysNothing() {
        SagaState state = acknowledge(confirming(), "payment", 30).state();

        SagaStep again = acknowledge(state, "payment", 40);

        assertThat(again.state()).isSameAs(state);
        assertThat(again.changed()).isFalse();
        assertThat(acknowledge(completed(), "order", 50).changed()).as("after the confirmation too").isFalse();
    }

    @Test
    void acknowledgementsOfAnythingButTheCompletedOutcome_changeNothing() {
        SagaState state = confirming();

        for (String type : List.of("order.cancelled", "payment.refund", "product.release", "order.placed")) {
            SagaStep step = SagaMachine.step(SAGA, state, new Acknowledged("payment", type), T0.plusSeconds(30));
            assertThat(step.state()).as(type).isSameAs(state);
            assertThat(step.changed()).as(type).isFalse();
        }
    }

    @Test
    void anAcknowledgementFromNoReceiver_isIgnored_late() {
        SagaStep step = acknowledge(confirming(), "billing", 30);

        assertThat(step.state()).isEqualTo(confirming());
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(30),
                "acknowledgement of order.confirmed by billing, which is no receiver of the saga's outcome: ignored", true));
    }

    @Test
    void anAcknowledgementOrARefusalWhileOpen_changesNothing_late() {
        SagaState open = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep ack = acknowledge(open, "order", 20);
        SagaStep refusal = refuse(open, "order", "order.confirmed", 20);

        assertThat(ack.state()).isEqualTo(open);
        assertThat(ack.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(20),
                "acknowledgement of order.confirmed by order while the saga is open: ignored", true));
        assertThat(refusal.state()).isEqualTo(open);
        assertThat(refusal.commands()).isEmpty();
        assertThat(refusal.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(20),
                "order.confirmed refused by order: " + CONFLICT + ", while the saga is open: ignored", true));
    }

    @Test
    void oneRefusalOfTheCompletedOutcome_abortsTheSaga_everyoneIsToldAborted_andEveryParticipantIsCompensated() {
        SagaState state = acknowledge(confirming(), "order", 30).state();

        SagaStep step = refuse(state, "payment", "order.confirmed", 40);

        assertThat(step.state().status()).isEqualTo(SagaStatus.ABORTED);
        assertThat(step.state().endedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(step.state().acknowledged()).as("who had acknowledged stays on record").containsExactly("order");
        assertThat(step.state().participants()).containsExactly(
                new ParticipantState("product", ParticipantStatus.COMPLETED, RESERVED, true),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, true));
        List<SagaCommand> expected = new ArrayList<>(CANCELLED_TO_EVERYONE);
        expected.add(new SendCompensation("product", "product.release", RESERVED));
        expected.add(new SendCompensation("payment", "payment.refund", REFUND));
        assertThat(step.commands()).containsExactlyElementsOf(expected);
        assertThat(step.timeline()).containsExactly(
                new TimelineEntry(T0.plusSeconds(40), "order.confirmed refused by payment: " + CONFLICT + "; saga aborted", false),
                new TimelineEntry(T0.plusSeconds(40), "outcome order.cancelled sent to order, product, payment", false),
                new TimelineEntry(T0.plusSeconds(40), "compensation product.release sent to product", false),
                new TimelineEntry(T0.plusSeconds(40), "compensation payment.refund sent to payment", false));
    }

    @Test
    void afterARefusal_moreRefusalsAndAcknowledgementsOfTheCompletedOutcome_sendNothingMore() {
        SagaState aborted = refuse(confirming(), "payment", "order.confirmed", 40).state();

        SagaStep refusal = refuse(aborted, "product", "order.confirmed", 41);
        SagaStep ack = acknowledge(aborted, "order", 42);

        assertThat(refusal.state()).isEqualTo(aborted);
        assertThat(refusal.commands()).isEmpty();
        assertThat(refusal.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(41),
                "order.confirmed refused by product: " + CONFLICT + ", after the saga was aborted: nothing more to do", false));
        assertThat(ack.state()).isEqualTo(aborted);
        assertThat(ack.commands()).isEmpty();
        assertThat(ack.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(42),
                "late acknowledgement of order.confirmed by order after the saga was aborted: it stays aborted, and"
                        + " order.cancelled and any compensation sent to order undo what order kept", true));
    }

    @Test
    void theDeadlinePassingWhileConfirming_timesOut_namingWhoDidNotAcknowledge_andCompensatesEveryParticipant() {
        SagaState state = acknowledge(confirming(), "product", 30).state();

        SagaStep step = tick(state, 600);

        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.state().endedAt()).isEqualTo(DEADLINE);
        assertThat(step.state().acknowledged()).containsExactly("product");
        List<SagaCommand> expected = new ArrayList<>(CANCELLED_TO_EVERYONE);
        expected.add(new SendCompensation("product", "product.release", RESERVED));
        expected.add(new SendCompensation("payment", "payment.refund", REFUND));
        assertThat(step.commands()).containsExactlyElementsOf(expected);
        assertThat(step.timeline()).containsExactly(
                new TimelineEntry(DEADLINE, "deadline 2026-03-01T10:10:00Z passed with order.confirmed not acknowledged by order, payment;"
                        + " saga timed out", false),
                new TimelineEntry(DEADLINE, "outcome order.cancelled sent to order, product, payment", false),
                new TimelineEntry(DEADLINE, "compensation product.release sent to product", false),
                new TimelineEntry(DEADLINE, "compensation payment.refund sent to payment", false));
        assertThat(SagaMachine.step(SAGA, state, new Tick(), DEADLINE.minusNanos(1000)).changed()).as("just before: nothing").isFalse();
    }

    @Test
    void theLastAcknowledgementAtTheDeadline_comesAfterIt_theSagaTimesOutFirst_andTheAcknowledgementIsLate() {
        SagaState state = acknowledge(acknowledge(confirming(), "order", 30).state(), "product", 40).state();

        SagaStep step = acknowledge(state, "payment", 600);

        SagaStep timeOut = tick(state, 600);
        assertThat(step.state()).isEqualTo(timeOut.state());
        assertThat(step.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.state().acknowledged()).containsExactly("order", "product");
        assertThat(step.commands()).isEqualTo(timeOut.commands());
        assertThat(step.timeline()).isEqualTo(concat(timeOut.timeline(), List.of(new TimelineEntry(DEADLINE,
                "late acknowledgement of order.confirmed by payment after the saga timed out: it stays timed-out, and"
                        + " order.cancelled and any compensation sent to payment undo what payment kept", true))));
    }

    @Test
    void aRefusalAfterTheDeadline_findsTheSagaTimedOut_andChangesNothingMore() {
        SagaStep step = refuse(confirming(), "payment", "order.confirmed", 700);

        assertThat(step.state()).isEqualTo(tick(confirming(), 700).state());
        assertThat(step.commands()).isEqualTo(tick(confirming(), 700).commands());
        assertThat(step.timeline()).last().isEqualTo(new TimelineEntry(T0.plusSeconds(700),
                "order.confirmed refused by payment: " + CONFLICT + ", after the saga timed out: nothing more to do", false));
    }

    @Test
    void aRefusedCompensation_isLate_soItIsLoggedAtWarn_andTellsToUndoByHand() {
        SagaState aborted = refuse(confirming(), "payment", "order.confirmed", 40).state();

        SagaStep step = SagaMachine.step(SAGA, aborted, new Refused("payment", "payment.refund", "HTTP 400 from http://127.0.0.1:9/p"),
                T0.plusSeconds(50));

        assertThat(step.state()).isEqualTo(aborted);
        assertThat(step.commands()).as("it is not sent again").isEmpty();
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(50),
                "compensation payment.refund refused by payment: HTTP 400 from http://127.0.0.1:9/p; undo its work by hand", true));
    }

    @Test
    void aRefusedAbortedOutcome_isLate_andTellsToTellTheReceiverByHand() {
        SagaState aborted = refuse(confirming(), "payment", "order.confirmed", 40).state();

        SagaStep step = refuse(aborted, "order", "order.cancelled", 50);

        assertThat(step.state()).isEqualTo(aborted);
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(50),
                "outcome order.cancelled refused by order: " + CONFLICT + "; tell order by hand that the saga was aborted", true));
    }

    @Test
    void aRefusalOfSomethingTheSagaNeverSent_orFromNoReceiver_isIgnored_late() {
        SagaStep unknown = refuse(confirming(), "payment", "order.placed", 30);
        SagaStep stranger = refuse(confirming(), "billing", "order.confirmed", 30);

        assertThat(unknown.state()).isEqualTo(confirming());
        assertThat(unknown.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(30),
                "refusal of order.placed by payment, which is no outcome or compensation the saga sent it: ignored", true));
        assertThat(stranger.state()).isEqualTo(confirming());
        assertThat(stranger.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(true);
    }

    @Test
    void reportsWhileConfirming_changeNothing() {
        SagaState state = confirming();

        for (Report report : List.of(new Report("payment", "payment.captured", CAPTURED), new Report("payment", "payment.declined", null),
                new Report("product", "product.out-of-stock", null), new Report("billing", "billing.done", null))) {
            SagaStep step = SagaMachine.step(SAGA, state, report, T0.plusSeconds(30));

            assertThat(step.state()).isEqualTo(state);
            assertThat(step.commands()).isEmpty();
            assertThat(step.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(true);
        }
    }

    @Test
    void aCompletedSaga_staysCompletedPastItsDeadline_whateverArrives() {
        SagaState completed = completed();

        assertThat(tick(completed, 6000).changed()).isFalse();
        assertThat(acknowledge(completed, "payment", 6000).changed()).isFalse();
        assertThat(refuse(completed, "payment", "order.confirmed", 6000).state()).isEqualTo(completed);
    }

    @Test
    void theCommandsSayWhenTheyStopBeingDelivered_theCompletedOutcomeAtTheDeadline_everythingElseAfterTheOutcomeWindow() {
        Instant now = T0.plusSeconds(20);
        Duration window = Duration.ofDays(1);

        assertThat(new SendOutcome("order.confirmed", "order", true).notAfter(DEADLINE, now, window)).isEqualTo(DEADLINE);
        assertThat(new SendOutcome("order.cancelled", "order", false).notAfter(DEADLINE, now, window)).isEqualTo(now.plus(window));
        assertThat(new SendCompensation("payment", "payment.refund", REFUND).notAfter(DEADLINE, now, window)).isEqualTo(now.plus(window));
    }

    // --- reports that change nothing while open

    @Test
    void aDuplicateCompletion_changesNothing() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep step = report(state, "payment", "payment.captured", "{\"amount\":99}", 20);

        assertThat(step.state()).isEqualTo(state);
        assertThat(step.commands()).isEmpty();
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(20),
                "duplicate report payment.captured from payment, which had already completed: ignored", true));
    }

    @Test
    void aContradictoryReport_changesNothing_theFirstWordStands() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep step = report(state, "payment", "payment.declined", null, 20);

        assertThat(step.state()).isEqualTo(state);
        assertThat(step.state().status()).isEqualTo(SagaStatus.OPEN);
        assertThat(step.commands()).isEmpty();
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(20),
                "duplicate report payment.declined from payment, which had already completed: ignored", true));
    }

    @Test
    void aReportFromAContextThatTakesNoPart_changesNothing() {
        SagaStep step = report(open(), "billing", "payment.captured", CAPTURED, 10);

        assertThat(step.state()).isEqualTo(open());
        assertThat(step.commands()).isEmpty();
        assertThat(step.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(10),
                "report payment.captured from billing, which takes no part in the saga: ignored", true));
    }

    @Test
    void aReportOfAnotherType_changesNothing_evenAnotherParticipantsType() {
        SagaStep unknown = report(open(), "payment", "payment.refund", null, 10);
        SagaStep someoneElses = report(open(), "payment", "product.reserved", RESERVED, 10);

        assertThat(unknown.state()).isEqualTo(open());
        assertThat(unknown.commands()).isEmpty();
        assertThat(unknown.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(10),
                "unexpected report payment.refund from payment, which reports with payment.captured or payment.declined: ignored", true));
        assertThat(someoneElses.state()).isEqualTo(open());
        assertThat(someoneElses.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(true);
    }

    @Test
    void anInitiatorThatTakesNoPart_cannotReportForTheSaga() {
        SagaStep step = report(open(), "order", "product.reserved", RESERVED, 10);

        assertThat(step.state()).isEqualTo(open());
        assertThat(step.timeline()).singleElement().extracting(TimelineEntry::what)
                .isEqualTo("report product.reserved from order, which takes no part in the saga: ignored");
    }

    // --- a reload of the maps in mid-saga

    @Test
    void aParticipantDroppedByAReload_stillHearsTheOutcome_butItsReportsAreNotUnderstood() {
        Saga reloaded = new Saga("order-placement", "order.placed", Duration.ofMinutes(10), List.of(PRODUCT), SAGA.outcome());
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();

        SagaStep report = SagaMachine.step(reloaded, open(), new Report("payment", "payment.captured", CAPTURED), T0.plusSeconds(10));
        SagaStep abort = SagaMachine.step(reloaded, state, new Report("product", "product.out-of-stock", null), T0.plusSeconds(20));

        assertThat(report.state()).isEqualTo(open());
        assertThat(report.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(10),
                "unexpected report payment.captured from payment, whose reports the saga no longer declares: ignored", true));
        assertThat(abort.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
        assertThat(abort.timeline()).last().isEqualTo(new TimelineEntry(T0.plusSeconds(20),
                "payment declares no compensation: nothing to send", false));
    }

    @Test
    void aParticipantAddedByAReload_takesNoPartInInstancesAlreadyRunning() {
        Participant billing = new Participant("billing", "billing.done", "billing.failed", null, List.of());
        Saga reloaded = new Saga("order-placement", "order.placed", Duration.ofMinutes(10), List.of(PRODUCT, PAYMENT, billing),
                SAGA.outcome());
        SagaState state = report(open(), "product", "product.reserved", RESERVED, 10).state();

        SagaStep step = SagaMachine.step(reloaded, state, new Report("payment", "payment.captured", CAPTURED), T0.plusSeconds(20));

        assertThat(step.state().status()).isEqualTo(SagaStatus.CONFIRMING);
        assertThat(step.commands()).containsExactlyElementsOf(CONFIRMED_TO_EVERYONE);
    }

    // --- arguments

    @Test
    void step_refusesAnotherSagasInstance() {
        Saga other = new Saga("shipping", "order.shipped", Duration.ofMinutes(10), List.of(PRODUCT), SAGA.outcome());

        assertThatThrownBy(() -> SagaMachine.step(other, open(), new Tick(), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("saga 'shipping' cannot step instance saga-1 of saga 'order-placement'");
    }

    @Test
    void step_doesNotChangeItsInput_andGivesTheSameStepForTheSameInput() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();
        SagaState copy = new SagaState(state.sagaId(), state.sagaName(), state.initiator(), state.status(), state.deadline(),
                state.startedAt(), state.endedAt(), state.participants(), state.acknowledged());

        SagaStep first = report(state, "product", "product.out-of-stock", null, 20);
        SagaStep second = report(state, "product", "product.out-of-stock", null, 20);

        assertThat(state).isEqualTo(copy);
        assertThat(first).isEqualTo(second);
    }

    // --- every (saga status x participant status x report kind), before the deadline

    enum Subject {
        PENDING, COMPLETED, COMPLETED_AND_COMPENSATED, FAILED
    }

    enum Kind {
        ITS_COMPLETED, ITS_FAILED, ANOTHER_TYPE, FROM_A_STRANGER
    }

    /** What a report does, by SPEC section 6. */
    enum Effect {
        /** Nothing but a late entry. */
        IGNORED,
        /** The participant completes; the other is still pending, so the saga stays open. */
        RECORDS_COMPLETION,
        /** The saga is aborted. */
        ABORTS,
        /** A late completion of an aborted saga: completed, compensated. */
        COMPENSATES_LATE
    }

    static Stream<Arguments> everyValidState() {
        List<Arguments> states = new ArrayList<>();
        for (SagaStatus status : SagaStatus.values()) {
            for (Subject subject : Subject.values()) {
                if (valid(status, subject)) {
                    states.add(Arguments.of(status, subject));
                }
            }
        }
        return states.stream();
    }

    static Stream<Arguments> everyReportInEveryValidState() {
        return everyValidState().flatMap(state -> Stream.of(Kind.values())
                .map(kind -> Arguments.of(state.get()[0], state.get()[1], kind)));
    }

    static boolean valid(SagaStatus status, Subject subject) {
        return switch (status) {
            case OPEN -> subject == Subject.PENDING || subject == Subject.COMPLETED;
            case CONFIRMING, COMPLETED -> subject == Subject.COMPLETED;
            case ABORTED, TIMED_OUT -> true;
        };
    }

    static Effect expected(SagaStatus status, Subject subject, Kind kind) {
        if (kind == Kind.ANOTHER_TYPE || kind == Kind.FROM_A_STRANGER || subject != Subject.PENDING) {
            return Effect.IGNORED;
        }
        if (status == SagaStatus.OPEN) {
            return kind == Kind.ITS_COMPLETED ? Effect.RECORDS_COMPLETION : Effect.ABORTS;
        }
        return kind == Kind.ITS_COMPLETED && status.aborted() ? Effect.COMPENSATES_LATE : Effect.IGNORED;
    }

    @ParameterizedTest(name = "{0} saga, payment {1}, {2}")
    @MethodSource("everyReportInEveryValidState")
    void everyReport_beforeTheDeadline(SagaStatus status, Subject subject, Kind kind) {
        SagaState state = state(status, subject);
        Instant now = T0.plusSeconds(100);

        SagaStep step = SagaMachine.step(SAGA, state, report(kind), now);

        assertThat(step.changed()).isTrue();
        assertThat(step.timeline()).allSatisfy(entry -> assertThat(entry.at()).isEqualTo(now));
        switch (expected(status, subject, kind)) {
            case IGNORED -> {
                assertThat(step.state()).isEqualTo(state);
                assertThat(step.commands()).isEmpty();
                assertThat(step.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(true);
            }
            case RECORDS_COMPLETION -> {
                assertThat(step.state()).isEqualTo(state.with(new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, false)));
                assertThat(step.commands()).isEmpty();
                assertThat(step.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(false);
            }
            case ABORTS -> {
                assertThat(step.state().status()).isEqualTo(SagaStatus.ABORTED);
                assertThat(step.state().endedAt()).isEqualTo(now);
                assertThat(step.state().participants()).containsExactly(pending("product"),
                        new ParticipantState("payment", ParticipantStatus.FAILED, null, false));
                assertThat(step.commands()).containsExactlyElementsOf(CANCELLED_TO_EVERYONE);
                assertThat(step.timeline()).noneMatch(TimelineEntry::late);
            }
            case COMPENSATES_LATE -> {
                assertThat(step.state()).isEqualTo(state.with(new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, true)));
                assertThat(step.commands()).containsExactly(new SendCompensation("payment", "payment.refund", REFUND));
                assertThat(step.timeline()).singleElement().extracting(TimelineEntry::late).isEqualTo(true);
            }
        }
    }

    @ParameterizedTest(name = "{0} saga, payment {1}, {2}, {3}s after the deadline")
    @MethodSource("everyReportInASagaNotEndedAtAndAfterTheDeadline")
    void everyReport_atOrAfterTheDeadline_isATimeOutFollowedByThatReportLate(SagaStatus status, Subject subject, Kind kind, long after) {
        SagaState state = state(status, subject);
        Instant now = DEADLINE.plusSeconds(after);

        SagaStep step = SagaMachine.step(SAGA, state, report(kind), now);

        SagaStep timeOut = SagaMachine.step(SAGA, state, new Tick(), now);
        SagaStep thenReport = SagaMachine.step(SAGA, timeOut.state(), report(kind), now);
        assertThat(timeOut.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
        assertThat(step.state()).isEqualTo(thenReport.state());
        assertThat(step.commands()).isEqualTo(concat(timeOut.commands(), thenReport.commands()));
        assertThat(step.timeline()).isEqualTo(concat(timeOut.timeline(), thenReport.timeline()));
        assertThat(step.timeline().get(step.timeline().size() - 1).late()).isTrue();
    }

    static Stream<Arguments> everyReportInASagaNotEndedAtAndAfterTheDeadline() {
        return everyReportInEveryValidState().filter(a -> !((SagaStatus) a.get()[0]).ended())
                .flatMap(a -> Stream.of(0L, 1L, 3600L).map(after -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], after)));
    }

    @ParameterizedTest(name = "{0} saga, payment {1}")
    @MethodSource("everyValidState")
    void aTick_doesNothing_unlessItFindsAnOpenOrConfirmingSagaPastItsDeadline(SagaStatus status, Subject subject) {
        SagaState state = state(status, subject);

        SagaStep before = SagaMachine.step(SAGA, state, new Tick(), T0.plusSeconds(100));
        SagaStep after = SagaMachine.step(SAGA, state, new Tick(), DEADLINE.plusSeconds(100));

        assertThat(before.changed()).isFalse();
        assertThat(before.state()).isSameAs(state);
        if (status == SagaStatus.OPEN) {
            assertThat(after.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
            assertThat(after.commands()).startsWith(CANCELLED_TO_EVERYONE.toArray(SagaCommand[]::new));
            assertThat(after.commands()).hasSize(subject == Subject.COMPLETED ? 4 : 3);
        } else if (status == SagaStatus.CONFIRMING) {
            assertThat(after.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
            assertThat(after.commands()).as("both completed: both compensated").containsExactly(CANCELLED_TO_EVERYONE.get(0),
                    CANCELLED_TO_EVERYONE.get(1), CANCELLED_TO_EVERYONE.get(2), new SendCompensation("product", "product.release", RESERVED),
                    new SendCompensation("payment", "payment.refund", "{\"amount\":-20}"));
        } else {
            assertThat(after.changed()).isFalse();
            assertThat(after.state()).isSameAs(state);
        }
    }

    // --- helpers

    /** A saga in that status whose participant payment is the subject; product is whatever fits. */
    static SagaState state(SagaStatus status, Subject subject) {
        ParticipantState payment = switch (subject) {
            case PENDING -> pending("payment");
            case COMPLETED -> new ParticipantState("payment", ParticipantStatus.COMPLETED, "{\"amount\":20}", false);
            case COMPLETED_AND_COMPENSATED -> new ParticipantState("payment", ParticipantStatus.COMPLETED, "{\"amount\":20}", true);
            case FAILED -> new ParticipantState("payment", ParticipantStatus.FAILED, null, false);
        };
        ParticipantState product = switch (status) {
            case OPEN, TIMED_OUT -> pending("product");
            case CONFIRMING, COMPLETED -> new ParticipantState("product", ParticipantStatus.COMPLETED, RESERVED, false);
            case ABORTED -> subject == Subject.FAILED ? pending("product") : new ParticipantState("product", ParticipantStatus.FAILED, null, false);
        };
        List<String> acknowledged = switch (status) {
            case CONFIRMING -> List.of("product");
            case COMPLETED -> List.of("payment", "order", "product");
            default -> List.of();
        };
        return new SagaState("saga-1", "order-placement", "order", status, DEADLINE, T0, status.ended() ? T0.plusSeconds(50) : null,
                List.of(product, payment), acknowledged);
    }

    static Report report(Kind kind) {
        return switch (kind) {
            case ITS_COMPLETED -> new Report("payment", "payment.captured", CAPTURED);
            case ITS_FAILED -> new Report("payment", "payment.declined", null);
            case ANOTHER_TYPE -> new Report("payment", "payment.refund", null);
            case FROM_A_STRANGER -> new Report("billing", "payment.captured", CAPTURED);
        };
    }

    static SagaState open() {
        return SagaMachine.start(SAGA, "saga-1", "order", DEADLINE, T0);
    }

    static ParticipantState pending(String context) {
        return new ParticipantState(context, ParticipantStatus.PENDING, null, false);
    }

    static SagaStep report(SagaState state, String context, String type, String data, long atSecond) {
        return SagaMachine.step(SAGA, state, new Report(context, type, data), T0.plusSeconds(atSecond));
    }

    /** Both participants completed, the completed outcome out, nobody acknowledged yet. */
    static SagaState confirming() {
        return report(report(open(), "product", "product.reserved", RESERVED, 10).state(), "payment", "payment.captured", CAPTURED, 20).state();
    }

    /** Confirmed: every receiver acknowledged, order last. */
    static SagaState completed() {
        return acknowledge(acknowledge(acknowledge(confirming(), "payment", 30).state(), "product", 31).state(), "order", 32).state();
    }

    static SagaStep acknowledge(SagaState state, String receiver, long atSecond) {
        return SagaMachine.step(SAGA, state, new Acknowledged(receiver, "order.confirmed"), T0.plusSeconds(atSecond));
    }

    static SagaStep refuse(SagaState state, String receiver, String type, long atSecond) {
        return SagaMachine.step(SAGA, state, new Refused(receiver, type, CONFLICT), T0.plusSeconds(atSecond));
    }

    static SagaStep abort(SagaState state, long atSecond) {
        return SagaMachine.step(SAGA, state, new Aborted("alice from 127.0.0.1", "customer called"), T0.plusSeconds(atSecond));
    }

    static SagaStep tick(SagaState state, long atSecond) {
        return SagaMachine.step(SAGA, state, new Tick(), T0.plusSeconds(atSecond));
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
