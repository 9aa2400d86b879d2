package dev.dragoman.simulation;

import dev.dragoman.gateway.saga.SagaStatus;
import dev.dragoman.kit.saga.SagaStepStore.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must hold once a run is quiet (every copy delivered or expired, no timer left): the
 * protocol's promise, read from the departments' ledgers and rows and the gateway's saga row.
 */
final class Invariant {

    private Invariant() {
    }

    /**
     * Every participant that did its step kept it or undid it, all the same way; the initiator's
     * order is kept exactly when every participant kept its step; no step is undone twice, no
     * compensation reaches a step never done, an undo is the done delta negated; every aborted
     * outcome and compensation the gateway sent got through (none refused, none expired); and the
     * gateway ends COMPLETED exactly when all kept.
     */
    static List<String> check(Coordinator gateway, KitNode initiator, List<KitNode> participants) {
        List<String> violations = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        for (KitNode p : participants) {
            long sum = p.ledger.stream().mapToLong(Long::longValue).sum();
            if (p.undone > 1) {
                violations.add(p.name + " undone " + p.undone + " times " + p.ledger);
            }
            if (!p.didStep && p.undone > 0) {
                violations.add("a compensation applied to " + p.name + ", which never did its step " + p.ledger);
            }
            if (p.didStep && sum != 0 && sum != p.amount) {
                violations.add(p.name + "'s ledger " + p.ledger + " is neither its step (" + p.amount + ") nor nothing");
            }
            boolean keeps = p.didStep && p.undone == 0;
            if (keeps && !p.status().equals(Optional.of(Status.CONFIRMED))) {
                violations.add(p.name + " keeps its step, but its row is " + p.status().orElse(null));
            }
            (keeps ? kept : notKept).add(p.name + (p.didStep ? "" : " (never did it: " + p.status().orElse(null) + ")"));
        }
        boolean allKept = notKept.isEmpty();
        if (!kept.isEmpty() && !allKept) {
            violations.add("split outcome: " + kept + " kept their steps, " + notKept + " did not");
        }
        if (initiator.undone > 1) {
            violations.add("the initiator's order undone " + initiator.undone + " times");
        }
        boolean orderKept = initiator.didStep && initiator.undone == 0;
        if (orderKept != allKept) {
            violations.add("the initiator's order is " + (orderKept ? "kept" : "undone") + " but the participants "
                    + (allKept ? "all kept their steps" : "did not all keep theirs"));
        }
        Optional<SagaStatus> status = Optional.ofNullable(gateway.state).map(s -> s.status());
        if (status.isPresent() && !status.get().ended()) {
            violations.add("the gateway's saga never ended: " + status.get());
        }
        for (String lost : gateway.lostAbortCopies()) {
            violations.add("a copy of the abort never got through: " + lost);
        }
        boolean completed = status.equals(Optional.of(SagaStatus.COMPLETED));
        if (completed != allKept) {
            violations.add("the gateway's saga is " + status.orElse(null) + " but the participants "
                    + (allKept ? "all kept their steps" : "did not all keep theirs"));
        }
        return violations;
    }

    /** With no faults and clocks within the allowance, a saga whose steps complete well before the deadline ends confirmed. */
    static List<String> live(Coordinator gateway, KitNode initiator, List<KitNode> participants) {
        List<String> violations = new ArrayList<>();
        Optional<SagaStatus> status = Optional.ofNullable(gateway.state).map(s -> s.status());
        if (!status.equals(Optional.of(SagaStatus.COMPLETED))) {
            violations.add("liveness: no faults, yet the gateway's saga is " + status.orElse(null));
        }
        for (KitNode node : participants) {
            if (!node.status().equals(Optional.of(Status.CONFIRMED))) {
                violations.add("liveness: no faults, yet " + node.name + " is " + node.status().orElse(null));
            }
        }
        if (!initiator.status().equals(Optional.of(Status.CONFIRMED)) || initiator.confirmations != 1) {
            violations.add("liveness: no faults, yet the initiator is " + initiator.status().orElse(null));
        }
        return violations;
    }
}
