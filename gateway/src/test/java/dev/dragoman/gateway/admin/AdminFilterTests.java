package dev.dragoman.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.security.AdminFilter;
import dev.dragoman.gateway.security.CallerKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class AdminFilterTests {

    final AdminFilter filter = filter(List.of("admin-key"), false);

    @Test
    void letsAnAdminKeyThrough() {
        Call call = call(filter, "/admin/model", "admin-key");

        assertThat(call.passed).isTrue();
    }

    @Test
    void refusesACallWithoutAKey_401() {
        Call call = call(filter, "/admin/reload", null);

        assertThat(call.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call.body()).contains("send an admin API key in the X-Api-Key header");
        assertThat(call.exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Api-Key\"");
    }

    @Test
    void refusesAnUnknownKey_401_withoutShowingIt() {
        Call call = call(filter, "/admin/", "guess");

        assertThat(call.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call.body()).contains("holds no admin key").doesNotContain("guess");
    }

    @Test
    void refusesACallersKey_403() {
        Call call = call(filter, "/admin/model", "ws-key");

        assertThat(call.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call.exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(call.body()).contains("\"status\":403").contains("problems/not-admin");
    }

    @Test
    void guardsTheAdminPathHoweverItIsSpelled() {
        for (String path : List.of("/admin", "/admin/", "/%61dmin/model", "/admin;x=1/model", "/admin/model;y=2")) {
            Call call = call(filter, path, null);

            assertThat(call.status()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void leavesOtherPathsToTheirOwnChecks() {
        for (String path : List.of("/game-dept/games/1", "/administration", "/actuator/health", "/adminx/model")) {
            assertThat(call(filter, path, null).passed).as(path).isTrue();
        }
    }

    @Test
    void refusesEveryAdminCallWhenNoAdminKeyIsConfigured() {
        AdminFilter closed = filter(List.of(), false);

        Call call = call(closed, "/admin/model", "ws-key");

        assertThat(call.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call.body()).contains("admin keys are not configured (dragoman.admin.api-keys)");
        assertThat(closed.open()).isFalse();
    }

    @Test
    void isOpenWithoutAdminKeysInOpenDevelopmentMode() {
        AdminFilter open = filter(List.of(), true);

        assertThat(open.open()).isTrue();
        assertThat(call(open, "/admin/model", null).passed).isTrue();
    }

    @Test
    void wantsAKeyInOpenDevelopmentModeOnceAdminKeysAreConfigured() {
        AdminFilter keyed = filter(List.of("admin-key"), true);

        assertThat(keyed.open()).isFalse();
        assertThat(call(keyed, "/admin/model", null).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(keyed, "/admin/model", "admin-key").passed).isTrue();
    }

    @Test
    void guardsTheActuatorLikeTheAdminApi_howeverItIsSpelled() {
        for (String path : List.of("/actuator", "/actuator/gateway/routes", "/%61ctuator/gateway/routes", "/actuator;x=1/info",
                "/actuator/prometheus", "/actuator/health/db")) {
            assertThat(call(filter, path, null).status()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(call(filter, path, "ws-key").status()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(call(filter, path, "admin-key").passed).as(path).isTrue();
        }
    }

    @Test
    void leavesHealthAndItsProbesOpen() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(call(filter, path, null).passed).as(path).isTrue();
            assertThat(call(filter, path, "guess").passed).as(path).isTrue();
        }
    }

    @Test
    void opensPrometheusOnlyWhereConfigured() {
        AdminFilter opened = new AdminFilter(keys(List.of("admin-key"), false), true, true, "/actuator");

        assertThat(call(opened, "/actuator/prometheus", null).passed).isTrue();
        assertThat(call(opened, "/actuator/gateway/routes", null).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(filter, "/actuator/prometheus", null).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void followsTheActuatorsBasePath() {
        AdminFilter moved = new AdminFilter(keys(List.of("admin-key"), false), true, false, "/manage/");

        assertThat(call(moved, "/manage/gateway/routes", null).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(moved, "/manage/health", null).passed).isTrue();
        assertThat(call(moved, "/actuator/gateway/routes", null).passed).as("no longer the actuator's").isTrue();
        assertThatThrownBy(() -> new AdminFilter(keys(List.of("admin-key"), false), true, false, "/"))
                .hasMessageContaining("management.endpoints.web.base-path is '/'");
    }

    @Test
    void anAdminKeyIsWhatTheActuatorSeesAsAuthorised_noKeyIsNot() {
        assertThat(principalSeenBy(filter, "/actuator/health", "admin-key")).isEqualTo("admin");
        assertThat(principalSeenBy(filter, "/actuator/gateway/routes", "admin-key")).isEqualTo("admin");
        assertThat(principalSeenBy(filter, "/actuator/health", null)).isEqualTo("(none)");
        assertThat(principalSeenBy(filter, "/actuator/health", "ws-key")).isEqualTo("(none)");
        assertThat(principalSeenBy(filter(List.of(), true), "/actuator/health", null)).as("open development mode").isEqualTo("admin");
    }

    private static String principalSeenBy(AdminFilter filter, String path, String key) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(HttpMethod.GET, URI.create(path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), e -> ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getName())
                .defaultIfEmpty("(none)")
                .doOnNext(seen::set)
                .then()).block(Duration.ofSeconds(5));
        return seen.get();
    }

    private static CallerKeys keys(List<String> adminKeys, boolean openDevelopmentMode) {
        return new CallerKeys(new DragomanProperties(Path.of("maps"),
                Map.of("web-support", new DragomanProperties.Caller(List.of("ws-key"))),
                new DragomanProperties.Admin(adminKeys), openDevelopmentMode, DataSize.ofMegabytes(10),
                new DragomanProperties.Reload(true, Duration.ofMillis(500)), Path.of("data"), null, null));
    }

    private static AdminFilter filter(List<String> adminKeys, boolean openDevelopmentMode) {
        DragomanProperties properties = new DragomanProperties(Path.of("maps"),
                Map.of("web-support", new DragomanProperties.Caller(List.of("ws-key"))),
                new DragomanProperties.Admin(adminKeys), openDevelopmentMode, DataSize.ofMegabytes(10),
                new DragomanProperties.Reload(true, Duration.ofMillis(500)), Path.of("data"), null, null);
        return new AdminFilter(new CallerKeys(properties), !adminKeys.isEmpty());
    }

    private static Call call(AdminFilter filter, String path, String key) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(HttpMethod.GET, URI.create(path));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        AtomicBoolean passed = new AtomicBoolean();
        filter.filter(exchange, e -> Mono.fromRunnable(() -> passed.set(true))).block(Duration.ofSeconds(5));
        return new Call(exchange, passed.get());
    }

    record Call(MockServerWebExchange exchange, boolean passed) {
        HttpStatus status() {
            return HttpStatus.resolve(exchange.getResponse().getStatusCode().value());
        }

        String body() {
            return exchange.getResponse().getBodyAsString().block(Duration.ofSeconds(5));
        }
    }
}
