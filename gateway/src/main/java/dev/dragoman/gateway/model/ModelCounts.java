package dev.dragoman.gateway.model;

import dev.dragoman.rules.model.ContextModel;
import java.util.LinkedHashMap;
import java.util.Map;

/** How much a context model declares: for the startup log, health and, later, the reload log. */
public record ModelCounts(int contexts, int concepts, int routes, int events, int sagas, int compositions) {

    public static ModelCounts of(ContextModel model) {
        return new ModelCounts(model.contexts().size(), model.concepts().size(), model.routes().size(),
                model.events().size(), model.sagas().size(), model.compositions().size());
    }

    /** The counts by name, in declaration order, e.g. for health details. */
    public Map<String, Object> asMap() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("contexts", contexts);
        counts.put("concepts", concepts);
        counts.put("routes", routes);
        counts.put("events", events);
        counts.put("sagas", sagas);
        counts.put("compositions", compositions);
        return counts;
    }

    /** Reads like {@code 2 contexts, 1 concept, 1 route, 0 events, 0 sagas}, and the compositions when there are any. */
    @Override
    public String toString() {
        return plural(contexts, "context") + ", " + plural(concepts, "concept") + ", " + plural(routes, "route") + ", "
                + plural(events, "event") + ", " + plural(sagas, "saga") + (compositions == 0 ? "" : ", " + plural(compositions, "composition"));
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
