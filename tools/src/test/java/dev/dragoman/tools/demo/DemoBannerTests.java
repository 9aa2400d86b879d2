package dev.dragoman.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.model.ModelCounts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoBannerTests {

    private static final Map<String, String> MOCKS = new LinkedHashMap<>(Map.of("game-dept", "http://127.0.0.1:9101"));

    @Test
    void saysWhereTheGatewayAndEachDepartmentListen() {
        String banner = banner(Map.of("web-support", List.of("demo-web-support-key")), List.of("demo-admin-key"));

        assertThat(banner)
                .contains("gateway      http://127.0.0.1:8080")
                .contains("2 contexts, 1 concept, 2 routes, 0 events, 0 sagas")
                .contains("game-dept    http://127.0.0.1:9101")
                .contains("http://127.0.0.1:9101/__admin/requests");
    }

    @Test
    void showsTheDemosOwnKeysAndAFirstCall() {
        String banner = banner(Map.of("web-support", List.of("demo-web-support-key")), List.of("demo-admin-key"));

        assertThat(banner)
                .contains("web-support  demo-web-support-key")
                .contains("admin        demo-admin-key")
                .contains("curl -s -H 'X-Api-Key: demo-web-support-key' http://127.0.0.1:8080/game-dept/games/1");
    }

    @Test
    void neverShowsAKeySetOutsideTheDemoProfile() {
        String banner = banner(Map.of("web-support", List.of("s3cr3t-from-the-environment", "demo-web-support-key")),
                List.of("another-s3cr3t"));

        assertThat(banner)
                .doesNotContain("s3cr3t")
                .contains("web-support  (a key set outside the demo profile, not shown), demo-web-support-key")
                .contains("admin        (a key set outside the demo profile, not shown)");
    }

    @Test
    void offersNoCallWithoutADemoKeyToMakeItWith() {
        assertThat(banner(Map.of("web-support", List.of("s3cr3t")), List.of())).doesNotContain("curl").contains("admin        (none)");
    }

    private static String banner(Map<String, List<String>> callers, List<String> admin) {
        return DemoBanner.text("http://127.0.0.1:8080", Path.of("context-maps"), new ModelCounts(2, 1, 2, 0, 0), MOCKS, callers, admin);
    }
}
