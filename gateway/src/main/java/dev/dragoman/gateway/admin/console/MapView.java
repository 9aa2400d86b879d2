package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.reload.ReloadStatus;
import dev.dragoman.rules.SourcePlaces;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Map tab shows: the diagram's elements in Cytoscape.js's own JSON form (contexts as
 * nodes, routes and event deliveries as labelled edges), the concepts and sagas listed beside it,
 * and the last reload when it was refused.
 *
 * @param stamp the model version and the last reload's time: what the page sends back when it polls
 * @param elements the diagram as Cytoscape.js elements, JSON
 * @param refused the last reload's errors when it was refused (or is pending), else empty
 */
public record MapView(String stamp, long modelVersion, String loadedAt, String directory, String elements, List<Declaration> concepts,
        List<Declaration> sagas, Refusal refused) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A refused reload: when, what started it, which model keeps serving, and each error located. */
    public record Refusal(String outcome, String at, String trigger, long modelVersion, List<MapError> errors) {
    }

    /** One error of a refused reload, with its file shown relative to the maps directory. */
    public record MapError(String file, int line, String keyPath, String message, String hint) {

        public String where() {
            return file + ":" + line;
        }
    }

    static MapView of(ServedModel served, ReloadStatus status, SourcePlaces at, Path directory, String stamp) {
        ContextModel model = served.model();
        Path dir = directory.toAbsolutePath().normalize();
        List<Declaration> concepts = model.concepts().values().stream()
                .map(concept -> new Declaration(concept.name(), Places.shown(at.concept(concept.name())),
                        List.of(concept.keys().keySet().size() + " contexts: " + String.join(", ", concept.keys().keySet()),
                                concept.table().size() + " rows" + (concept.resolverSpec().isPresent() ? ", and a resolver" : ""))))
                .toList();
        List<Declaration> sagas = model.sagas().stream()
                .map(saga -> new Declaration(saga.name(), Places.shown(at.saga(saga.name())),
                        List.of("starts on " + saga.start(), "participants: "
                                + String.join(", ", saga.participants().stream().map(p -> p.context()).toList()))))
                .toList();
        Refusal refused = status.loaded() ? null : new Refusal(status.outcome().name(), status.at().toString(), status.trigger(),
                status.modelVersion(), status.errors().stream()
                        .map(e -> new MapError(relative(dir, e.file()), e.line(), e.keyPath(), e.message(), e.hint()))
                        .toList());
        return new MapView(stamp, served.version(), served.loadedAt().toString(), dir.toString(),
                JSON.writeValueAsString(elements(model)), concepts, sagas, refused);
    }

    private static List<Map<String, Object>> elements(ContextModel model) {
        List<Map<String, Object>> elements = new ArrayList<>();
        model.contexts().keySet().forEach(name -> elements.add(element(Map.of("id", name, "label", name, "kind", "context"))));
        for (Route route : model.routes()) {
            elements.add(element(Map.of("id", "route/" + route.id(), "source", route.from(), "target", route.to(),
                    "label", route.path(), "kind", "route", "route", route.id())));
        }
        for (EventRoute event : model.events()) {
            for (Delivery delivery : event.deliver()) {
                elements.add(element(Map.of("id", "event/" + event.type() + "/" + event.from() + "/" + delivery.to(),
                        "source", event.from(), "target", delivery.to(), "label", event.type(), "kind", "delivery",
                        "type", event.type(), "from", event.from(), "to", delivery.to())));
            }
        }
        return elements;
    }

    private static Map<String, Object> element(Map<String, Object> data) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("data", data);
        return element;
    }

    /** {@code games.yaml} for a file in the maps directory, the path as given for anything else. */
    private static String relative(Path dir, String file) {
        try {
            Path path = Path.of(file).toAbsolutePath().normalize();
            return path.startsWith(dir) ? dir.relativize(path).toString() : file;
        } catch (RuntimeException e) {
            return file;
        }
    }
}
