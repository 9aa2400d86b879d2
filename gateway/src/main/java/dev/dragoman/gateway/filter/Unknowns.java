package dev.dragoman.gateway.filter;

import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.Unresolved;
import java.util.ArrayList;
import java.util.List;

/**
 * The untranslatable values of one message, from every part of it: the first
 * {@link Unresolved#REPORTED_LIMIT} listed, all of them counted, so that a hostile message of a
 * million unknown codes costs neither memory nor a million-entry answer.
 */
final class Unknowns {

    private final List<Unresolved> listed = new ArrayList<>();
    private int total;

    void addAll(List<Unresolved> unresolved) {
        add(unresolved, unresolved.size());
    }

    void add(BodyTranslation body) {
        add(body.unresolved(), body.unresolvedCount());
    }

    private void add(List<Unresolved> unresolved, int count) {
        total += count;
        for (int i = 0; i < unresolved.size() && listed.size() < Unresolved.REPORTED_LIMIT; i++) {
            listed.add(unresolved.get(i));
        }
    }

    List<Unresolved> listed() {
        return listed;
    }

    int total() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }
}
