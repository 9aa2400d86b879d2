package dev.dragoman.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema itself: well-formed, held to the house rules, and strict where the loader is. */
class SchemaTests {

    @Test
    void schemaIsAValidDraft07Schema() {
        JsonNode schema = MapSchema.schemaNode();

        var errors = MapSchema.metaSchema().validate(schema);

        assertThat(schema.path("$schema").stringValue()).isEqualTo(MapSchema.DRAFT_07);
        assertThat(errors).as("%n%s", MapSchema.describe(errors)).isEmpty();
    }

    @Test
    void everyPropertyHasATitleAndADescription() {
        // They are what an editor shows on hover and on completion.
        List<String> missing = new ArrayList<>();
        walk(MapSchema.schemaNode(), "#", (node, at) -> {
            for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
                JsonNode schema = property.getValue();
                if (!schema.hasNonNull("title") || !schema.hasNonNull("description")) {
                    missing.add(at + "/properties/" + property.getKey());
                }
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void everyObjectForbidsUnknownKeys() {
        List<String> open = new ArrayList<>();
        walk(MapSchema.schemaNode(), "#", (node, at) -> {
            JsonNode type = node.path("type");
            JsonNode additional = node.path("additionalProperties");
            boolean object = type.isString() && type.stringValue().equals("object");
            // Maps keyed by names constrain their keys with patternProperties and still close the rest.
            if (object && !(additional.isBoolean() && !additional.booleanValue())) {
                open.add(at);
            }
        });

        assertThat(open).isEmpty();
    }

    @Test
    void everyPatternCompiles() {
        List<String> broken = new ArrayList<>();
        walk(MapSchema.schemaNode(), "#", (node, at) -> {
            List<String> patterns = new ArrayList<>(node.path("patternProperties").propertyNames());
            if (node.path("pattern").isString()) {
                patterns.add(node.path("pattern").stringValue());
            }
            for (String pattern : patterns) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    broken.add(at + ": " + e.getMessage());
                }
            }
        });

        assertThat(broken).isEmpty();
    }

    @Test
    void acceptsAMinimalFile() {
        var errors = MapSchema.validate(SampleMaps.MINIMAL);

        assertThat(errors).as("%n%s", MapSchema.describe(errors)).isEmpty();
    }

    @Test
    void acceptsAnEmptyMapOfEachKind() {
        assertThat(MapSchema.validate("contexts: {}\nconcepts: {}\nroutes: []\nevents: []\nsagas: []\n")).isEmpty();
    }

    @Test
    void rejectsAMisspelledKey() {
        var errors = MapSchema.validate(SampleMaps.misspelledKey());

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getInstanceLocation()).hasToString("$.routes[0]");
            assertThat(error.getMessage()).contains("strip-prefx");
        });
    }

    @Test
    void rejectsAnUnknownTopLevelKey() {
        var errors = MapSchema.validate(SampleMaps.unknownTopLevelKey());

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage()).contains("route"));
    }

    @Test
    void rejectsARouteWithoutUpstream() {
        var errors = MapSchema.validate(SampleMaps.routeWithoutUpstream());

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getKeyword()).isEqualTo("required");
            assertThat(error.getInstanceLocation()).hasToString("$.routes[0]");
            assertThat(error.getMessage()).contains("upstream");
        });
    }

    @Test
    void rejectsAnOnUnknownValueOtherThanRejectOrPass() {
        var errors = MapSchema.validate(SampleMaps.onUnknownNeitherRejectNorPass());

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getKeyword()).isEqualTo("enum");
            assertThat(error.getInstanceLocation()).hasToString("$.routes[0]['on-unknown']");
        });
    }

    @Test
    void rejectsARuleThatIsNotConceptDotField() {
        var errors = MapSchema.validate(SampleMaps.ruleNotConceptDotField());

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getKeyword()).isEqualTo("pattern");
            assertThat(error.getInstanceLocation().toString()).startsWith("$.events[0].deliver[0].data");
        });
    }

    @Test
    void acceptsARuleThatReadsOneAspectAndWritesAnother() {
        assertThat(MapSchema.validate(SampleMaps.ruleReadingOneAspectWritingAnother())).isEmpty();
    }

    @Test
    void rejectsABodyRuleWhoseKeyIsNotAJsonPath() {
        var errors = MapSchema.validate(SampleMaps.bodyRuleKeyNotAJsonPath());

        assertThat(errors).isNotEmpty();
    }

    @Test
    void rejectsADeadlineThatIsNotAnIsoDuration() {
        var errors = MapSchema.validate(SampleMaps.deadlineNotAnIsoDuration());

        assertThat(errors).singleElement().satisfies(error ->
                assertThat(error.getInstanceLocation()).hasToString("$.events[0].deadline"));
    }

    @Test
    void rejectsASagaWithoutParticipants() {
        assertThat(MapSchema.validate(SampleMaps.sagaWithoutParticipants())).singleElement().satisfies(error ->
                assertThat(error.getKeyword()).isEqualTo("minItems"));
    }

    @Test
    void rejectsAContextNameWithADot() {
        var errors = MapSchema.validate(SampleMaps.dottedContextName());

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage()).contains("game.dept"));
    }

    @Test
    void rejectsAnEntryValueThatIsNotAScalar() {
        var errors = MapSchema.validate(SampleMaps.entryValueNotAScalar());

        assertThat(errors).singleElement().satisfies(error -> assertThat(error.getKeyword()).isEqualTo("type"));
    }

    private interface Visitor {
        void visit(JsonNode schema, String at);
    }

    /** Visits every subschema object, with its JSON Pointer, skipping example values. */
    private static void walk(JsonNode node, String at, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(node, at);
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (!child.getKey().equals("examples") && !child.getKey().equals("default")) {
                    walk(child.getValue(), at + "/" + child.getKey(), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, visitor);
            }
        }
    }
}
