package dev.dragoman.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a context-maps directory declares, validated and immutable.
 * Maps keep declaration order so that listings read like the files.
 */
public record ContextModel(
        Map<String, BoundedContext> contexts,
        Map<String, Concept> concepts,
        List<Route> routes,
        List<EventRoute> events,
        List<Saga> sagas,
        List<Composition> compositions) {

    public ContextModel {
        contexts = Collections2.copyOrdered(contexts);
        concepts = Collections2.copyOrdered(concepts);
        routes = Collections2.list(routes);
        events = Collections2.list(events);
        sagas = Collections2.list(sagas);
        compositions = Collections2.list(compositions);
    }

    /** A model without compositions, as models were before they existed. */
    public ContextModel(Map<String, BoundedContext> contexts, Map<String, Concept> concepts, List<Route> routes,
            List<EventRoute> events, List<Saga> sagas) {
        this(contexts, concepts, routes, events, sagas, List.of());
    }

    public Optional<Route> route(String id) {
        return routes.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<EventRoute> event(String type, String from) {
        return events.stream().filter(e -> e.type().equals(type) && e.from().equals(from)).findFirst();
    }

    public Optional<Composition> composition(String id) {
        return compositions.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
