package dev.dragoman.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MockDepartmentsIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static MockDepartments departments;

    @BeforeAll
    static void startDepartments() {
        departments = MockDepartments.startOnDynamicPorts();
    }

    @AfterAll
    static void stopDepartments() {
        departments.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        departments.resetRequests();
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
        assertThat(compact(response.body()))
                .isEqualTo("{\"code\":1001,\"name\":\"mgame_x\",\"genre\":\"mobile\",\"related\":[{\"code\":1002}]}");
    }

    @Test
    void servesEveryKnownGame() throws Exception {
        assertThat(compact(get("game-dept", "/games/1002").body())).contains("\"code\":1002,\"name\":\"pgame_y\"");
        assertThat(compact(get("game-dept", "/games/1003").body())).contains("\"code\":1003,\"name\":\"vgame_z\"");
        assertThat(compact(get("game-dept", "/games/1004").body())).contains("\"code\":1004,\"name\":\"cgame_w\"");
    }

    @Test
    void servesTheStatsOfAGame() throws Exception {
        HttpResponse<String> response = get("game-dept", "/games/1001/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(compact(response.body())).isEqualTo("{\"code\":1001,\"players\":48213,\"rating\":4.5}");
    }

    @Test
    void answersAnUnknownGameWithAProblem() throws Exception {
        HttpResponse<String> response = get("game-dept", "/games/9999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no game at /games/9999\"}");
    }

    @Test
    void acceptsAnOrderAndKeepsItInTheJournal() throws Exception {
        String order = "{\"game\":{\"code\":1001},\"quantity\":2}";
        HttpResponse<String> response = send("game-dept", HttpRequest.newBuilder()
                .uri(uri("game-dept", "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(order)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(compact(response.body())).isEqualTo("{\"accepted\":true}");
        List<LoggedRequest> received = departments.server("game-dept").findAll(postRequestedFor(urlEqualTo("/orders")));
        assertThat(received).singleElement().extracting(LoggedRequest::getBodyAsString).isEqualTo(order);
    }

    @Test
    void servesTicketsInTheWebSupportVocabulary() throws Exception {
        HttpResponse<String> response = get("web-support", "/tickets/by-game/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(compact(response.body()))
                .isEqualTo("{\"tickets\":[{\"id\":\"T-1\",\"gameCode\":1,\"subject\":\"login fails\"}]}");
        assertThat(compact(get("web-support", "/tickets/by-game/2").body())).contains("\"gameCode\":2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order", "product", "payment", "shipping"})
    void eventInboxAcceptsAnEvent(String department) throws Exception {
        HttpResponse<String> response = send(department, HttpRequest.newBuilder()
                .uri(uri(department, "/events"))
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
        return send(department, HttpRequest.newBuilder().uri(uri(department, path)).GET());
    }

    private static HttpResponse<String> send(String department, HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String department, String path) {
        return URI.create(departments.baseUrl(department) + path);
    }

    /** Compares JSON whatever layout WireMock gives {@code jsonBody} stubs; none of their strings holds the whitespace this drops. */
    private static String compact(String json) {
        return json.replaceAll("\\s*([{}\\[\\]:,])\\s*", "$1").strip();
    }
}
