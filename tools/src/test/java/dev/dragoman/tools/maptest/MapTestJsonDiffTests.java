package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MapTestJsonDiffTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void equalDocuments_numbersByValue() {
        assertThat(JsonDiff.diff(json("{\"a\":[1,0.50,{\"b\":null}],\"c\":\"x\"}"), json("{\"c\":\"x\",\"a\":[1,0.5,{\"b\":null}]}"))).isEmpty();
    }

    @Test
    void differencesMemberByMember() {
        assertThat(JsonDiff.diff(
                json("{\"items\":[{\"sku\":501}],\"gone\":1,\"odd.key\":true}"),
                json("{\"items\":[{\"sku\":\"GX-1001\"},{\"sku\":2}],\"extra\":[3],\"odd.key\":false}")))
                .containsExactly(
                        "$.items: expected 1 elements, got 2: [{\"sku\":\"GX-1001\"},{\"sku\":2}]",
                        "$.items[0].sku: expected 501, got \"GX-1001\"",
                        "$.gone: expected 1, got nothing (no such member)",
                        "$['odd.key']: expected true, got false",
                        "$.extra: expected no such member, got [3]");
    }

    @Test
    void aLineNumberForEveryValue() {
        LocatedYaml yaml = LocatedYaml.parse("""
                http:
                  - name: a
                    request:
                      path: /x
                """);

        assertThat(yaml.line("/http/0")).isEqualTo(2);
        assertThat(yaml.line("/http/0/request/path")).isEqualTo(4);
        assertThat(yaml.line("/http/0/request/nothing/here")).isEqualTo(3);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
