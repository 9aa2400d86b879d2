package dev.dragoman.rules.internal;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.IdentifierTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For every concept, every ordered pair of its contexts and every aspect both have: does a
 * value translated from A to B and back come out as it went in? The loader already refuses
 * a value used twice within a context, so in practice what fails is a row that A knows and
 * B does not (or knows without this aspect): A's value cannot cross, and a route between the
 * two rejects it. That may be meant (a thing that does not exist there), so it is a warning.
 */
public final class TableRoundTrips {

    /** Rows named per finding; the count says how many more there are. */
    private static final int NAMED_ROWS = 5;

    private TableRoundTrips() {
    }

    public static List<Finding> check(ContextModel model, Locations where) {
        List<Finding> findings = new ArrayList<>();
        for (Concept concept : model.concepts().values()) {
            for (Map.Entry<String, List<String>> a : concept.keys().entrySet()) {
                for (String b : concept.keys().keySet()) {
                    if (!b.equals(a.getKey())) {
                        pair(concept, a.getKey(), a.getValue(), b, where).ifPresent(findings::add);
                    }
                }
            }
        }
        return findings;
    }

    private static java.util.Optional<Finding> pair(Concept concept, String a, List<String> fields, String b, Locations where) {
        List<Integer> failing = new ArrayList<>();
        List<String> why = new ArrayList<>();
        int rows = concept.table().size();
        for (int row = 0; row < rows; row++) {
            List<String> problems = new ArrayList<>();
            for (String field : fields) {
                if (!concept.has(b, field)) {
                    continue;
                }
                String problem = roundTrip(concept, a, b, field, row);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            if (!problems.isEmpty()) {
                failing.add(row);
                why.add(String.join(", ", problems));
            }
        }
        if (failing.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED_ROWS, failing.size()); i++) {
            named.add(where.rowName(concept.name(), failing.get(i)) + ": " + why.get(i));
        }
        String more = failing.size() > NAMED_ROWS ? "; and " + (failing.size() - NAMED_ROWS) + " more" : "";
        String message = concept.name() + " " + a + " -> " + b + " -> " + a + " does not give back " + failing.size()
                + (failing.size() == 1 ? " row: " : " rows: ") + String.join("; ", named) + more;
        return java.util.Optional.of(where.row(concept.name(), failing.get(0), Finding.Kind.NON_INVERTIBLE, message));
    }

    /** Why this row's value of {@code a.field} does not come back through {@code b}, or null when it does. */
    private static String roundTrip(Concept concept, String a, String b, String field, int row) {
        Column from = concept.table().column(a, field).orElse(null);
        Column via = concept.table().column(b, field).orElse(null);
        String original = from == null ? null : from.textAt(row);
        if (original == null) {
            return null;
        }
        String there = via == null ? null : via.textAt(row);
        if (there == null) {
            return a + "." + field + " " + original + " has no " + b + "." + field;
        }
        String back = from.textAt(via.find(there));
        if (!original.equals(back)) {
            return a + "." + field + " " + original + " comes back as " + back;
        }
        return null;
    }
}
