package dev.dragoman.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.config.DragomanProperties.Admin;
import dev.dragoman.gateway.config.DragomanProperties.Caller;
import dev.dragoman.gateway.config.DragomanProperties.Reload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CallerKeysTests {

    @Test
    void aKeyProvesItsContext_andEveryKeyOfAContextWorks() {
        CallerKeys keys = keys(Map.of("web-support", List.of("k1", "k2"), "game-dept", List.of("k3")), List.of("admin"), false);

        assertThat(keys.contextOf("k1")).contains("web-support");
        assertThat(keys.contextOf("k2")).contains("web-support");
        assertThat(keys.contextOf("k3")).contains("game-dept");
        assertThat(keys.contextOf("k4")).isEmpty();
        assertThat(keys.contextOf(null)).isEmpty();
        assertThat(keys.contexts()).containsExactly("game-dept", "web-support");
    }

    @Test
    void adminKeysAreTheirOwn() {
        CallerKeys keys = keys(Map.of("web-support", List.of("k1")), List.of("admin"), false);

        assertThat(keys.isAdmin("admin")).isTrue();
        assertThat(keys.isAdmin("k1")).isFalse();
        assertThat(keys.contextOf("admin")).isEmpty();
    }

    @Test
    void oneAnswerForWhoSendsARequest_andWhetherItIsAnAdmin() {
        CallerKeys keys = keys(Map.of("web-support", List.of("k1")), List.of("admin"), false);

        assertThat(keys.caller("k1", "the caller's").context()).contains("web-support");
        assertThat(keys.caller(null, "the caller's").refusal().getDetail()).isEqualTo("send the caller's API key in the X-Api-Key header");
        assertThat(keys.caller("k4", "the caller's").refusal().getStatus()).isEqualTo(401);
        assertThat(keys(Map.of(), List.of(), true).caller(null, "the caller's").refused()).isFalse();
        assertThat(keys(Map.of(), List.of(), true).caller("k4", "the caller's").refused()).isTrue();

        assertThat(keys.admin("admin", true).refused()).isFalse();
        assertThat(keys.admin("k1", true).refusal().getStatus()).isEqualTo(403);
        assertThat(keys.admin("k4", true).refusal().getStatus()).isEqualTo(401);
        assertThat(keys.admin("admin", false).refusal().getStatus()).isEqualTo(401);
        assertThat(keys.adminKeysConfigured()).isTrue();
    }

    @Test
    void refusesOneKeyForTwoContexts() {
        assertThatThrownBy(() -> keys(Map.of("web-support", List.of("same"), "game-dept", List.of("same")), List.of(), false))
                .hasMessageContaining("one API key is configured for two contexts");
    }

    @Test
    void refusesAnEmptyKey_namingTheProperty() {
        assertThatThrownBy(() -> keys(Map.of("web-support", List.of(" ")), List.of(), false))
                .hasMessageContaining("dragoman.callers.web-support.api-keys holds an empty key");
    }

    @Test
    void refusesToRunWithoutKeys_unlessInOpenDevelopmentMode() {
        assertThatThrownBy(() -> keys(Map.of(), List.of(), false)).hasMessageContaining("dragoman.open-development-mode=true");
        assertThat(keys(Map.of(), List.of(), true).openDevelopmentMode()).isTrue();
    }

    @Test
    void theStartupReportSaysHowToGiveCallersKeys() {
        var analysis = new MissingCallerKeysFailureAnalyzer().analyze(new IllegalStateException(new MissingCallerKeysException()));

        assertThat(analysis.getDescription()).contains("No caller API keys");
        assertThat(analysis.getAction()).contains("api-keys", "dragoman.open-development-mode=true");
    }

    private static CallerKeys keys(Map<String, List<String>> callers, List<String> admin, boolean open) {
        Map<String, Caller> configured = new java.util.LinkedHashMap<>();
        callers.forEach((context, list) -> configured.put(context, new Caller(list)));
        return new CallerKeys(new DragomanProperties(Path.of("maps"), configured, new Admin(admin), open, DataSize.ofMegabytes(10),
                new Reload(true, Duration.ofMillis(500)), Path.of("data"), null, null));
    }
}
