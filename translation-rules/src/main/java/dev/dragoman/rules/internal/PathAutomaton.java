package dev.dragoman.rules.internal;

import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.Step;
import dev.dragoman.rules.model.JsonPath.Wildcard;
import java.util.List;

/**
 * The JSONPath rules of one body as a nondeterministic automaton over the path from the
 * root: a state is (rule, steps matched so far), and the set of live states is a bitset
 * carried down the document. A node where a rule has matched every step is that rule's
 * target; a subtree where no state is live cannot hold one and is skipped unread.
 */
final class PathAutomaton {

    /** The step a state waits for, or null for a state that has matched its whole path. */
    private final Step[] steps;
    /** The rule each state belongs to. */
    private final int[] ruleOf;
    private final int words;
    private final long[] initial;

    PathAutomaton(List<JsonPath> paths) {
        int count = paths.stream().mapToInt(p -> p.steps().size() + 1).sum();
        steps = new Step[count];
        ruleOf = new int[count];
        words = Math.max(1, (count + 63) >>> 6);
        initial = new long[words];
        int state = 0;
        for (int rule = 0; rule < paths.size(); rule++) {
            set(initial, state);
            for (Step step : paths.get(rule).steps()) {
                steps[state] = step;
                ruleOf[state++] = rule;
            }
            ruleOf[state++] = rule;
        }
    }

    int words() {
        return words;
    }

    long[] initial() {
        return initial;
    }

    /** Live states of the member {@code name} of a node whose live states are {@code parent}. */
    boolean member(long[] parent, String name, long[] child) {
        boolean any = false;
        for (int w = 0; w < words; w++) {
            child[w] = 0;
        }
        for (int w = 0; w < words; w++) {
            for (long bits = parent[w]; bits != 0; bits &= bits - 1) {
                int state = (w << 6) + Long.numberOfTrailingZeros(bits);
                Step step = steps[state];
                if (step instanceof Member m) {
                    if (m.name().equals(name)) {
                        any |= set(child, state + 1);
                    }
                } else if (step instanceof Wildcard) {
                    any |= set(child, state + 1);
                } else if (step instanceof Descendant d) {
                    any |= set(child, state);
                    if (d.name().equals(name)) {
                        set(child, state + 1);
                    }
                }
            }
        }
        return any;
    }

    /** Live states of the element at {@code index} of an array whose live states are {@code parent}. */
    boolean element(long[] parent, int index, long[] child) {
        boolean any = false;
        for (int w = 0; w < words; w++) {
            child[w] = 0;
        }
        for (int w = 0; w < words; w++) {
            for (long bits = parent[w]; bits != 0; bits &= bits - 1) {
                int state = (w << 6) + Long.numberOfTrailingZeros(bits);
                Step step = steps[state];
                if (step instanceof Index i) {
                    if (i.index() == index) {
                        any |= set(child, state + 1);
                    }
                } else if (step instanceof Wildcard) {
                    any |= set(child, state + 1);
                } else if (step instanceof Descendant) {
                    any |= set(child, state);
                }
            }
        }
        return any;
    }

    /** The first rule whose whole path ends at a node with these live states, or -1. */
    int accepted(long[] live) {
        int best = -1;
        for (int w = 0; w < words; w++) {
            for (long bits = live[w]; bits != 0; bits &= bits - 1) {
                int state = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (steps[state] == null && (best < 0 || ruleOf[state] < best)) {
                    best = ruleOf[state];
                }
            }
        }
        return best;
    }

    static boolean isEmpty(long[] live) {
        for (long word : live) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean set(long[] bits, int state) {
        bits[state >>> 6] |= 1L << (state & 63);
        return true;
    }
}
