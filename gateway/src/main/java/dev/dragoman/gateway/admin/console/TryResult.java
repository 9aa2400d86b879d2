package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.admin.DryRun;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.rules.model.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A dry run side by side: what one side sends and what the other would receive, each translated
 * place marked with what it was, each unknown value marked on both sides and named below.
 *
 * @param outcome the dry run's: translated, rejected, passed, resolver-unavailable, resolver-timeout
 * @param verdict the outcome in words: what the route would do with this message
 */
public record TryResult(String route, String direction, long modelVersion, Side sent, Side received, String outcome, String verdict,
        int translated, List<Problem.UnresolvedValue> unknown) {

    /** One side: its context, path (as segments), query and headers (as fields) and body (marked HTML). */
    public record Side(String context, String title, String upstream, List<Field> path, List<Field> query, List<Field> headers,
            String body) {

        public boolean hasPath() {
            return !path.isEmpty();
        }
    }

    /**
     * A path segment, a query parameter's value or a header's value.
     *
     * @param was what it was before the translation, when it was translated, else null
     */
    public record Field(String name, String value, String was, boolean unknown) {

        public boolean translated() {
            return was != null;
        }
    }

    /** Both sides, the sender's first, for the template to write alike. */
    public List<Side> sides() {
        return List.of(sent, received);
    }

    static TryResult of(ServedModel served, Route route, TryInput input, DryRun.Answer answer) {
        boolean request = input.request();
        String sender = request ? route.from() : route.to();
        String receiver = request ? route.to() : route.from();
        List<Problem.UnresolvedValue> unknown = answer.unresolved();
        Set<String> unknownPlaces = new HashSet<>();
        unknown.forEach(u -> unknownPlaces.add(u.location()));

        List<Field> sentPath = new ArrayList<>();
        List<Field> receivedPath = new ArrayList<>();
        if (input.sentPath() != null) {
            segments(input.sentPath()).forEach(segment -> sentPath.add(new Field(null, segment, null, false)));
            // the sent path's segments after the stripped prefix line up with the translated path's
            int stripped = route.stripPrefix();
            List<String> before = segments(input.path());
            List<String> after = segments(answer.path());
            for (int i = 0; i < after.size(); i++) {
                String was = i < before.size() && !before.get(i).equals(after.get(i)) ? before.get(i) : null;
                boolean isUnknown = isUnknownSegment(unknownPlaces, i + 1);
                receivedPath.add(new Field(null, after.get(i), was, isUnknown));
                if (isUnknown && stripped + i < sentPath.size()) {
                    Field plain = sentPath.get(stripped + i);
                    sentPath.set(stripped + i, new Field(null, plain.value(), null, true));
                }
            }
        }
        List<Field> sentQuery = new ArrayList<>();
        List<Field> receivedQuery = new ArrayList<>();
        if (input.query() != null) {
            Map<String, List<String>> translatedQuery = answer.query() == null ? Map.of() : answer.query();
            input.query().forEach((name, values) -> {
                boolean isUnknown = unknownPlaces.contains("query " + name);
                List<String> now = translatedQuery.getOrDefault(name, List.of());
                for (int i = 0; i < values.size(); i++) {
                    sentQuery.add(new Field(name, values.get(i), null, isUnknown));
                    String value = i < now.size() ? now.get(i) : "";
                    receivedQuery.add(new Field(name, value, Objects.equals(value, values.get(i)) ? null : values.get(i), isUnknown));
                }
            });
        }
        List<Field> sentHeaders = new ArrayList<>();
        List<Field> receivedHeaders = new ArrayList<>();
        if (input.headers() != null) {
            Map<String, List<String>> translatedHeaders = answer.headers() == null ? Map.of() : answer.headers();
            input.headers().forEach((name, values) -> {
                boolean isUnknown = unknownPlaces.stream().anyMatch(place -> place.equalsIgnoreCase("header " + name));
                List<String> now = valuesOf(translatedHeaders, name);
                for (int i = 0; i < values.size(); i++) {
                    sentHeaders.add(new Field(name, values.get(i), null, isUnknown));
                    String value = i < now.size() ? now.get(i) : "";
                    receivedHeaders.add(new Field(name, value, Objects.equals(value, values.get(i)) ? null : values.get(i), isUnknown));
                }
            });
        }
        Set<String> unknownBody = new HashSet<>();
        unknownPlaces.stream().filter(place -> place.startsWith("body ")).forEach(place -> unknownBody.add(place.substring(5)));
        JsonMarkup markup = new JsonMarkup(unknownBody);
        String sentBody = input.body() == null ? null : markup.sent(input.body());
        String receivedBody = null;
        if (answer.body() != null) {
            String raw = String.valueOf(answer.body().rawValue());
            try {
                receivedBody = markup.received(TryInput.JSON.readTree(raw), input.body());
            } catch (JacksonException e) {
                receivedBody = org.springframework.web.util.HtmlUtils.htmlEscape(raw);
            }
        }
        String upstream = request ? served.upstreamOf(route).toString() : null;
        Side sent = new Side(sender, request ? sender + " sends" : route.to() + " answers", null, sentPath, sentQuery, sentHeaders,
                sentBody);
        Side received = new Side(receiver, receiver + (request ? " would receive" : " would get"), upstream, receivedPath,
                receivedQuery, receivedHeaders, receivedBody);
        return new TryResult(route.id(), answer.direction(), answer.modelVersion(), sent, received, answer.outcome(),
                verdict(route, request, answer), answer.translated(), unknown);
    }

    private static String verdict(Route route, boolean request, DryRun.Answer answer) {
        return switch (answer.outcome()) {
            case "translated" -> answer.translated() == 0 ? "nothing to translate: it goes as it came"
                    : "translated " + answer.translated() + (answer.translated() == 1 ? " place" : " places");
            case "rejected" -> request
                    ? "the route would answer 422 and send nothing upstream (on-unknown: reject); the right side shows the rest translated"
                    : "the caller would get a 502 (on-unknown: reject): the answer names what it cannot translate";
            case "passed" -> "the unknown values would go through as they came (on-unknown: pass)";
            default -> "a resolver did not answer: " + (answer.problem() == null ? answer.outcome() : answer.problem().detail());
        };
    }

    private static boolean isUnknownSegment(Set<String> places, int segment) {
        return places.stream().anyMatch(place -> place.startsWith("path ") && place.endsWith(" segment " + segment));
    }

    private static List<String> segments(String path) {
        if (path == null || path.equals("/")) {
            return List.of();
        }
        return List.of(path.substring(1).split("/", -1));
    }

    private static List<String> valuesOf(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(List.of());
    }
}
