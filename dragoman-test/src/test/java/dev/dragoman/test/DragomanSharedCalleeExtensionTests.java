package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * When two routes call one context, each route has a WireMock of its own (so the journal tells
 * the callers apart) and the context's name is ambiguous; a {@code @Stubs(context = ...)} gives
 * them one server, a {@code @Stubs(route = ...)} one route only.
 */
class DragomanSharedCalleeExtensionTests {

    @Nested
    @DragomanTest(maps = "src/test/resources/shared-callee-maps")
    class EachRouteItsOwnServer {

        @Test
        void theContextIsAmbiguousAndTheMessageNamesTheRoutes(Dragoman dragoman) {
            assertThatThrownBy(() -> dragoman.upstream("stock"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("several routes call stock")
                    .hasMessageContaining("[shop-to-stock, support-to-stock]");
        }

        @Test
        void aCallReachesOnlyItsRoutesServer(Dragoman dragoman) {
            dragoman.upstream("shop-to-stock").stubFor(get("/items/7").willReturn(okJson("{\"item\": 7}")));

            assertThat(dragoman.client("shop").get("/stock/items/7").status()).isEqualTo(200);

            dragoman.upstream("shop-to-stock").verify(1, getRequestedFor(urlEqualTo("/items/7")));
            assertThat(dragoman.upstream("support-to-stock").findAll(anyRequestedFor(anyUrl()))).isEmpty();
        }
    }

    @Nested
    @DragomanTest(maps = "src/test/resources/shared-callee-maps",
            stubs = @Stubs(context = "stock", dir = "src/test/resources/stock-stubs"))
    class OneStubDirectoryForTheContext {

        @Test
        void bothRoutesReachTheSameStubs(Dragoman dragoman) {
            assertThat(dragoman.upstream("shop-to-stock")).isSameAs(dragoman.upstream("support-to-stock"))
                    .isSameAs(dragoman.upstream("stock"));

            assertThat(dragoman.client("shop").get("/stock/items/7").json().path("left").asInt()).isEqualTo(3);
            assertThat(dragoman.client("support").get("/support-stock/items/7").json().path("left").asInt()).isEqualTo(3);
            dragoman.upstream("stock").verify(2, getRequestedFor(urlEqualTo("/items/7")));
        }
    }

    @Nested
    @DragomanTest(maps = "src/test/resources/shared-callee-maps",
            stubs = @Stubs(route = "support-to-stock", dir = "classpath:stock-stubs"))
    class StubsForOneRouteFromTheClasspath {

        @Test
        void onlyThatRouteHasThem(Dragoman dragoman) {
            assertThat(dragoman.client("support").get("/support-stock/items/7").json().path("item").asInt()).isEqualTo(7);
            assertThat(dragoman.client("shop").get("/stock/items/7").status()).isEqualTo(404);
        }

        @Nested
        class ANestedClassInside {

            @Test
            void runsAgainstTheOuterClassesGateway(Dragoman dragoman) {
                assertThat(dragoman.client("support").get("/support-stock/items/7").json().path("item").asInt()).isEqualTo(7);
            }
        }
    }
}
