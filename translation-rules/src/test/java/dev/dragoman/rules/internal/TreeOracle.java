package dev.dragoman.rules.internal;

import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.internal.JsonTree.Arr;
import dev.dragoman.rules.internal.JsonTree.Node;
import dev.dragoman.rules.internal.JsonTree.Null;
import dev.dragoman.rules.internal.JsonTree.Obj;
import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.EveryElement;
import dev.dragoman.rules.model.JsonPath.EveryMember;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.Step;
import dev.dragoman.rules.model.Scalar;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differential tests' oracle: the documented body semantics applied to a whole tree by
 * plain recursion, one rule at a time, with nothing of the engine's automaton, streaming or
 * splicing.
 *
 * <ul>
 *   <li>Each rule's path is followed from the root: {@code .name} and {@code ['name']} take every
 *       member of that name of an object, {@code .*} every member of an object, {@code [N]} the
 *       element of an array, {@code [*]} every element of an array, {@code ..name} every member of
 *       that name of the node or any node below it. A step that meets another shape than it
 *       expects (anything but null) is a shape mismatch of that rule at that node.</li>
 *   <li>A value is reached by a rule when the path ends at it, or at an array holding it at any
 *       depth (through arrays only). Of the rules reaching a value, the first declared applies:
 *       a scalar is translated or unknown, an object is not an identifier, null stays null.</li>
 *   <li>Reports come in document order; at one node, the value's own report first, then the
 *       mismatches, by rule.</li>
 * </ul>
 */
final class TreeOracle {

    /** A rule: its path, its name, and its table as text of the source value to the target value. */
    record Rule(String name, List<Step> steps, Map<String, Scalar> targets, Set<String> sources) {
    }

    record Report(String location, String rule, String value, Unresolved.Reason reason) {
        @Override
        public String toString() {
            return location + ": " + value + " (" + rule + ", " + reason + ")";
        }
    }

    record Replacement(JsonTree.Scalar at, Scalar value) {
    }

    /** A scalar some rule reaches, and the rule that applies to it. */
    record Reached(JsonTree.Scalar scalar, int rule) {
    }

    record Outcome(List<Replacement> replacements, List<Report> reports, List<Reached> reached) {
    }

    private final List<Rule> rules;
    private final String where;
    private final Map<Node, TreeSet<Integer>> matched = new IdentityHashMap<>();
    private final Map<Node, TreeSet<Integer>> mismatched = new IdentityHashMap<>();
    private final List<Replacement> replacements = new ArrayList<>();
    private final List<Report> reports = new ArrayList<>();
    private final List<Reached> reached = new ArrayList<>();

    private TreeOracle(List<Rule> rules, String where) {
        this.rules = rules;
        this.where = where;
    }

    static Outcome translate(Node root, List<Rule> rules, String where) {
        TreeOracle oracle = new TreeOracle(rules, where);
        for (int rule = 0; rule < rules.size(); rule++) {
            oracle.follow(root, rules.get(rule).steps(), 0, rule);
        }
        oracle.visit(root, where + " $", -1);
        return new Outcome(oracle.replacements, oracle.reports, oracle.reached);
    }

    private void follow(Node node, List<Step> steps, int i, int rule) {
        if (i == steps.size()) {
            matched.computeIfAbsent(node, n -> new TreeSet<>()).add(rule);
            return;
        }
        if (node instanceof Null) {
            return;
        }
        Step step = steps.get(i);
        if (step instanceof Member member) {
            if (node instanceof Obj object) {
                object.members().stream().filter(m -> m.name().equals(member.name())).forEach(m -> follow(m.value(), steps, i + 1, rule));
            } else {
                mismatch(node, rule);
            }
        } else if (step instanceof EveryMember) {
            if (node instanceof Obj object) {
                object.members().forEach(m -> follow(m.value(), steps, i + 1, rule));
            } else {
                mismatch(node, rule);
            }
        } else if (step instanceof Index index) {
            if (node instanceof Arr array) {
                if (index.index() < array.elements().size()) {
                    follow(array.elements().get(index.index()), steps, i + 1, rule);
                }
            } else {
                mismatch(node, rule);
            }
        } else if (step instanceof EveryElement) {
            if (node instanceof Arr array) {
                array.elements().forEach(e -> follow(e, steps, i + 1, rule));
            } else {
                mismatch(node, rule);
            }
        } else if (step instanceof Descendant descendant) {
            below(node, descendant.name(), steps, i, rule);
        } else {
            throw new IllegalStateException("unknown step " + step);
        }
    }

    /** {@code ..name}: the members of that name of this node and of every node below it. */
    private void below(Node node, String name, List<Step> steps, int i, int rule) {
        if (node instanceof Obj object) {
            for (JsonTree.Member m : object.members()) {
                if (m.name().equals(name)) {
                    follow(m.value(), steps, i + 1, rule);
                }
                below(m.value(), name, steps, i, rule);
            }
        } else if (node instanceof Arr array) {
            array.elements().forEach(e -> below(e, name, steps, i, rule));
        }
    }

    private void mismatch(Node node, int rule) {
        mismatched.computeIfAbsent(node, n -> new TreeSet<>()).add(rule);
    }

    private void visit(Node node, String location, int inherited) {
        int rule = inherited;
        TreeSet<Integer> direct = matched.get(node);
        if (direct != null && (rule < 0 || direct.first() < rule)) {
            rule = direct.first();
        }
        if (node instanceof Obj object) {
            if (rule >= 0) {
                report(location, rule, "an object", Unresolved.Reason.NOT_AN_IDENTIFIER);
            }
            mismatches(node, location, "an object");
            for (JsonTree.Member m : object.members()) {
                visit(m.value(), location + step(m.name()), -1);
            }
        } else if (node instanceof Arr array) {
            mismatches(node, location, "an array");
            for (int e = 0; e < array.elements().size(); e++) {
                visit(array.elements().get(e), location + "[" + e + "]", rule);
            }
        } else if (node instanceof JsonTree.Scalar scalar) {
            if (rule >= 0) {
                reached.add(new Reached(scalar, rule));
                Scalar target = rules.get(rule).targets().get(scalar.text());
                if (target == null) {
                    report(location, rule, scalar.text(), Unresolved.Reason.UNKNOWN);
                } else {
                    replacements.add(new Replacement(scalar, target));
                }
            }
            mismatches(node, location, switch (scalar.kind()) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
            });
        }
    }

    private void mismatches(Node node, String location, String shape) {
        for (int rule : mismatched.getOrDefault(node, new TreeSet<>())) {
            report(location, rule, shape, Unresolved.Reason.SHAPE_MISMATCH);
        }
    }

    private void report(String location, int rule, String value, Unresolved.Reason reason) {
        reports.add(new Report(location, rules.get(rule).name(), value, reason));
    }

    /** A member in a location as the gateway writes it: {@code .name}, or {@code ['odd name']}. */
    private static String step(String name) {
        boolean plain = !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
        return plain ? "." + name : "['" + name.replace("'", "\\'") + "']";
    }
}
