package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A raw query is matched on decoded names, and only the pairs a rule translates are written again. */
class QueryStringTests {

    static DirectionTranslator request;

    @BeforeAll
    static void compile(@TempDir Path dir) {
        request = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {shop: {}, depot: {}}
                concepts:
                  part:
                    keys: {shop: [sku, label], depot: [ref, label]}
                    entries:
                      - {shop: {sku: A-1, label: red box}, depot: {ref: 77, label: "rot & box"}}
                      - {shop: {sku: B-2, label: blue}, depot: {ref: 78, label: blau}}
                routes:
                  - id: r
                    from: shop
                    to: depot
                    path: /depot/**
                    upstream: "http://127.0.0.1:1"
                    request:
                      query: {sku: part.sku->ref, label: part.label}
                      headers: {X-Part: part.sku->ref}
                """).orElseThrow()).route("r").orElseThrow().request();
    }

    @Test
    void aPercentEncodedNameIsMatchedDecoded_andWrittenCanonically() {
        TextTranslation query = request.queryString("s%6Bu=A-1&q=%7Ex");
        assertThat(query.text()).isEqualTo("sku=77&q=%7Ex");
        assertThat(request.queryString("%73ku=A-1").text()).isEqualTo("sku=77");
    }

    @Test
    void plusIsASpaceInQueryValues_andTranslatedValuesAreEncoded() {
        assertThat(request.queryString("label=red+box").text()).isEqualTo("label=rot%20%26%20box");
        assertThat(request.queryString("label=red%20box&x=a+b").text()).isEqualTo("label=rot%20%26%20box&x=a+b");
    }

    @Test
    void everyRepeatedParameterIsTranslated_inPlace() {
        assertThat(request.queryString("sku=A-1&page=2&sku=B-2&sku%3D=x").text()).isEqualTo("sku=77&page=2&sku=78&sku%3D=x");
    }

    @Test
    void aValuelessOrEmptyParameterIsAnUnknownIdentifier_keptAsItCame() {
        TextTranslation valueless = request.queryString("sku&page=1");
        assertThat(valueless.text()).isEqualTo("sku&page=1");
        assertThat(valueless.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.location()).isEqualTo("query sku");
            assertThat(u.value()).isEmpty();
        });
        assertThat(request.queryString("sku=").unresolved()).hasSize(1);
    }

    @Test
    void untranslatedPairsGoOutByteForByte() {
        TextTranslation query = request.queryString("s%6bu=Z-9&&q=%zz;x");
        assertThat(query.text()).isEqualTo("s%6bu=Z-9&&q=%zz;x");
        assertThat(query.unresolved()).singleElement().satisfies(u -> assertThat(u.value()).isEqualTo("Z-9"));
    }

    @Test
    void aNullQueryValueIsTheEmptyText() {
        java.util.Map<String, List<String>> values = new java.util.HashMap<>();
        values.put("sku", java.util.Arrays.asList((String) null));
        assertThat(request.query(values).unresolved()).singleElement().satisfies(u -> assertThat(u.value()).isEmpty());
    }

    @Test
    void aCommaJoinedHeaderValueIsTranslatedElementByElement() {
        assertThat(request.headers(Map.of("x-part", List.of("A-1, B-2"))).values()).containsEntry("x-part", List.of("77, 78"));
        ValuesTranslation partly = request.headers(Map.of("X-Part", List.of("A-1,Q-3")));
        assertThat(partly.unresolved()).singleElement().satisfies(u -> assertThat(u.value()).isEqualTo("Q-3"));
    }

    @Test
    void repeatedHeaderLinesAreEachTranslated() {
        assertThat(request.headers(Map.of("X-PART", List.of("A-1", "B-2"))).values()).containsEntry("X-PART", List.of("77", "78"));
    }
}
