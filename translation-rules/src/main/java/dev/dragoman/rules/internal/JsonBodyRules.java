package dev.dragoman.rules.internal;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.model.JsonPath;
import java.util.List;

/** The compiled form of a body's JSONPath rules: the automaton and the rule for each path. */
public final class JsonBodyRules {
    private final PathAutomaton automaton;
    private final CompiledRule[] rules;
    private final String where;

    public JsonBodyRules(List<JsonPath> paths, List<CompiledRule> rules, String where) {
        this.automaton = new PathAutomaton(paths);
        this.rules = rules.toArray(CompiledRule[]::new);
        this.where = where;
    }

    public boolean isEmpty() {
        return rules.length == 0;
    }

    public BodyTranslation translate(byte[] json) {
        if (rules.length == 0) {
            return new BodyTranslation(json, 0, List.of());
        }
        return new BodyWalk(automaton, rules, json, where).run();
    }
}
