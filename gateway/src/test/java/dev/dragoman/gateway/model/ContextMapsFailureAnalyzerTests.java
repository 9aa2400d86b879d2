package dev.dragoman.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMapsException;
import dev.dragoman.rules.LoadError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class ContextMapsFailureAnalyzerTests {

    @Test
    void describesEveryErrorAndSaysWhatToDo() {
        ContextMapsException failure = new ContextMapsException(List.of(
                new LoadError(Path.of("maps/routes.yaml"), 5, "routes[0].from", "nobody is not a declared context", "declare it under contexts"),
                new LoadError(Path.of("maps/games.yaml"), 14, "concepts.game.entries[3].web-support.code", "1 is already the code of entry 1", "")));

        FailureAnalysis analysis = new ContextMapsFailureAnalyzer()
                .analyze(new BeanCreationException("modelHolder", "failed", failure));

        assertThat(analysis.getDescription())
                .contains("2 errors")
                .contains("maps/routes.yaml:5: routes[0].from: nobody is not a declared context (declare it under contexts)")
                .contains("maps/games.yaml:14: concepts.game.entries[3].web-support.code: 1 is already the code of entry 1");
        assertThat(analysis.getAction()).contains("dragoman.context-maps").contains("DRAGOMAN_CONTEXT_MAPS");
        assertThat(analysis.getCause()).isSameAs(failure);
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new ContextMapsFailureAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
    }
}
