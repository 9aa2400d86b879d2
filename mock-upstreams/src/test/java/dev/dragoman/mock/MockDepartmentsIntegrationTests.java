package dev.dragoman.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stub of every department, each in its own department's vocabulary: game-dept knows games 1001-1005 (mgame_x,
 * pgame_y, vgame_z, cgame_w, agame_v), web support knows games 1-4 (mob_game_x, pc_game_y, vr_game_z, console_game_w).
 */
class MockDepartmentsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static MockDepartments departments;

    @BeforeAll
    static void startDepartments() {
        departments = MockDepartments.startOnDynamicPorts();
    }

    /** The stubs some test has been answered by, per department: every stub must be (see {@link #everyStubIsExercised}). */
    private static final Map<String, Set<UUID>> served = new HashMap<>();

    @AfterAll
    static void everyStubIsExercised() {
        try {
            for (String department : departments.departments()) {
                Set<UUID> answered = served.getOrDefault(department, Set.of());
                assertThat(departments.server(department).listAllStubMappings().getMappings())
                        .filteredOn(stub -> !answered.contains(stub.getId()))
                        .as("stubs of %s that no test exercises", department)
                        .extracting(StubMapping::getName)
                        .isEmpty();
            }
        } finally {
            departments.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        departments.resetRequests();
    }

    @AfterEach
    void noteTheStubsThatAnswered() {
        for (String department : departments.departments()) {
            departments.server(department).getAllServeEvents().stream()
                    .filter(ServeEvent::getWasMatched)
                    .forEach(event -> served.computeIfAbsent(department, d -> new HashSet<>()).add(event.getStubMapping().getId()));
        }
    }

    @Test
    void startsEveryDeclaredDepartment() {
        assertThat(departments.departments())
                .containsExactly("game-dept", "web-support", "order", "product", "payment", "shipping");
        assertThat(departments.departments()).map(departments::port).doesNotHaveDuplicates();
    }

    @Test
    void servesAGameInTheGameDepartmentsVocabulary() throws Exception {
        HttpResponse<String> response = get("game-dept", "/games/1001");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Game-Name")).hasValue("mgame_x");
        assertThat(response.body())
                .isEqualTo("{\"code\":1001,\"name\":\"mgame_x\",\"genre\":\"mobile\",\"related\":[{\"code\":1002}]}\n");
    }

    @ParameterizedTest
    @CsvSource({"1001, mgame_x", "1002, pgame_y", "1003, vgame_z", "1004, cgame_w", "1005, agame_v"})
    void servesEveryGameByPathAndByQuery_evenWithAQueryItDoesNotNeed(int code, String name) throws Exception {
        for (String path : List.of("/games/" + code, "/games?gameCode=" + code, "/games/" + code + "?lang=en")) {
            HttpResponse<String> response = get("game-dept", path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Game-Name")).as(path).hasValue(name);
            assertThat(response.body()).as(path).startsWith("{\"code\":" + code + ",\"name\":\"" + name + "\",");
        }
    }

    @Test
    void theArcadeGameExistsOnlyInTheGameDepartment() throws Exception {
        assertThat(get("game-dept", "/games/1005").body()).contains("\"genre\":\"arcade\"");
        assertThat(get("web-support", "/tickets/by-game/5").statusCode()).isEqualTo(404);
    }

    @Test
    void featuresTheArcadeGame_whichWebSupportCannotName() throws Exception {
        HttpResponse<String> response = get("game-dept", "/featured");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Game-Name")).hasValue("agame_v");
        assertThat(response.body()).startsWith("{\"code\":1005,\"name\":\"agame_v\",\"genre\":\"arcade\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1002, 1003, 1004, 1005})
    void servesTheStatsOfEveryGame(int code) throws Exception {
        HttpResponse<String> response = get("game-dept", "/games/" + code + "/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"code\":" + code + ",\"players\":");
    }

    @Test
    void servesTheStatsOfAGame() throws Exception {
        assertThat(get("game-dept", "/games/1001/stats").body()).isEqualTo("{\"code\":1001,\"players\":48213,\"rating\":4.5}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/games/9999", "/games/1", "/games?gameCode=1", "/games/1001/players"})
    void answersAGameItDoesNotKnowWithAProblem(String path) throws Exception {
        HttpResponse<String> response = get("game-dept", path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no game at " + path + "\"}");
    }

    @Test
    void servesReviewsOfTheGameNamedInAHeader() throws Exception {
        HttpResponse<String> response = send("game-dept", request("game-dept", "/reviews").header("X-Game-Name", "mgame_x").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Game-Name")).hasValue("mgame_x");
        assertThat(response.body()).startsWith("{\"name\":\"mgame_x\",\"reviews\":[{\"stars\":5,");
    }

    @Test
    void servesNoReviewsYetOfTheOtherGames() throws Exception {
        HttpResponse<String> response = send("game-dept", request("game-dept", "/reviews").header("X-Game-Name", "cgame_w").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Game-Name")).hasValue("cgame_w");
        assertThat(response.body()).isEqualTo("{\"name\":\"cgame_w\",\"reviews\":[]}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mob_game_x"})
    void refusesReviewsWithoutAGameNameItKnows(String name) throws Exception {
        HttpRequest.Builder request = request("game-dept", "/reviews").GET();
        if (!name.isEmpty()) {
            request.header("X-Game-Name", name);
        }
        HttpResponse<String> response = send("game-dept", request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("X-Game-Name");
    }

    @Test
    void acceptsAnOrderEchoingItAndKeepsItInTheJournal() throws Exception {
        String order = "{\"game\":{\"code\":1001,\"name\":\"mgame_x\"},\"items\":[{\"gameCode\":1001,\"quantity\":2},{\"gameCode\":1003,\"quantity\":1}]}";
        HttpResponse<String> response = send("game-dept", request("game-dept", "/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Location")).hasValue("/orders/GD-7001");
        assertThat(response.body()).isEqualTo(order);
        List<LoggedRequest> received = departments.server("game-dept").findAll(postRequestedFor(urlEqualTo("/orders")));
        assertThat(received).singleElement().extracting(LoggedRequest::getBodyAsString).isEqualTo(order);
    }

    @Test
    void refusesAnOrderThatIsNotJson() throws Exception {
        HttpResponse<String> response = send("game-dept", request("game-dept", "/orders")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("two of mgame_x")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void servesTicketsInTheWebSupportVocabulary() throws Exception {
        HttpResponse<String> response = get("web-support", "/tickets/by-game/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"tickets\":[{\"id\":\"T-1\",\"gameCode\":1,\"subject\":\"login fails\"}]}\n");
    }

    /** The gateway forwards the caller's query along with the path: {@code ?game=mgame_x} arrives as {@code ?game=1}. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void servesTicketsOfEveryGameWithOrWithoutAQuery(int code) throws Exception {
        for (String path : List.of("/tickets/by-game/" + code, "/tickets/by-game/" + code + "?game=" + code, "/tickets?game=" + code)) {
            HttpResponse<String> response = get("web-support", path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).startsWith("{\"tickets\":[{\"id\":\"T-").contains("\"gameCode\":" + code + ",");
            assertThat(response.body()).as(path).doesNotContainPattern("\"gameCode\":(?!" + code + ",)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tickets/by-game/1001", "/tickets?game=mob_game_x", "/tickets"})
    void answersTicketsOfAGameItDoesNotKnowWithAProblem(String path) throws Exception {
        HttpResponse<String> response = get("web-support", path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"no tickets at " + path + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order", "product", "payment", "shipping"})
    void eventInboxAcceptsAnEvent(String department) throws Exception {
        HttpResponse<String> response = send(department, request(department, "/events")
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"order.placed\",\"source\":\"/test\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(departments.server(department).findAll(postRequestedFor(urlEqualTo("/events")))).hasSize(1);
    }

    @Test
    void baseUrlIsLoopbackWithTheDepartmentsPort() {
        assertThat(departments.baseUrl("web-support")).isEqualTo("http://127.0.0.1:" + departments.port("web-support"));
    }

    @Test
    void anUnknownDepartmentIsAnErrorNamingTheRunningOnes() {
        assertThatThrownBy(() -> departments.baseUrl("accounting"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounting")
                .hasMessageContaining("game-dept");
    }

    private static HttpResponse<String> get(String department, String path) throws IOException, InterruptedException {
        return send(department, request(department, path).GET());
    }

    private static HttpResponse<String> send(String department, HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String department, String path) {
        return HttpRequest.newBuilder().uri(URI.create(departments.baseUrl(department) + path));
    }
}
