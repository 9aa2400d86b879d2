package dev.dragoman.gateway.intake;

import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the maps make of one event type published by one context: its subscribers (an
 * {@code events} entry), the saga it starts, or the saga it reports to (SPEC sections 5 and 6).
 *
 * @param route the {@code events} entry, or null when the type is only a saga report
 * @param starts the saga this event opens, or null
 * @param reportsTo the saga this event reports to, or null
 * @param reporter the participant that reports, or null
 */
record Publishing(String type, String publisher, EventRoute route, Saga starts, Saga reportsTo, Participant reporter) {

    boolean completion() {
        return reporter != null && type.equals(reporter.completed());
    }

    /**
     * @param caller the context the caller's key proves, or null for an anonymous call in open
     *               development mode (the context the maps name as the type's publisher)
     * @throws IntakeRefusedException 403 when that context may not publish the type
     */
    static Publishing of(ContextModel model, String type, String caller) {
        Optional<EventRoute> route = model.events().stream()
                .filter(e -> e.type().equals(type) && (caller == null || e.from().equals(caller))).findFirst();
        Optional<Saga> reportsTo = model.sagas().stream()
                .filter(s -> s.participants().stream().anyMatch(p -> reports(p, type, caller))).findFirst();
        if (route.isEmpty() && reportsTo.isEmpty()) {
            throw new IntakeRefusedException(EventProblems.notPublishable(refusal(model, type, caller)));
        }
        Participant reporter = reportsTo.flatMap(s -> s.participants().stream().filter(p -> reports(p, type, caller)).findFirst()).orElse(null);
        String publisher = route.map(EventRoute::from).orElseGet(() -> reporter.context());
        Saga starts = route.isEmpty() ? null : model.sagas().stream().filter(s -> s.start().equals(type)).findFirst().orElse(null);
        return new Publishing(type, publisher, route.orElse(null), starts, reportsTo.orElse(null), reporter);
    }

    private static boolean reports(Participant participant, String type, String caller) {
        return (caller == null || participant.context().equals(caller))
                && (type.equals(participant.completed()) || type.equals(participant.failed()));
    }

    private static String refusal(ContextModel model, String type, String caller) {
        List<String> publishers = model.events().stream().filter(e -> e.type().equals(type)).map(EventRoute::from).distinct().toList();
        List<String> reporters = model.sagas().stream().flatMap(s -> s.participants().stream())
                .filter(p -> type.equals(p.completed()) || type.equals(p.failed())).map(Participant::context).distinct().toList();
        List<String> allowed = Stream.concat(publishers.stream(), reporters.stream()).distinct().toList();
        if (allowed.isEmpty()) {
            return "event type '" + type + "' is not declared in the context maps: declare it under events (with the context that"
                    + " publishes it), or as a saga participant's completed or failed report";
        }
        return "event type '" + type + "' is published by " + allowed.stream().collect(Collectors.joining(", "))
                + (caller == null ? "" : ", and this key belongs to " + caller);
    }
}
