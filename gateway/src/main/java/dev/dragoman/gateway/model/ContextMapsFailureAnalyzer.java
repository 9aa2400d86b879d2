package dev.dragoman.gateway.model;

import dev.dragoman.rules.ContextMapsException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns context maps that did not load at startup into a report that lists every error and says what to do. */
class ContextMapsFailureAnalyzer extends AbstractFailureAnalyzer<ContextMapsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ContextMapsException cause) {
        int count = cause.errors().size();
        String description = "The context maps did not load (" + count + " error" + (count == 1 ? "" : "s") + "):\n\n"
                + cause.errors().stream().map(error -> "    " + error).collect(Collectors.joining("\n"));
        String action = "Fix " + (count == 1 ? "the error" : "each error") + " above at the file and line it names"
                + ", or point the property dragoman.context-maps (environment variable DRAGOMAN_CONTEXT_MAPS)"
                + " at another directory.";
        return new FailureAnalysis(description, action, cause);
    }
}
