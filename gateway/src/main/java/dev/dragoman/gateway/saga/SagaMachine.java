package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.saga.SagaCommand.SendCompensation;
import dev.dragoman.gateway.saga.SagaCommand.SendOutcome;
import dev.dragoman.gateway.saga.SagaInput.Aborted;
import dev.dragoman.gateway.saga.SagaInput.Acknowledged;
import dev.dragoman.gateway.saga.SagaInput.Refused;
import dev.dragoman.gateway.saga.SagaInput.Report;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The saga state machine (SPEC section 6): a pure function of (saga, state, input, now) to
 * (new state, events to send, timeline). No clock, no store: the caller brings the time and
 * persists the result, so that every transition is tested without either.
 *
 * <p>The machine is total: any report, acknowledgement or refusal, from anyone, in any state, gives
 * a step. What the gateway normally refuses earlier (unknown types, strangers) is recorded here as
 * a late entry.
 *
 * <p>The deadline protocol (presumed abort, SPEC section 6): once every participant completed,
 * the saga is {@link SagaStatus#CONFIRMING}, and it is {@link SagaStatus#COMPLETED} only when
 * every receiver acknowledged the completed outcome before the deadline. A refusal, or the
 * deadline passing first, aborts it, because a participant may already have rolled back on its own.
 */
public final class SagaMachine {

    private SagaMachine() {
    }

    /**
     * A new instance with every participant pending. A deadline already passed is acted on at
     * the first {@link #step}, a {@link SagaInput.Tick} will do.
     *
     * @param initiator the context that published the start event
     * @param deadline the start event's own deadline, or now plus the saga's
     */
    public static SagaState start(Saga saga, String sagaId, String initiator, Instant deadline, Instant now) {
        Objects.requireNonNull(saga, "saga");
        Objects.requireNonNull(now, "now");
        List<ParticipantState> participants = saga.participants().stream()
                .map(p -> ParticipantState.pending(p.context())).toList();
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("saga '" + saga.name() + "' has no participants");
        }
        return new SagaState(sagaId, saga.name(), initiator, SagaStatus.OPEN, deadline, now, null, participants, List.of());
    }

    /**
     * What the input makes of the instance at {@code now}. A deadline at or before {@code now}
     * ends an open or confirming saga first; a report, an acknowledgement or a refusal is then
     * handled as a late one.
     *
     * @param saga the saga's declaration as currently served (its report types, compensations
     *     and outcome); the participants themselves come from the state
     */
    public static SagaStep step(Saga saga, SagaState state, SagaInput input, Instant now) {
        Objects.requireNonNull(saga, "saga");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        if (!saga.name().equals(state.sagaName())) {
            throw new IllegalArgumentException("saga '" + saga.name() + "' cannot step instance " + state.sagaId()
                    + " of saga '" + state.sagaName() + "'");
        }
        Objects.requireNonNull(saga.outcome(), () -> "saga '" + saga.name() + "' declares no outcome");
        Transition transition = new Transition(saga, state, now);
        // The deadline binds a confirming saga as much as an open one: an acknowledgement at or after it confirms nothing.
        if (!state.status().ended() && !now.isBefore(state.deadline())) {
            transition.timeOut();
        }
        if (input instanceof Report report) {
            transition.report(report);
        } else if (input instanceof Acknowledged acknowledged) {
            transition.acknowledged(acknowledged);
        } else if (input instanceof Refused refused) {
            transition.refused(refused);
        } else if (input instanceof Aborted aborted) {
            transition.abortedByOperator(aborted);
        }
        return new SagaStep(transition.state, transition.commands, transition.timeline);
    }

    /** What became of a compensation, and whether that is trouble (logged at WARN). */
    private record Compensated(String what, boolean trouble) {
    }

    /** One step in the making. */
    private static final class Transition {
        private final Saga saga;
        private final Instant now;
        private SagaState state;
        private final List<SagaCommand> commands = new ArrayList<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();

        Transition(Saga saga, SagaState state, Instant now) {
            this.saga = saga;
            this.state = state;
            this.now = now;
        }

        void timeOut() {
            if (state.status() == SagaStatus.CONFIRMING) {
                note("deadline " + state.deadline() + " passed with " + saga.outcome().completed() + " not acknowledged by "
                        + String.join(", ", state.unacknowledged()) + "; saga timed out", false);
            } else {
                note("deadline " + state.deadline() + " passed with " + String.join(", ", state.pendingContexts())
                        + " pending; saga timed out", false);
            }
            state = state.ended(SagaStatus.TIMED_OUT, now);
            announceAbort();
        }

        void report(Report report) {
            String what = report.type() + " from " + report.context();
            ParticipantState participant = state.participant(report.context()).orElse(null);
            if (participant == null) {
                note("report " + what + ", which takes no part in the saga: ignored", true);
                return;
            }
            Participant declared = declared(participant.context());
            boolean completes = declared != null && report.type().equals(declared.completed());
            boolean fails = declared != null && report.type().equals(declared.failed());
            if (!completes && !fails) {
                note("unexpected report " + what + (declared == null ? ", whose reports the saga no longer declares"
                        : ", which reports with " + declared.completed() + " or " + declared.failed()) + ": ignored", true);
            } else if (participant.status() != ParticipantStatus.PENDING) {
                note("duplicate report " + what + ", which had already " + participant.status().name().toLowerCase(Locale.ROOT)
                        + ": ignored", true);
            } else if (state.status().ended()) {
                late(what, participant, completes, report.data());
            } else if (completes) {
                state = state.with(participant.completed(report.data()));
                boolean all = state.pendingContexts().isEmpty();
                note(what + ": completed" + (all ? "; saga confirming" : ""), false);
                if (all) {
                    state = state.confirming();
                    askForConfirmation();
                }
            } else {
                note(what + ": failed; saga aborted", false);
                // Ended first: an open saga with a failed participant is no state at all.
                state = state.ended(SagaStatus.ABORTED, now).with(participant.failed());
                announceAbort();
            }
        }

        /**
         * A receiver took a copy: of the completed outcome while confirming, it counts towards
         * the confirmation. An acknowledgement of anything else (the aborted outcome, a
         * compensation) changes nothing and is not recorded: the saga's deliveries show it.
         */
        void acknowledged(Acknowledged acknowledged) {
            String type = acknowledged.type();
            String receiver = acknowledged.receiver();
            if (!type.equals(saga.outcome().completed())) {
                return;
            }
            if (!state.receivers().contains(receiver)) {
                note("acknowledgement of " + type + " by " + receiver + ", which is no receiver of the saga's outcome: ignored", true);
            } else if (state.acknowledged().contains(receiver)) {
                return; // a duplicate: the copy was taken once already
            } else if (state.status() == SagaStatus.CONFIRMING) {
                state = state.acknowledgedBy(receiver);
                note(type + " acknowledged by " + receiver, false);
                if (state.unacknowledged().isEmpty()) {
                    state = state.ended(SagaStatus.COMPLETED, now);
                    note("confirmed: every receiver acknowledged " + type, false);
                }
            } else if (state.status().aborted()) {
                // It may have kept its step on the strength of it: the aborted outcome and its compensation must reach it.
                note("late acknowledgement of " + type + " by " + receiver + " after the saga " + ended() + ": it stays "
                        + word(state.status()) + ", and " + saga.outcome().aborted() + " and any compensation sent to " + receiver
                        + " undo what " + receiver + " kept", true);
            } else {
                note("acknowledgement of " + type + " by " + receiver + " while the saga is " + word(state.status()) + ": ignored", true);
            }
        }

        /**
         * The outbox gave up on a copy: a refusal of the completed outcome while confirming aborts
         * the saga (the receiver rolled back, or cannot be told); a refused compensation or aborted
         * outcome leaves work that people have to undo or tell by hand.
         */
        void refused(Refused refused) {
            String type = refused.type();
            String receiver = refused.receiver();
            String by = type + " refused by " + receiver + ": " + refused.reason();
            boolean aReceiver = state.receivers().contains(receiver);
            if (type.equals(saga.outcome().completed()) && aReceiver) {
                if (state.status() == SagaStatus.CONFIRMING) {
                    note(by + "; saga aborted", false);
                    state = state.ended(SagaStatus.ABORTED, now);
                    announceAbort();
                } else if (state.status().aborted()) {
                    note(by + ", after the saga " + ended() + ": nothing more to do", false);
                } else {
                    note(by + ", while the saga is " + word(state.status()) + ": ignored", true);
                }
            } else if (aReceiver && isCompensation(type)) {
                note("compensation " + by + "; undo its work by hand", true);
            } else if (aReceiver && type.equals(saga.outcome().aborted())) {
                note("outcome " + by + "; tell " + receiver + " by hand that the saga " + (state.status().ended() ? ended() : "ended"), true);
            } else {
                note("refusal of " + type + " by " + receiver + ", which is no outcome or compensation the saga sent it: ignored", true);
            }
        }

        /**
         * An operator ends the saga: exactly what a deadline does to it (the aborted outcome to
         * everyone, compensations for completed work), but {@link SagaStatus#ABORTED}, since it
         * was a decision and not time. After the end there is nothing left to abort.
         */
        void abortedByOperator(Aborted aborted) {
            String by = "aborted by an operator (" + aborted.operator() + ")" + (aborted.reason() == null ? "" : ": " + aborted.reason());
            if (state.status().ended()) {
                note(by + " after the saga " + ended() + ": ignored", true);
                return;
            }
            note(by + "; saga aborted", false);
            state = state.ended(SagaStatus.ABORTED, now);
            announceAbort();
        }

        private boolean isCompensation(String type) {
            return saga.participants().stream().anyMatch(p -> type.equals(p.compensation()));
        }

        /** How the timeline says the saga ended: "completed", "was aborted", "timed out". */
        private String ended() {
            return switch (state.status()) {
                case COMPLETED -> "completed";
                case ABORTED -> "was aborted";
                default -> "timed out";
            };
        }

        private static String word(SagaStatus status) {
            return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** A report of a pending participant after the end: only a completion of aborted work matters. */
        private void late(String what, ParticipantState participant, boolean completes, String data) {
            String late = "late report " + what + " after the saga " + ended();
            if (completes && state.status().aborted()) {
                state = state.with(participant.completed(data));
                note(late + ": " + compensate(participant.context()).what(), true);
            } else {
                note(late + ": ignored", true);
            }
        }

        /**
         * The completed outcome to everyone, bound by the deadline: the saga is confirmed only
         * when every receiver acknowledged it before then (SPEC section 6, the deadline protocol).
         */
        private void askForConfirmation() {
            String outcome = saga.outcome().completed();
            List<String> receivers = state.receivers();
            receivers.forEach(receiver -> commands.add(new SendOutcome(outcome, receiver, true)));
            note("outcome " + outcome + " sent to " + String.join(", ", receivers) + ", to be acknowledged by the deadline "
                    + state.deadline(), false);
        }

        /** The aborted outcome to everyone, and compensations for the work done. */
        private void announceAbort() {
            String outcome = saga.outcome().aborted();
            // The initiator first; once only when it also takes part.
            List<String> receivers = state.receivers();
            receivers.forEach(receiver -> commands.add(new SendOutcome(outcome, receiver, false)));
            note("outcome " + outcome + " sent to " + String.join(", ", receivers), false);
            for (ParticipantState p : state.participants()) {
                if (p.status() == ParticipantStatus.COMPLETED && !p.compensated()) {
                    Compensated done = compensate(p.context());
                    note(done.what(), done.trouble());
                }
            }
        }

        /**
         * Sends a completed participant its compensation, once, and says what became of it.
         * A compensation whose data cannot be negated is not sent at all: a refund that repeats
         * the charge is worse than none, and the timeline tells people to undo the work by hand.
         */
        private Compensated compensate(String context) {
            ParticipantState participant = state.participant(context).orElseThrow();
            Participant declared = declared(context);
            if (declared == null || declared.compensation() == null) {
                return new Compensated(context + " declares no compensation: nothing to send", false);
            }
            List<String> problems = Negation.check(participant.completedData(), declared.negate());
            if (!problems.isEmpty()) {
                return new Compensated("compensation " + declared.compensation() + " not sent to " + context + ": "
                        + String.join("; ", problems) + "; undo its work by hand", true);
            }
            commands.add(new SendCompensation(context, declared.compensation(),
                    Negation.negate(participant.completedData(), declared.negate())));
            state = state.with(participant.compensatedNow());
            return new Compensated("compensation " + declared.compensation() + " sent to " + context, false);
        }

        /** The participant's declaration in the maps as served now, or null when a reload dropped it. */
        private Participant declared(String context) {
            return saga.participants().stream().filter(p -> p.context().equals(context)).findFirst().orElse(null);
        }

        private void note(String what, boolean late) {
            timeline.add(new TimelineEntry(now, what, late));
        }
    }
}
