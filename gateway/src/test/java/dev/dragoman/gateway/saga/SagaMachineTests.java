package dev.dragoman.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.saga.SagaCommand.SendCompensation;
import dev.dragoman.gateway.saga.SagaCommand.SendOutcome;
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

    static final List<SagaCommand> CONFIRMED_TO_EVERYONE = List.of(new SendOutcome("order.confirmed", "order"),
            new SendOutcome("order.confirmed", "product"), new SendOutcome("order.confirmed", "payment"));
    static final List<SagaCommand> CANCELLED_TO_EVERYONE = List.of(new SendOutcome("order.cancelled", "order"),
            new SendOutcome("order.cancelled", "product"), new SendOutcome("order.cancelled", "payment"));

    // --- start

    @Test
    void start_opensWithEveryParticipantPending_inDeclarationOrder() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "order", DEADLINE, T0);

        assertThat(state).isEqualTo(new SagaState("saga-1", "order-placement", "order", SagaStatus.OPEN, DEADLINE, T0, null,
                List.of(pending("product"), pending("payment"))));
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
    void everyParticipantCompletes_theCompletedOutcomeGoesToTheInitiatorFirst_thenEveryParticipant() {
        SagaStep first = report(open(), "product", "product.reserved", RESERVED, 10);

        assertThat(first.state().status()).isEqualTo(SagaStatus.OPEN);
        assertThat(first.state().participant("product")).contains(new ParticipantState("product", ParticipantStatus.COMPLETED,
                RESERVED, false));
        assertThat(first.commands()).isEmpty();
        assertThat(first.timeline()).containsExactly(new TimelineEntry(T0.plusSeconds(10), "product.reserved from product: completed", false));

        SagaStep last = report(first.state(), "payment", "payment.captured", CAPTURED, 20);

        assertThat(last.state().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(last.state().endedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(last.state().participants()).containsExactly(
                new ParticipantState("product", ParticipantStatus.COMPLETED, RESERVED, false),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, CAPTURED, false));
        assertThat(last.commands()).containsExactlyElementsOf(CONFIRMED_TO_EVERYONE);
        assertThat(last.timeline()).extracting(TimelineEntry::what).containsExactly(
                "payment.captured from payment: completed; saga completed",
                "outcome order.confirmed sent to order, product, payment");
        assertThat(last.timeline()).allSatisfy(entry -> {
            assertThat(entry.at()).isEqualTo(T0.plusSeconds(20));
            assertThat(entry.late()).isFalse();
        });
    }

    @Test
    void participantsMayCompleteInAnyOrder() {
        SagaState state = report(open(), "payment", "payment.captured", CAPTURED, 10).state();
        SagaStep last = report(state, "product", "product.reserved", RESERVED, 20);

        assertThat(last.state().status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(last.commands()).containsExactlyElementsOf(CONFIRMED_TO_EVERYONE);
    }

    @Test
    void anInitiatorThatAlsoTakesPart_getsOneOutcome_first() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "payment", DEADLINE, T0);
        state = report(state, "product", "product.reserved", RESERVED, 10).state();
        SagaStep last = report(state, "payment", "payment.captured", CAPTURED, 20);

        assertThat(last.commands()).containsExactly(new SendOutcome("order.confirmed", "payment"),
                new SendOutcome("order.confirmed", "product"));
        assertThat(last.timeline()).extracting(TimelineEntry::what).contains("outcome order.confirmed sent to payment, product");
    }

    @Test
    void anInitiatorThatAlsoTakesPart_getsOneAbortedOutcome_andItsCompensation() {
        SagaState state = SagaMachine.start(SAGA, "saga-1", "payment", DEADLINE, T0);
        state = report(state, "payment", "payment.captured", CAPTURED, 10).state();
        SagaStep step = report(state, "product", "product.out-of-stock", null, 20);

        assertThat(step.commands()).containsExactly(new SendOutcome("order.cancelled", "payment"),
                new SendOutcome("order.cancelled", "product"), new SendCompensation("payment", "payment.refund", REFUND));
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
        assertThat(step.commands()).containsExactly(new SendOutcome("order.cancelled", "order"),
                new SendOutcome("order.cancelled", "product"), new SendOutcome("order.cancelled", "payment"),
                new SendCompensation("product", "product.release", RESERVED),
                new SendCompensation("payment", "payment.refund", REFUND));
    }

    @Test
    void theLastCompletionJustBeforeTheDeadline_completesTheSaga() {
        SagaState state = report(open(), "product", "product.reserved", RESERVED, 10).state();

        SagaStep step = SagaMachine.step(SAGA, state, new Report("payment", "payment.captured", CAPTURED), DEADLINE.minusMillis(1));

        assertThat(step.state().status()).isEqualTo(SagaStatus.COMPLETED);
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
        SagaState completed = report(report(open(), "product", "product.reserved", RESERVED, 10).state(),
                "payment", "payment.captured", CAPTURED, 20).state();

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

        assertThat(step.state().status()).isEqualTo(SagaStatus.COMPLETED);
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
                state.startedAt(), state.endedAt(), state.participants());

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
            case COMPLETED -> subject == Subject.COMPLETED;
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
    @MethodSource("everyReportInAnOpenSagaAtAndAfterTheDeadline")
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

    static Stream<Arguments> everyReportInAnOpenSagaAtAndAfterTheDeadline() {
        return everyReportInEveryValidState().filter(a -> a.get()[0] == SagaStatus.OPEN)
                .flatMap(a -> Stream.of(0L, 1L, 3600L).map(after -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], after)));
    }

    @ParameterizedTest(name = "{0} saga, payment {1}")
    @MethodSource("everyValidState")
    void aTick_doesNothing_unlessItFindsAnOpenSagaPastItsDeadline(SagaStatus status, Subject subject) {
        SagaState state = state(status, subject);

        SagaStep before = SagaMachine.step(SAGA, state, new Tick(), T0.plusSeconds(100));
        SagaStep after = SagaMachine.step(SAGA, state, new Tick(), DEADLINE.plusSeconds(100));

        assertThat(before.changed()).isFalse();
        assertThat(before.state()).isSameAs(state);
        if (status == SagaStatus.OPEN) {
            assertThat(after.state().status()).isEqualTo(SagaStatus.TIMED_OUT);
            assertThat(after.commands()).startsWith(CANCELLED_TO_EVERYONE.toArray(SagaCommand[]::new));
            assertThat(after.commands()).hasSize(subject == Subject.COMPLETED ? 4 : 3);
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
            case COMPLETED -> new ParticipantState("product", ParticipantStatus.COMPLETED, RESERVED, false);
            case ABORTED -> subject == Subject.FAILED ? pending("product") : new ParticipantState("product", ParticipantStatus.FAILED, null, false);
        };
        return new SagaState("saga-1", "order-placement", "order", status, DEADLINE, T0, status.ended() ? T0.plusSeconds(50) : null,
                List.of(product, payment));
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

    static SagaStep tick(SagaState state, long atSecond) {
        return SagaMachine.step(SAGA, state, new Tick(), T0.plusSeconds(atSecond));
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
