package dev.dragoman.tools.maptest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mappings of a WireMock stub directory, ready to load into a running WireMock: each answer's
 * {@code bodyFileName} is read from {@code __files} and written into the mapping as {@code base64Body}, because a
 * WireMock's file root is fixed when it starts while a case's stub directory is only known when the case runs.
 */
final class StubDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StubDirectory() {
    }

    /**
     * @return each mapping as JSON text, in file order
     * @throws UncheckedIOException when a file cannot be read; a body file that is not there is left to WireMock to
     *     answer as it would (a 500 naming it)
     */
    static List<String> mappings(Path dir) {
        List<String> mappings = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir.resolve("mappings"))) {
            for (Path file : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(Files.readAllBytes(file));
                List<JsonNode> list = root instanceof ObjectNode o && o.get("mappings") instanceof ArrayNode array
                        ? List.copyOf(array.values()) : List.of(root);
                for (JsonNode mapping : list) {
                    if (mapping instanceof ObjectNode m) {
                        inlineBody(dir, m);
                        mappings.add(JSON.writeValueAsString(m));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mappings;
    }

    private static void inlineBody(Path dir, ObjectNode mapping) throws IOException {
        if (!(mapping.get("response") instanceof ObjectNode response) || !response.has("bodyFileName")) {
            return;
        }
        Path body = dir.resolve("__files").resolve(response.get("bodyFileName").asString());
        if (Files.isRegularFile(body)) {
            response.remove("bodyFileName");
            response.put("base64Body", java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(body)));
        }
    }
}
