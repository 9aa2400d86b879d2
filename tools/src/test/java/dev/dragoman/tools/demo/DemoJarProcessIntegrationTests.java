package dev.dragoman.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dragoman.gateway.process.GatewayProcess;
import dev.dragoman.mock.Department;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built tools jar running the demo's gateway as ./demo.sh does. Runs with failsafe after the package phase (tools/pom.xml). */
class DemoJarProcessIntegrationTests {

    @TempDir
    static Path work;

    /** The departments ./demo.sh starts as their own processes on the participant kit (demo-departments). */
    private static final List<String> KIT_DEPARTMENTS = List.of("order", "product", "payment");

    /**
     * What ./demo.sh runs for the gateway: the demo profile, from the repository's root, with the mock departments
     * inside, but not order, product and payment, whose ports it leaves to their own processes. The mocks take the ports
     * the example maps name, so this test is skipped while something else holds one of them, or a kit department's.
     */
    @Test
    void runsTheGatewayWithTheMockDepartmentsInside_andLeavesTheKitDepartmentsPortsFree() throws IOException {
        List<Department> demoDepartments = Department.all();
        assumeTrue(demoDepartments.stream().allMatch(department -> GatewayProcess.isFree(department.demoPort())),
                "a demo port is taken (" + demoDepartments + ")");
        Path repository = exampleMaps().toAbsolutePath().normalize().getParent();

        try (GatewayProcess demo = GatewayProcess.start(toolsJar(), repository, work.resolve("demo.log"), Map.of(),
                "--spring.profiles.active=demo").awaitHealthy()) {

            HttpResponse<String> response = demo.get("/game-dept/games/1", Map.of("X-Api-Key", "demo-web-support-key"));

            assertThat(response.statusCode()).withFailMessage("%s %s%n%s", response.statusCode(), response.body(), demo.log())
                    .isEqualTo(200);
            assertThat(response.body()).startsWith("{\"code\":1,\"name\":\"mob_game_x\",");
            assertThat(demo.log())
                    .contains(demo.baseUrl())
                    .contains("demo-web-support-key", "demo-game-dept-key", "demo-admin-key")
                    .contains("http://127.0.0.1:9101")
                    .contains("order, product, payment run on the participant kit, each its own process.");
            for (Department department : demoDepartments) {
                assertThat(GatewayProcess.isFree(department.demoPort()))
                        .as("port %d of %s is free while the demo's gateway runs", department.demoPort(), department.name())
                        .isEqualTo(KIT_DEPARTMENTS.contains(department.name()));
            }
        }
    }

    private static Path toolsJar() {
        String property = System.getProperty("dragoman.tools.jar");
        assertThat(property).as("system property dragoman.tools.jar (set by failsafe; run ./mvnw verify)").isNotBlank();
        return Path.of(property);
    }

    private static Path exampleMaps() {
        String property = System.getProperty("dragoman.example-maps");
        assertThat(property).as("system property dragoman.example-maps (set by failsafe)").isNotBlank();
        return Path.of(property);
    }
}
