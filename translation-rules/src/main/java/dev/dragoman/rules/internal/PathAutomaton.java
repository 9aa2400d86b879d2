package dev.dragoman.rules.internal;

import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.EveryElement;
import dev.dragoman.rules.model.JsonPath.EveryMember;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.Step;
import java.util.Arrays;
import java.util.List;

/**
 * The JSONPath rules of one body as a nondeterministic automaton over the path from the
 * root: a state is (rule, steps matched so far), and the set of live states is a bitset
 * carried down the document. A node where a rule has matched every step is that rule's
 * target; a subtree where no state is live cannot hold one and is skipped unread. A state
 * whose step expects another shape than the node's (a member of an array, an element of an
 * object, anything of a scalar) is a shape mismatch, which the walk reports.
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
    private final long[] everyMember;
    private final long[] everyElement;
    private final long[] descendants;
    /** Member and descendant steps: the states that compare a member's name. */
    private final long[] named;
    private final long[] indexed;
    /** The states that may go on into an object's members, and into an array's elements. */
    private final long[] entersObjects;
    private final long[] entersArrays;
    /** The states whose step expects an object, an array, and either (descendants expect nothing). */
    private final long[] wantObject;
    private final long[] wantArray;
    private final long[] wantContainer;

    PathAutomaton(List<JsonPath> paths) {
        int count = paths.stream().mapToInt(p -> p.steps().size() + 1).sum();
        steps = new Step[count];
        ruleOf = new int[count];
        words = Math.max(1, (count + 63) >>> 6);
        initial = new long[words];
        accepting = new long[words];
        everyMember = new long[words];
        everyElement = new long[words];
        descendants = new long[words];
        named = new long[words];
        indexed = new long[words];
        wantObject = new long[words];
        wantArray = new long[words];
        int state = 0;
        for (int rule = 0; rule < paths.size(); rule++) {
            set(initial, state);
            for (Step step : paths.get(rule).steps()) {
                steps[state] = step;
                if (step instanceof Member) {
                    set(named, state);
                    set(wantObject, state);
                } else if (step instanceof EveryMember) {
                    set(everyMember, state);
                    set(wantObject, state);
                } else if (step instanceof Index) {
                    set(indexed, state);
                    set(wantArray, state);
                } else if (step instanceof EveryElement) {
                    set(everyElement, state);
                    set(wantArray, state);
                } else if (step instanceof Descendant) {
                    set(descendants, state);
                    set(named, state);
                } else {
                    throw new IllegalArgumentException("unknown JSONPath step " + step);
                }
                ruleOf[state++] = rule;
            }
            set(accepting, state);
            ruleOf[state++] = rule;
        }
        entersObjects = or(named, everyMember);
        entersArrays = or(or(indexed, everyElement), descendants);
        wantContainer = or(wantObject, wantArray);
    }

    int words() {
        return words;
    }

    long[] initial() {
        return initial;
    }

    /** Live states of the member {@code name} of a node whose live states are {@code parent}. */
    boolean member(long[] parent, String name, long[] child) {
        moveOn(parent, everyMember, child);
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
        moveOn(parent, everyElement, child);
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

    /** What any child gets, whatever its name or index: the wildcards of its kind move on, descendants stay. */
    private void moveOn(long[] parent, long[] wildcards, long[] child) {
        long carry = 0;
        for (int w = 0; w < words; w++) {
            long moving = parent[w] & wildcards[w];
            child[w] = moving << 1 | carry | parent[w] & descendants[w];
            carry = moving >>> 63;
        }
    }

    /** Whether an object with these live states may hold a rule's target (otherwise it is skipped unread). */
    boolean entersObject(long[] live) {
        return intersects(live, entersObjects);
    }

    /** Whether an array with these live states may hold a rule's target. */
    boolean entersArray(long[] live) {
        return intersects(live, entersArrays);
    }

    /** The rules, in declaration order, that expect an array where they meet an object, or null for none. */
    int[] mismatchedByObject(long[] live) {
        return intersects(live, wantArray) ? rules(live, wantArray) : null;
    }

    /** The rules, in declaration order, that expect an object where they meet an array, or null for none. */
    int[] mismatchedByArray(long[] live) {
        return intersects(live, wantObject) ? rules(live, wantObject) : null;
    }

    /** The rules, in declaration order, that expect an object or an array where they meet a scalar, or null for none. */
    int[] mismatchedByScalar(long[] live) {
        return intersects(live, wantContainer) ? rules(live, wantContainer) : null;
    }

    /** The distinct rules of the live states in {@code mask}, ascending (states are numbered rule by rule). */
    private int[] rules(long[] live, long[] mask) {
        int[] found = new int[8];
        int count = 0;
        for (int w = 0; w < words; w++) {
            for (long bits = live[w] & mask[w]; bits != 0; bits &= bits - 1) {
                int rule = ruleOf[(w << 6) + Long.numberOfTrailingZeros(bits)];
                if (count == 0 || found[count - 1] != rule) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = rule;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** The first rule whose whole path ends at a node with these live states, or -1. */
    int accepted(long[] live) {
        for (int w = 0; w < words; w++) {
            long bits = live[w] & accepting[w];
            if (bits != 0) {
                // states are numbered rule by rule, so the lowest state is the first declared rule's
                return ruleOf[(w << 6) + Long.numberOfTrailingZeros(bits)];
            }
        }
        return -1;
    }

    static boolean isEmpty(long[] live) {
        for (long word : live) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean intersects(long[] live, long[] mask) {
        for (int w = 0; w < words; w++) {
            if ((live[w] & mask[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long[] or(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int w = 0; w < a.length; w++) {
            out[w] = a[w] | b[w];
        }
        return out;
    }

    private static void set(long[] bits, int state) {
        bits[state >>> 6] |= 1L << (state & 63);
    }
}
