package dev.dragoman.gateway.process;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dragoman.mock.Department;
import dev.dragoman.mock.MockDepartments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, started as a user starts it ({@code java -jar}, the maps directory in DRAGOMAN_CONTEXT_MAPS, keys
 * as arguments), serving a copy of the example maps in context-maps/ whose upstreams are the mock departments on
 * free ports. Runs with failsafe after the package phase (gateway/pom.xml).
 */
class GatewayJarProcessIntegrationTests {

    private static final Map<String, String> WEB_SUPPORT = Map.of("X-Api-Key", "process-test-web-support-key");
    private static final Map<String, String> GAME_DEPT = Map.of("X-Api-Key", "process-test-game-dept-key");
    private static final Map<String, String> ADMIN = Map.of("X-Api-Key", "process-test-admin-key");

    @TempDir
    static Path work;

    private static MockDepartments departments;
    private static Path maps;
    private static GatewayProcess gateway;

    @BeforeAll
    static void startTheJarOnACopyOfTheExampleMaps() {
        departments = MockDepartments.startOnDynamicPorts();
        maps = copyOfTheExampleMaps(work.resolve("maps"), departments);
        gateway = GatewayProcess.start(work, work.resolve("gateway.log"), Map.of("DRAGOMAN_CONTEXT_MAPS", maps.toString()),
                "--dragoman.callers.web-support.api-keys=" + WEB_SUPPORT.get("X-Api-Key"),
                "--dragoman.callers.game-dept.api-keys=" + GAME_DEPT.get("X-Api-Key"),
                "--dragoman.admin.api-keys=" + ADMIN.get("X-Api-Key"));
        gateway.awaitHealthy();
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (departments != null) {
                departments.close();
            }
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        departments.resetRequests();
    }

    @Test
    void healthCountsTheMapsFromTheEnvironmentsDirectory() throws IOException {
        HttpResponse<String> health = gateway.get("/actuator/health", ADMIN);

        assertThat(health.body()).contains("\"directory\":\"" + maps + "\"").contains("\"routes\":3").contains("\"compositions\":1");
    }

    @Test
    void translatesAWebSupportCallIntoTheGameDepartmentsVocabularyAndTheAnswerBack() throws IOException {
        HttpResponse<String> response = gateway.get("/game-dept/games/1", WEB_SUPPORT);

        assertThat(response.statusCode()).withFailMessage("%s %s%n%s", response.statusCode(), response.body(), gateway.log())
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"code\":1,\"name\":\"mob_game_x\",\"genre\":\"mobile\",\"related\":[{\"code\":2}]}\n");
        assertThat(response.headers().firstValue("X-Game-Name")).hasValue("mob_game_x");
        List<LoggedRequest> received = departments.server("game-dept").findAll(anyRequestedFor(anyUrl()));
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.getUrl()).isEqualTo("/games/1001");
            assertThat(request.containsHeader("X-Api-Key")).as("the caller's key reaches the callee").isFalse();
        });
    }

    @Test
    void translatesTheQueryOfTheOtherDirection_nameIntoCode() throws IOException {
        HttpResponse<String> response = gateway.get("/web-support/tickets/by-game/1001?game=mgame_x", GAME_DEPT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"tickets\":[{\"id\":\"T-1\",\"gameCode\":1001,\"subject\":\"login fails\"}]}\n");
        assertThat(departments.server("web-support").findAll(anyRequestedFor(anyUrl())))
                .extracting(LoggedRequest::getUrl)
                .containsExactly("/tickets/by-game/1?game=1");
    }

    @Test
    void translatesAnOrdersBodyThereAndBack() throws IOException {
        String order = "{\"game\":{\"code\":1,\"name\":\"mob_game_x\"},\"items\":[{\"gameCode\":1,\"quantity\":2},{\"gameCode\":3,\"quantity\":1}]}";

        HttpResponse<String> response = gateway.post("/game-dept/orders",
                Map.of("X-Api-Key", WEB_SUPPORT.get("X-Api-Key"), "Content-Type", "application/json"), order);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(order);
        assertThat(departments.server("game-dept").findAll(postRequestedFor(urlEqualTo("/orders"))))
                .singleElement()
                .extracting(LoggedRequest::getBodyAsString)
                .isEqualTo("{\"game\":{\"code\":1001,\"name\":\"mgame_x\"},\"items\":[{\"gameCode\":1001,\"quantity\":2},{\"gameCode\":1003,\"quantity\":1}]}");
    }

    @Test
    void answersAGameTheMapDoesNotKnowWith422_andForwardsNothing() throws IOException {
        HttpResponse<String> response = gateway.get("/game-dept/games/9", WEB_SUPPORT);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(departments.server("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void answersAnAnswerNamingAGameTheCallerCannotKnowWith502() throws IOException {
        HttpResponse<String> response = gateway.get("/game-dept/featured", WEB_SUPPORT);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"route\":\"web-support-to-game-dept\"", "body $.code")
                .as("the callee's value is not the caller's business").doesNotContain("1005");
        assertThat(departments.server("game-dept").findAll(getRequestedFor(urlEqualTo("/featured")))).hasSize(1);
    }

    @Test
    void answersACallWithoutAKeyWith401() throws IOException {
        HttpResponse<String> response = gateway.get("/game-dept/games/1", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(departments.server("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void refusesToStartWithoutCallerKeys_namingTheProperty() {
        try (GatewayProcess keyless = GatewayProcess.start(work, work.resolve("keyless.log"),
                Map.of("DRAGOMAN_CONTEXT_MAPS", maps.toString()))) {

            int exitCode = keyless.awaitExit();

            assertThat(exitCode).withFailMessage("exit code 0; output:%n%s", keyless.log()).isNotZero();
            assertThat(keyless.log())
                    .contains("dragoman.callers.<context>.api-keys")
                    .contains("dragoman.open-development-mode=true");
        }
    }

    private static Path exampleMaps() {
        String property = System.getProperty("dragoman.example-maps");
        assertThat(property).as("system property dragoman.example-maps (set by failsafe)").isNotBlank();
        return Path.of(property);
    }

    /** The example maps, with every department's demo URL replaced by its URL in this test. */
    private static Path copyOfTheExampleMaps(Path target, MockDepartments departments) {
        try (Stream<Path> files = Files.list(exampleMaps())) {
            Files.createDirectories(target);
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.(yaml|yml|csv)")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Department department : Department.all()) {
                    Pattern demoUrl = Pattern.compile(Pattern.quote("http://127.0.0.1:" + department.demoPort()) + "(?!\\d)");
                    text = demoUrl.matcher(text).replaceAll(Matcher.quoteReplacement(departments.baseUrl(department.name())));
                }
                Files.writeString(target.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(target.resolve("games.yaml")).content().contains(departments.baseUrl("game-dept"));
        return target;
    }
}
