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
    private static final Map<String, String> KIT = new LinkedHashMap<>();

    static {
        KIT.put("payment", "http://127.0.0.1:9203");
        KIT.put("product", "http://127.0.0.1:9202");
    }

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
    void namesTheDepartmentsOnTheKit_besideTheMocks() {
        String banner = DemoBanner.text("http://127.0.0.1:8080", Path.of("context-maps"), new ModelCounts(2, 1, 2, 0, 0, 0), MOCKS,
                KIT, Map.of(), List.of());

        assertThat(banner)
                .contains("Dragoman demo: the gateway with the mock departments inside; payment, product run on the participant kit, each its own process.")
                .contains("game-dept    http://127.0.0.1:9101")
                .contains("payment      http://127.0.0.1:9203    own process on the participant kit (demo-departments); README.md, \"The outage story\"")
                .contains("product      http://127.0.0.1:9202")
                .doesNotContain("http://127.0.0.1:9203/__admin/requests");
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
        return DemoBanner.text("http://127.0.0.1:8080", Path.of("context-maps"), new ModelCounts(2, 1, 2, 0, 0, 0), MOCKS, Map.of(), callers, admin);
    }
}
