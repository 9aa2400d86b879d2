package dev.dragoman.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The problem types are a contract (clients and contract tests match on them): the docs' tables
 * list exactly the types the gateway can answer with, no more and no fewer.
 */
class ProblemTypeTests {

    /** A row of a problem table: {@code | 422 | `type` |} (HTTP.md, EVENTS.md) or {@code | `type` | 404 |} (ADMIN.md). */
    private static final Pattern ROW = Pattern.compile("^\\| (?:\\d{3} \\| `([a-z-]+)`|`([a-z-]+)` \\| \\d{3}) \\|", Pattern.MULTILINE);

    @Test
    void theDocsListEveryProblemTypeAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String doc : new String[] {"HTTP.md", "EVENTS.md", "ADMIN.md"}) {
            Matcher row = ROW.matcher(Files.readString(Path.of("..", "docs", doc)));
            while (row.find()) {
                documented.add(row.group(1) != null ? row.group(1) : row.group(2));
            }
        }
        Set<String> answered = Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(answered);
    }

    @Test
    void aTypeIsAStableUriUnderDragomansProblems() {
        assertThat(ProblemType.UNTRANSLATABLE_IDENTIFIER.uri()).hasToString("https://dragoman.dev/problems/untranslatable-identifier");
        assertThat(Problem.of(org.springframework.http.HttpStatus.CONFLICT, ProblemType.SAGA_EXISTS, "t", "d").getType())
                .hasToString("https://dragoman.dev/problems/saga-exists");
    }
}
