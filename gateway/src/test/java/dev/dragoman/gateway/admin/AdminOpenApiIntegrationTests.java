package dev.dragoman.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/openapi} describes every admin route the router serves, from the router
 * functions themselves: a route added under {@code /admin/} without its {@code @RouterOperation}
 * fails this build (docs/ADMIN.md, "Describing a new route"). And the document is guarded like
 * the rest of the admin API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.admin.api-keys=admin-key",
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.context-maps=src/test/resources/maps/valid"})
// springdoc builds the document on the first request, scanning the context: seconds on a loaded CI machine
@AutoConfigureWebTestClient(timeout = "PT60S")
class AdminOpenApiIntegrationTests {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    WebTestClient http;

    @Autowired
    List<RouterFunction<?>> routers;

    @Test
    void everyAdminRouteOfTheRouter_isInTheDocument_withItsPathVariablesAndAnswers() {
        Set<String> routes = adminRoutes();
        assertThat(routes).as("the router's admin routes, found by visiting it")
                .contains("GET /admin/model", "POST /admin/reload", "GET /admin/sagas/{sagaid}", "GET /admin/outbox", "POST /admin/outbox/resend");
        JsonNode document = http.get().uri("/admin/openapi").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.at("/info/title").asString()).isEqualTo("Dragoman admin API");
        assertThat(document.at("/components/securitySchemes/adminKey/name").asString()).isEqualTo("X-Api-Key");
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            JsonNode operation = document.path("paths").path(path).path(method);
            if (operation.isMissingNode()) {
                missing.add(route);
                continue;
            }
            assertThat(operation.path("summary").asString()).as(route + " says what it does").isNotBlank();
            assertThat(operation.path("responses").has("200")).as(route + " documents its answer").isTrue();
            assertThat(operation.path("responses").has("401")).as(route + " documents the admin key").isTrue();
            Matcher variables = PATH_VARIABLE.matcher(path);
            while (variables.find()) {
                String name = variables.group(1);
                boolean described = false;
                for (JsonNode parameter : operation.path("parameters")) {
                    described |= parameter.path("name").asString().equals(name) && parameter.path("in").asString().equals("path");
                }
                assertThat(described).as(route + " describes its path variable " + name).isTrue();
            }
        }
        assertThat(missing).as("admin routes without a @RouterOperation (docs/ADMIN.md, \"Describing a new route\")").isEmpty();
        assertThat(document.path("paths").path("/admin/outbox").path("get").path("parameters").findValuesAsString("name"))
                .containsExactlyInAnyOrder("status", "receiver", "type", "limit", "cursor");
    }

    @Test
    void theDocumentNeedsTheAdminKey_likeEveryAdminRoute() {
        http.get().uri("/admin/openapi").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/admin/openapi").header("X-Api-Key", "ws-key").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/not-admin");
        http.get().uri("/admin/openapi.yaml").header("X-Api-Key", "ws-key").exchange().expectStatus().isForbidden();
        http.get().uri("/v3/api-docs").header("X-Api-Key", "admin-key").exchange().expectStatus().isNotFound();
    }

    static final String CONSOLE_FRAGMENTS = "/admin/console/";

    /** "METHOD /path" of every route under /admin that the router functions serve, but the console's fragments. */
    Set<String> adminRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RouterFunction<?> router : routers) {
            router.accept(new RouterFunctions.Visitor() {
                @Override
                public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
                    List<String> methods = new ArrayList<>();
                    List<String> paths = new ArrayList<>();
                    predicate.accept(new PredicateParts(methods, paths));
                    for (String path : paths) {
                        // The console's fragments are HTML for its page, not the JSON API the document describes.
                        if ((path.equals("/admin") || path.startsWith("/admin/")) && !path.startsWith(CONSOLE_FRAGMENTS)) {
                            methods.forEach(method -> routes.add(method + " " + path));
                        }
                    }
                }

                @Override
                public void startNested(RequestPredicate predicate) {
                }

                @Override
                public void endNested(RequestPredicate predicate) {
                }

                @Override
                public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
                }

                @Override
                public void attributes(Map<String, Object> attributes) {
                }

                @Override
                public void unknown(RouterFunction<?> routerFunction) {
                }
            });
        }
        return routes;
    }

    /** The methods and path patterns a route's predicate names. */
    record PredicateParts(List<String> methods, List<String> paths) implements RequestPredicates.Visitor {
        @Override
        public void method(Set<HttpMethod> methods) {
            methods.forEach(method -> this.methods.add(method.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
