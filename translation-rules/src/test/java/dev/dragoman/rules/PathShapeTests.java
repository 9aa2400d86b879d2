package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths that differ from a template only in their shape are read as upstream servers read them. */
class PathShapeTests {

    static DirectionTranslator request;

    @BeforeAll
    static void compile(@TempDir Path dir) {
        request = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {shop: {}, depot: {}}
                concepts:
                  part:
                    keys: {shop: [sku], depot: [ref]}
                    entries:
                      - {shop: {sku: A-1}, depot: {ref: 77}}
                      - {shop: {sku: "b/2"}, depot: {ref: "x/9"}}
                routes:
                  - id: r
                    from: shop
                    to: depot
                    path: /depot/**
                    upstream: "http://127.0.0.1:1"
                    request:
                      path-templates: ['/parts/{part.sku->ref}/stock', '/parts/{part.sku->ref}', '/bins/']
                """).orElseThrow()).route("r").orElseThrow().request();
    }

    @Test
    void aTrailingSlashMatchesTheTemplateWithoutIt_andIsKept() {
        TextTranslation path = request.path("/parts/A-1/");
        assertThat(path.text()).isEqualTo("/parts/77/");
        assertThat(path.template()).isEqualTo("/parts/{part.sku->ref}");
    }

    @Test
    void aTemplateWithATrailingSlashMatchesWithoutIt() {
        assertThat(request.path("/bins").template()).isEqualTo("/bins/");
    }

    @Test
    void dotSegmentsAreRemovedBeforeMatching_andTheNormalizedPathIsForwarded() {
        assertThat(request.path("/parts/A-1/x/..").text()).isEqualTo("/parts/77/");
        assertThat(request.path("/parts/./A-1").text()).isEqualTo("/parts/77");
        assertThat(request.path("/other/../parts/A-1/stock/.").text()).isEqualTo("/parts/77/stock/");
        assertThat(request.path("/../../parts/A-1").text()).isEqualTo("/parts/77");
    }

    @Test
    void encodedDotSegmentsAreDotSegmentsToo() {
        assertThat(request.path("/parts/A-1/x/%2e%2E").text()).isEqualTo("/parts/77/");
        assertThat(request.path("/parts/A-1/x/.%2e/stock").text()).isEqualTo("/parts/77/stock");
        assertThat(request.path("/parts/%2E/A-1").text()).isEqualTo("/parts/77");
    }

    @Test
    void aPathMatchingNoTemplateIsForwardedNormalized() {
        TextTranslation path = request.path("/genres/x/../1/./top");
        assertThat(path.text()).isEqualTo("/genres/1/top");
        assertThat(path.template()).isNull();
        assertThat(path.complete()).isTrue();
    }

    @Test
    void emptySegmentsDoNotHideAnIdentifier() {
        assertThat(request.path("/parts//A-1").text()).isEqualTo("/parts/77");
        assertThat(request.path("//parts/A-1//stock").text()).isEqualTo("/parts/77/stock");
    }

    @Test
    void pathParametersAreSetAsideForMatching_andForwardedAsTheyCame() {
        assertThat(request.path("/parts;v=2/A-1;jsessionid=s1").text()).isEqualTo("/parts;v=2/77;jsessionid=s1");
        assertThat(request.path("/parts/A-1/x/..;/stock").text()).as("Tomcat reads '..;' as '..'").isEqualTo("/parts/77/stock");
    }

    @Test
    void anEncodedSlashIsDataInsideItsSegment() {
        TextTranslation path = request.path("/parts/b%2F2");
        assertThat(path.text()).isEqualTo("/parts/x%2F9");
        assertThat(path.refusal()).isNull();
    }

    @Test
    void anEncodedSlashThatWouldMatchATemplateAsASeparatorIsRefused() {
        TextTranslation hidden = request.path("/parts%2FA-1");
        assertThat(hidden.refusal()).contains("%2F", "/parts/{part.sku->ref}");
        assertThat(hidden.complete()).isFalse();

        assertThat(request.path("/parts%5cA-1").refusal()).as("an encoded backslash, a separator to some servers").isNotNull();

        TextTranslation unknownAsData = request.path("/parts/A-1%2Fstock");
        assertThat(unknownAsData.refusal()).as("as data 'A-1/stock' is unknown; as separators A-1 would be forwarded raw").isNotNull();
    }

    @Test
    void anEncodedSlashThatMatchesNothingEitherWayIsForwarded() {
        TextTranslation path = request.path("/genres/a%2Fb");
        assertThat(path.refusal()).isNull();
        assertThat(path.text()).isEqualTo("/genres/a%2Fb");
    }

    @Test
    void aTranslatedValueIsEncodedSoThatItStaysOneSegment() {
        assertThat(request.path("/parts/b%2f2/stock").text()).isEqualTo("/parts/x%2F9/stock");
    }
}
