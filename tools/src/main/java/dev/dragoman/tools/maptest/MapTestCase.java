package dev.dragoman.tools.maptest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One case of a test file, as written (docs/MAP-TESTS.md). */
sealed interface MapTestCase {

    Path file();

    int line();

    String name();

    /**
     * An HTTP message of a case: the caller's request, what the upstream must receive, its
     * answer, or what the caller must get back. A null field was not written; a body of JSON
     * {@code null} is a NullNode.
     */
    record Message(String method, String path, Map<String, String> headers, JsonNode body, Integer status) {
    }

    /** An expected refusal: its status and, in order, the given members of each of its {@code errors}. */
    record ExpectedError(int status, List<Map<String, String>> errors) {
    }

    /**
     * @param receives what the upstream must receive; null when not checked
     * @param answers the upstream's answer; null when the upstream must not be called at all
     * @param response what the caller must get back; null when an error is expected
     * @param stubs a WireMock stub directory that answers in the upstream's place instead of {@code answers}; null for none
     */
    record HttpCase(Path file, int line, String name, String route, Message request, Message receives, Message answers,
            Message response, ExpectedError error, Path stubs) implements MapTestCase {
    }

    /** @param attributes the CloudEvent's attributes and extensions as written, without data */
    record Event(int line, String from, ObjectNode attributes, JsonNode data) {
    }

    /** @param type the copy's type: the published event's, or an outcome's; @param data null when not checked */
    record ExpectedCopy(int line, String type, JsonNode data) {
    }

    record EventCase(Path file, int line, String name, List<Event> given, Event publish, Map<String, ExpectedCopy> deliver,
            List<String> noCopyTo, ExpectedError error) implements MapTestCase {
    }

    /**
     * What one part's upstream must receive and answers: the upstream of the part's route,
     * which other parts may share, so {@code receives.path} tells the parts apart.
     */
    record PartExchange(String route, Message receives, Message answers) {
    }

    /**
     * A GET of a composition, as its context calls it, with every part's exchange by part name;
     * a part left out must not be called.
     */
    record CompositionCase(Path file, int line, String name, String composition, Message request, Map<String, PartExchange> parts,
            Message response, ExpectedError error) implements MapTestCase {
    }
}
