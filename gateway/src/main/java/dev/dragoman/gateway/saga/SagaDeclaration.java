package dev.dragoman.gateway.saga;

import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import java.time.Duration;
import java.util.List;

/**
 * A saga's declaration as stored beside each of its instances: a running saga keeps the rules
 * it started with, even if a reload changes or removes its declaration.
 */
record SagaDeclaration(String name, String start, String deadline, List<ParticipantDeclaration> participants, String completed,
        String aborted) {

    record ParticipantDeclaration(String context, String completed, String failed, String compensation, List<String> negate) {
    }

    static SagaDeclaration of(Saga saga) {
        return new SagaDeclaration(saga.name(), saga.start(), saga.deadline() == null ? null : saga.deadline().toString(),
                saga.participants().stream().map(p -> new ParticipantDeclaration(p.context(), p.completed(), p.failed(), p.compensation(),
                        p.negate().stream().map(JsonPath::text).toList())).toList(),
                saga.outcome() == null ? null : saga.outcome().completed(), saga.outcome() == null ? null : saga.outcome().aborted());
    }

    Saga toSaga() {
        return new Saga(name, start, deadline == null ? null : Duration.parse(deadline),
                participants.stream().map(p -> new Participant(p.context(), p.completed(), p.failed(), p.compensation(),
                        p.negate().stream().map(JsonPath::parse).toList())).toList(),
                new Saga.Outcome(completed, aborted));
    }
}
