package dev.dragoman.gateway.compose;

import dev.dragoman.rules.model.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * The composed document: each part's value at its {@code into} (members created on the way,
 * in the order the parts are declared), {@code null} where an optional part failed, and
 * {@code gaps} listing those parts, empty when every part answered.
 *
 * @param gaps the parts that failed, in declaration order
 */
record ComposedAnswer(byte[] json, List<PartResult> gaps) {

    /** The response header that names the gaps, comma-separated, when there are any. */
    static final String GAPS_HEADER = "Dragoman-Composition-Gaps";

    private static final JsonFactory FACTORY = new JsonFactory();

    private static final Object NULL = new Object();

    static ComposedAnswer of(List<PartResult> results) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (PartResult result : results) {
            List<JsonPath.Step> steps = result.part().into().steps();
            Map<String, Object> holder = root;
            for (int i = 0; i < steps.size() - 1; i++) {
                String name = ((JsonPath.Member) steps.get(i)).name();
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) holder.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
                holder = next;
            }
            holder.put(((JsonPath.Member) steps.get(steps.size() - 1)).name(), result.failed() ? NULL : result.json());
        }
        List<PartResult> gaps = results.stream().filter(PartResult::failed).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            writeMembers(json, root);
            json.writeName("gaps");
            json.writeStartArray();
            for (PartResult gap : gaps) {
                json.writeStartObject();
                json.writeStringProperty("part", gap.part().name());
                json.writeStringProperty("route", gap.part().route());
                json.writeStringProperty("reason", gap.failure().reason().label());
                if (gap.failure().status() != null) {
                    json.writeNumberProperty("status", gap.failure().status());
                }
                json.writeStringProperty("detail", gap.failure().detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return new ComposedAnswer(out.toByteArray(), gaps);
    }

    @SuppressWarnings("unchecked")
    private static void writeMembers(JsonGenerator json, Map<String, Object> members) {
        members.forEach((name, value) -> {
            json.writeName(name);
            if (value == NULL) {
                json.writeNull();
            } else if (value instanceof byte[] bytes) {
                json.writeRawValue(new String(bytes, StandardCharsets.UTF_8));
            } else {
                json.writeStartObject();
                writeMembers(json, (Map<String, Object>) value);
                json.writeEndObject();
            }
        });
    }

    /** The value of {@link #GAPS_HEADER}: the failed parts' names, or null when there is no gap. */
    String gapsHeader() {
        return gaps.isEmpty() ? null : gaps.stream().map(g -> g.part().name()).collect(Collectors.joining(", "));
    }
}
