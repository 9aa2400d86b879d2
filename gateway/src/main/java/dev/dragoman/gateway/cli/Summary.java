package dev.dragoman.gateway.cli;

import dev.dragoman.rules.model.ContextModel;

/** A model in one line, as the gateway's startup and the demo banner count it. */
final class Summary {

    private Summary() {
    }

    static String of(ContextModel model) {
        return count(model.contexts().size(), "context") + ", " + count(model.concepts().size(), "concept") + ", "
                + count(model.routes().size(), "route") + ", " + count(model.events().size(), "event") + ", "
                + count(model.sagas().size(), "saga")
                // only when there are any: maps written before compositions read as they always did
                + (model.compositions().isEmpty() ? "" : ", " + count(model.compositions().size(), "composition"));
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
