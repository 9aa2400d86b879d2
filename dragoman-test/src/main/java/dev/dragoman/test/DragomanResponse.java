package dev.dragoman.test;

import java.net.http.HttpHeaders;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway answered a {@link DragomanClient}: all of it, so an assertion failure can show
 * the body (the gateway explains every refusal in its problem document).
 *
 * @param status the HTTP status
 * @param headers the response's headers
 * @param body the body as text, empty when there was none
 */
public record DragomanResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The first value of a header, if the answer has it (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body parsed as JSON, e.g. {@code json().path("code").asInt()}. */
    public JsonNode json() {
        return JSON.readTree(body);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
