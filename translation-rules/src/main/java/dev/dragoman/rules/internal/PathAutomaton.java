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
    /*
     * The states by the kind of step they wait for, as bit masks, so a transition is a few
     * word operations on the live set: a wildcard moves its states on (a shift), a descendant
     * keeps its own, and only the states that compare a name or an index are looked at one
     * by one. A body with a $..name rule keeps states live at every node, so this runs for
     * every member and element of the document.
     */
    private final long[] accepting;
    private final long[] wildcards;
    private final long[] descendants;
    /** Member and descendant steps: the states that compare a member's name. */
    private final long[] named;
    private final long[] indexed;

    PathAutomaton(List<JsonPath> paths) {
        int count = paths.stream().mapToInt(p -> p.steps().size() + 1).sum();
        steps = new Step[count];
        ruleOf = new int[count];
        words = Math.max(1, (count + 63) >>> 6);
        initial = new long[words];
        accepting = new long[words];
        wildcards = new long[words];
        descendants = new long[words];
        named = new long[words];
        indexed = new long[words];
        int state = 0;
        for (int rule = 0; rule < paths.size(); rule++) {
            set(initial, state);
            for (Step step : paths.get(rule).steps()) {
                steps[state] = step;
                if (step instanceof Wildcard) {
                    set(wildcards, state);
                } else if (step instanceof Descendant) {
                    set(descendants, state);
                    set(named, state);
                } else if (step instanceof Member) {
                    set(named, state);
                } else if (step instanceof Index) {
                    set(indexed, state);
                }
                ruleOf[state++] = rule;
            }
            set(accepting, state);
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
        common(parent, child);
        for (int w = 0; w < words; w++) {
            for (long bits = parent[w] & named[w]; bits != 0; bits &= bits - 1) {
                int state = (w << 6) + Long.numberOfTrailingZeros(bits);
                String wanted = steps[state] instanceof Member m ? m.name() : ((Descendant) steps[state]).name();
                if (wanted.equals(name)) {
                    set(child, state + 1);
                }
            }
        }
        return !isEmpty(child);
    }

    /** Live states of the element at {@code index} of an array whose live states are {@code parent}. */
    boolean element(long[] parent, int index, long[] child) {
        common(parent, child);
        for (int w = 0; w < words; w++) {
            for (long bits = parent[w] & indexed[w]; bits != 0; bits &= bits - 1) {
                int state = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (((Index) steps[state]).index() == index) {
                    set(child, state + 1);
                }
            }
        }
        return !isEmpty(child);
    }

    /** What any child gets, whatever its name or index: wildcards move on, descendants stay. */
    private void common(long[] parent, long[] child) {
        long carry = 0;
        for (int w = 0; w < words; w++) {
            long moving = parent[w] & wildcards[w];
            child[w] = moving << 1 | carry | parent[w] & descendants[w];
            carry = moving >>> 63;
        }
    }

    /** The first rule whose whole path ends at a node with these live states, or -1. */
    int accepted(long[] live) {
        int best = -1;
        for (int w = 0; w < words; w++) {
            for (long bits = live[w] & accepting[w]; bits != 0; bits &= bits - 1) {
                int rule = ruleOf[(w << 6) + Long.numberOfTrailingZeros(bits)];
                if (best < 0 || rule < best) {
                    best = rule;
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
