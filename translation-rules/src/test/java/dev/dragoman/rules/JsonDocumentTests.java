package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

class JsonDocumentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void selectsEveryValueAPathReaches_inDocumentOrder_withItsLocation() {
        JsonDocument document = new JsonDocument(JSON.readTree("{\"lines\":[{\"qty\":1},{\"qty\":2}],\"unit price\":{\"qty\":3}}"));

        assertThat(locations(document, "$.lines[*].qty")).containsExactly("$.lines[0].qty", "$.lines[1].qty");
        assertThat(locations(document, "$..qty")).containsExactly("$.lines[0].qty", "$.lines[1].qty", "$['unit price'].qty");
        assertThat(locations(document, "$.*")).containsExactly("$.lines", "$['unit price']");
    }

    @Test
    void replacesValuesInPlace_theRootToo() {
        JsonDocument document = new JsonDocument(JSON.readTree("{\"a\":[1,2]}"));
        document.select(JsonPath.parse("$.a[1]"), slot -> slot.replace(StringNode.valueOf("x")), problem -> { });
        assertThat(document.root()).hasToString("{\"a\":[1,\"x\"]}");

        document.select(JsonPath.parse("$"), slot -> slot.replace(StringNode.valueOf("y")), problem -> { });
        assertThat(document.root()).hasToString("\"y\"");
    }

    @Test
    void reportsTheStepsTheDocumentCannotFollow_butNotWildcardsThatMatchNothing() {
        JsonDocument document = new JsonDocument(JSON.readTree("{\"payment\":5,\"lines\":[],\"none\":{}}"));

        assertThat(problems(document, "$.payment.amount")).containsExactly("$.payment is 5, not an object");
        assertThat(problems(document, "$.fee")).containsExactly("$.fee is missing");
        assertThat(problems(document, "$.lines[0]")).containsExactly("$.lines[0] is missing");
        assertThat(problems(document, "$.none[*]")).containsExactly("$.none is {}, not an array");
        assertThat(problems(document, "$.lines[*].qty")).isEmpty();
        assertThat(problems(document, "$..qty")).isEmpty();
    }

    @Test
    void withoutADocument_theRootIsFoundMissing_andAMemberIsMissing() {
        JsonDocument document = new JsonDocument(MissingNode.getInstance());

        assertThat(locations(document, "$")).containsExactly("$");
        assertThat(problems(document, "$.amount")).containsExactly("$.amount is missing");
    }

    @Test
    void showsLongValuesCutShort() {
        assertThat(JsonDocument.shown(StringNode.valueOf("x".repeat(100)))).isEqualTo("'" + "x".repeat(39) + "...");
        assertThat(JsonDocument.shown(JSON.readTree("[1]"))).isEqualTo("[1]");
    }

    private static List<String> locations(JsonDocument document, String path) {
        List<String> found = new ArrayList<>();
        document.select(JsonPath.parse(path), slot -> found.add(slot.location()), problem -> { });
        return found;
    }

    private static List<String> problems(JsonDocument document, String path) {
        List<String> problems = new ArrayList<>();
        document.select(JsonPath.parse(path), slot -> { }, problems::add);
        return problems;
    }
}
