package dev.dragoman.simulation;

import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import java.time.Duration;
import java.util.List;

/** The simulated saga's declaration: the initiator {@code order}, participants {@code p1..pN}, each with its request, reports and compensation. */
record SagaTypes(List<String> participants) {

    static final String INITIATOR = "order";

    String start() {
        return "order.placed";
    }

    String confirmed() {
        return "order.confirmed";
    }

    String cancelled() {
        return "order.cancelled";
    }

    String request(String participant) {
        return participant + ".requested";
    }

    String completed(String participant) {
        return participant + ".done";
    }

    String failed(String participant) {
        return participant + ".failed";
    }

    String compensation(String participant) {
        return participant + ".undo";
    }

    /** As the gateway serves it from the maps. */
    Saga saga(Duration deadline) {
        List<Participant> declared = participants.stream()
                .map(p -> new Participant(p, completed(p), failed(p), compensation(p), List.of(JsonPath.parse("$.amount"))))
                .toList();
        return new Saga("simulated", start(), deadline, declared, new Saga.Outcome(confirmed(), cancelled()));
    }
}
