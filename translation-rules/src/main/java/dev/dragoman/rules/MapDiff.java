package dev.dragoman.rules;

import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.CompositionPart;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.Saga;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a change of maps changes, declaration by declaration: what a reviewer of a pull
 * request on the maps wants to see rather than a textual diff of YAML (which shows moved
 * lines and reformatting, and misses what a CSV table or a second file changes).
 */
public final class MapDiff {

    /** One change: {@code +} added, {@code -} removed, {@code ~} changed. */
    public record Change(char sign, String what, String name, String detail) {
        public Change {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
        }

        @Override
        public String toString() {
            return sign + " " + what + " " + name + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final List<Change> changes = new ArrayList<>();

    private MapDiff() {
    }

    /** Every change from {@code before} to {@code after}, in declaration order: contexts, concepts, routes, events, sagas, compositions. */
    public static List<Change> between(ContextModel before, ContextModel after) {
        MapDiff diff = new MapDiff();
        diff.named("context", before.contexts(), after.contexts(), diff::context);
        diff.named("concept", before.concepts(), after.concepts(), diff::concept);
        diff.named("route", byKey(before.routes(), Route::id), byKey(after.routes(), Route::id), diff::route);
        diff.named("event", byKey(before.events(), MapDiff::eventName), byKey(after.events(), MapDiff::eventName), diff::event);
        diff.named("saga", byKey(before.sagas(), Saga::name), byKey(after.sagas(), Saga::name), diff::saga);
        diff.named("composition", byKey(before.compositions(), Composition::id), byKey(after.compositions(), Composition::id),
                diff::composition);
        return List.copyOf(diff.changes);
    }

    private interface Comparison<T> {
        void compare(String name, T before, T after);
    }

    private <T> void named(String what, Map<String, T> before, Map<String, T> after, Comparison<T> comparison) {
        before.forEach((name, old) -> {
            if (!after.containsKey(name)) {
                changes.add(new Change('-', what, name, ""));
            }
        });
        after.forEach((name, now) -> {
            T old = before.get(name);
            if (old == null) {
                changes.add(new Change('+', what, name, ""));
            } else {
                comparison.compare(name, old, now);
            }
        });
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    private static String eventName(EventRoute event) {
        return event.type() + " from " + event.from();
    }

    private void changed(String what, String name, String detail, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change('~', what, name, detail + " " + before + " -> " + after));
        }
    }

    private void context(String name, BoundedContext before, BoundedContext after) {
        changed("context", name, "description", before.description(), after.description());
        changed("context", name, "inbox", before.inbox(), after.inbox());
    }

    private void concept(String name, Concept before, Concept after) {
        changed("concept", name, "keys", before.keys(), after.keys());
        changed("concept", name, "resolver", before.resolver(), after.resolver());
        rows(name, before.table(), after.table());
    }

    /**
     * Rows have no identity of their own but their content: a row of one side and a row of
     * the other that share a value (the same context's same aspect) are one row changed,
     * the rest are added or removed.
     */
    private void rows(String concept, IdentifierTable before, IdentifierTable after) {
        Set<String> old = rowTexts(before);
        Set<String> now = rowTexts(after);
        List<Map<String, String>> removed = old.stream().filter(r -> !now.contains(r)).map(MapDiff::cells).toList();
        List<Map<String, String>> added = new ArrayList<>(now.stream().filter(r -> !old.contains(r)).map(MapDiff::cells).toList());
        for (Map<String, String> gone : removed) {
            Map<String, String> match = added.stream().filter(row -> shareAValue(gone, row)).findFirst().orElse(null);
            if (match == null) {
                changes.add(new Change('~', "concept", concept, "row removed " + text(gone)));
            } else {
                added.remove(match);
                changes.add(new Change('~', "concept", concept, "row changed " + text(gone) + " -> " + text(match)));
            }
        }
        added.forEach(row -> changes.add(new Change('~', "concept", concept, "row added " + text(row))));
    }

    /** Each row as {@code context.field=value} cells joined by tabs, in column order, absent cells left out. */
    private static Set<String> rowTexts(IdentifierTable table) {
        Set<String> rows = new LinkedHashSet<>();
        for (int row = 0; row < table.size(); row++) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<IdentifierTable.ColumnKey, IdentifierTable.Column> column : table.columns().entrySet()) {
                String value = column.getValue().textAt(row);
                if (value != null) {
                    text.append(text.isEmpty() ? "" : "\t").append(column.getKey()).append('=').append(value);
                }
            }
            rows.add(text.toString());
        }
        return rows;
    }

    private static Map<String, String> cells(String row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String cell : row.split("\t")) {
            int eq = cell.indexOf('=');
            if (eq > 0) {
                cells.put(cell.substring(0, eq), cell.substring(eq + 1));
            }
        }
        return cells;
    }

    private static boolean shareAValue(Map<String, String> a, Map<String, String> b) {
        return a.entrySet().stream().anyMatch(cell -> cell.getValue().equals(b.get(cell.getKey())));
    }

    /** {@code {game-dept.code: 1001, web-support.code: 1}}. */
    private static String text(Map<String, String> cells) {
        List<String> parts = new ArrayList<>();
        cells.forEach((column, value) -> parts.add(column + ": " + value));
        return "{" + String.join(", ", parts) + "}";
    }

    private void route(String id, Route before, Route after) {
        changed("route", id, "from", before.from(), after.from());
        changed("route", id, "to", before.to(), after.to());
        changed("route", id, "path", before.path(), after.path());
        changed("route", id, "strip-prefix", before.stripPrefix(), after.stripPrefix());
        changed("route", id, "upstream", before.upstream(), after.upstream());
        changed("route", id, "on-unknown", before.onUnknown(), after.onUnknown());
        list(id, "request.path-templates", before.request().pathTemplates(), after.request().pathTemplates());
        rules(id, "request.query", before.request().query(), after.request().query());
        rules(id, "request.headers", before.request().headers(), after.request().headers());
        rules(id, "request.body", before.request().body(), after.request().body());
        rules(id, "response.headers", before.response().headers(), after.response().headers());
        rules(id, "response.body", before.response().body(), after.response().body());
    }

    private void list(String id, String at, List<?> before, List<?> after) {
        before.stream().filter(item -> !after.contains(item)).forEach(item -> changes.add(new Change('~', "route", id, at + " removed " + item)));
        after.stream().filter(item -> !before.contains(item)).forEach(item -> changes.add(new Change('~', "route", id, at + " added " + item)));
        if (before.size() == after.size() && before.containsAll(after) && !before.equals(after)) {
            changes.add(new Change('~', "route", id, at + " reordered " + before + " -> " + after));
        }
    }

    /** Rules keyed by their text: a query or header name, a body path as written. */
    private <K, V> void rules(String id, String at, Map<K, V> before, Map<K, V> after) {
        Map<String, V> old = new LinkedHashMap<>();
        before.forEach((k, v) -> old.put(k.toString(), v));
        Map<String, V> now = new LinkedHashMap<>();
        after.forEach((k, v) -> now.put(k.toString(), v));
        old.forEach((k, v) -> {
            if (!now.containsKey(k)) {
                changes.add(new Change('~', "route", id, at + " removed " + k + ": " + v));
            }
        });
        now.forEach((k, v) -> {
            V was = old.get(k);
            if (was == null) {
                changes.add(new Change('~', "route", id, at + " added " + k + ": " + v));
            } else if (!was.equals(v)) {
                changes.add(new Change('~', "route", id, at + " changed " + k + ": " + was + " -> " + v));
            }
        });
    }

    private void event(String name, EventRoute before, EventRoute after) {
        changed("event", name, "deadline", before.deadline(), after.deadline());
        if (!before.deliver().equals(after.deliver())) {
            changes.add(new Change('~', "event", name, "deliveries " + before.deliver().stream().map(d -> d.to() + d.data()).toList()
                    + " -> " + after.deliver().stream().map(d -> d.to() + d.data()).toList()));
        }
    }

    private void composition(String id, Composition before, Composition after) {
        changed("composition", id, "for", before.context(), after.context());
        changed("composition", id, "path", before.path().text(), after.path().text());
        changed("composition", id, "parts", before.parts().stream().map(CompositionPart::name).toList(),
                after.parts().stream().map(CompositionPart::name).toList());
        Map<String, CompositionPart> old = new LinkedHashMap<>();
        before.parts().forEach(p -> old.put(p.name(), p));
        for (CompositionPart part : after.parts()) {
            CompositionPart was = old.get(part.name());
            if (was != null) {
                String at = "part " + part.name() + " ";
                changed("composition", id, at + "route", was.route(), part.route());
                changed("composition", id, at + "path", was.target().text(), part.target().text());
                changed("composition", id, at + "select", was.select() == null ? null : was.select().text(),
                        part.select() == null ? null : part.select().text());
                changed("composition", id, at + "into", was.into().text(), part.into().text());
                changed("composition", id, at + "required", was.required(), part.required());
                changed("composition", id, at + "timeout", was.timeout(), part.timeout());
            }
        }
    }

    private void saga(String name, Saga before, Saga after) {
        changed("saga", name, "start", before.start(), after.start());
        changed("saga", name, "deadline", before.deadline(), after.deadline());
        changed("saga", name, "participants", before.participants().stream().map(p -> p.context()).toList(),
                after.participants().stream().map(p -> p.context()).toList());
        if (before.participants().stream().map(p -> p.context()).toList().equals(after.participants().stream().map(p -> p.context()).toList())
                && !before.participants().equals(after.participants())) {
            changes.add(new Change('~', "saga", name, "participants' events or negated fields changed"));
        }
        changed("saga", name, "outcome", before.outcome(), after.outcome());
    }
}
