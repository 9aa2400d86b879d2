package dev.dragoman.rules.internal;

import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.RequestTarget;
import dev.dragoman.rules.yaml.Conversions;
import dev.dragoman.rules.yaml.MapsFileDto.CompositionDto;
import dev.dragoman.rules.yaml.MapsFileDto.PartDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks {@code compositions}: each part is a call the composition's own context could make
 * through the gateway, so it names a route of that context, a path the route serves, and only
 * values the composition's path gives, each of which the route translates (an identifier the
 * route would forward as it came is a foreign identifier at the callee).
 */
final class CompositionChecks {

    /** Part names travel in a header ({@code Dragoman-Composition-Gaps}) and name gaps in the answer. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** The member of the composed answer that lists its gaps. */
    static final String GAPS = "gaps";

    private CompositionChecks() {
    }

    static void check(Declarations declared, Checks checks) {
        Map<String, Declared<RouteDto>> routes = new LinkedHashMap<>();
        declared.routes.forEach(r -> routes.putIfAbsent(r.name(), r));
        List<Seen> paths = new ArrayList<>();
        for (Declared<CompositionDto> composition : declared.compositions) {
            check(composition, routes, paths, checks);
        }
    }

    /** A composition path already checked, to find another that answers the same requests. */
    private record Seen(PathTemplate path, Declared<CompositionDto> where) {
    }

    private static void check(Declared<CompositionDto> composition, Map<String, Declared<RouteDto>> routes, List<Seen> seen,
            Checks checks) {
        CompositionDto dto = composition.dto();
        SourceFile file = composition.file();
        Problems problems = checks.problems();
        checks.required(file, composition.at("id"), dto.id());
        String context = checks.context(file, composition.at("for"), dto.forContext()) ? dto.forContext() : null;
        PathTemplate path = null;
        if (checks.required(file, composition.at("path"), dto.path())) {
            path = path(composition, context, seen, checks);
        }
        String partsAt = composition.at("parts");
        if (dto.parts() == null || dto.parts().isEmpty()) {
            problems.at(file, partsAt, "a composition needs at least one part", "add parts: each a route, a path and where its answer goes (into)");
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> intos = new LinkedHashMap<>();
        for (int j = 0; j < dto.parts().size(); j++) {
            String at = KeyPaths.index(partsAt, j);
            PartDto part = dto.parts().get(j);
            if (part == null) {
                problems.at(file, at, "empty entry in parts", "remove the lone '-' or fill it in");
                continue;
            }
            part(file, at, part, context, path, routes, names, intos, checks);
        }
    }

    private static PathTemplate path(Declared<CompositionDto> composition, String context, List<Seen> seen, Checks checks) {
        SourceFile file = composition.file();
        String at = composition.at("path");
        String text = composition.dto().path();
        PathTemplate path;
        try {
            path = Conversions.pathTemplate(text);
        } catch (IllegalArgumentException e) {
            checks.problems().at(file, at, e.getMessage(), "write a template such as /views/games/{game.code}");
            return null;
        }
        Set<String> variables = new java.util.HashSet<>();
        for (PathTemplate.Segment segment : path.segments()) {
            if (segment instanceof PathTemplate.Identifier id) {
                IdentifierRef ref = id.ref();
                if (!ref.sourceField().equals(ref.targetField())) {
                    checks.problems().at(file, at, "{" + ref + "} in a composition's path reads one value in the caller's words,"
                            + " it translates nothing", "write {" + ref.concept() + "." + ref.sourceField() + "}");
                    return null;
                }
                if (!variables.add(ref.toString())) {
                    checks.problems().at(file, at, "{" + ref + "} is written twice in '" + text + "'", "name each value once");
                    return null;
                }
            }
        }
        for (String variable : variables) {
            int before = checks.problems().size();
            // read and written in the caller's context: "reads" says all there is to say
            checks.ref(file, at, variable, context, null);
            if (checks.problems().size() > before) {
                return null;
            }
        }
        for (Seen earlier : seen) {
            if (RuleReach.covers(earlier.path(), path) || RuleReach.covers(path, earlier.path())) {
                checks.problems().at(file, at, "path " + text + " answers requests that composition '" + earlier.where().name()
                        + "' (" + earlier.where().where() + ") answers too, with " + earlier.path(), "give each composition its own path");
                return path;
            }
        }
        seen.add(new Seen(path, composition));
        return path;
    }

    private static void part(SourceFile file, String at, PartDto part, String context, PathTemplate compositionPath,
            Map<String, Declared<RouteDto>> routes, Map<String, String> names, Map<String, String> intos, Checks checks) {
        Problems problems = checks.problems();
        if (checks.required(file, KeyPaths.child(at, "name"), part.name())) {
            if (!NAME.matcher(part.name()).matches()) {
                problems.at(file, KeyPaths.child(at, "name"), "'" + part.name() + "' is not a valid part name",
                        "use letters, digits, '_' and '-', starting with a letter or '_' (it names the part in a header)");
            } else if (names.putIfAbsent(part.name(), at) != null) {
                problems.at(file, KeyPaths.child(at, "name"), "part '" + part.name() + "' is already declared at " + names.get(part.name()),
                        "give each part of a composition its own name");
            }
        }
        Declared<RouteDto> route = route(file, KeyPaths.child(at, "route"), part.route(), context, routes, checks);
        if (checks.required(file, KeyPaths.child(at, "path"), part.path())) {
            target(file, KeyPaths.child(at, "path"), part.path(), compositionPath, route, checks);
        }
        if (part.select() != null) {
            String selectAt = KeyPaths.child(at, "select");
            if (checks.jsonPath(file, selectAt, part.select())
                    && !Conversions.jsonPath(part.select()).steps().stream().allMatch(s -> s instanceof JsonPath.Member || s instanceof JsonPath.Index)) {
                problems.at(file, selectAt, "select '" + part.select() + "' may select several values; a part's value is one",
                        "write members and indexes only, such as $.tickets or $.items[0]");
            }
        }
        if (checks.required(file, KeyPaths.child(at, "into"), part.into())) {
            into(file, KeyPaths.child(at, "into"), part.into(), part.name() == null ? "the part at " + at : "part '" + part.name() + "'",
                    intos, checks);
        }
        checks.duration(file, KeyPaths.child(at, "timeout"), part.timeout());
    }

    private static Declared<RouteDto> route(SourceFile file, String at, String id, String context, Map<String, Declared<RouteDto>> routes,
            Checks checks) {
        if (!checks.required(file, at, id)) {
            return null;
        }
        Declared<RouteDto> route = routes.get(id);
        if (route == null) {
            checks.problems().at(file, at, "unknown route '" + id + "'", Suggestions.hint(id, routes.keySet(), "routes"));
            return null;
        }
        String from = route.dto().from();
        if (context != null && from != null && !from.equals(context)) {
            checks.problems().at(file, at, "route '" + id + "' serves callers of context '" + from + "', not '" + context
                    + "', for whom this composition answers", "a part is a call " + context + " could make itself: name a route from "
                    + context + " (" + route.where() + " is " + from + "'s)");
            return null;
        }
        return route;
    }

    private static void target(SourceFile file, String at, String text, PathTemplate compositionPath, Declared<RouteDto> route,
            Checks checks) {
        Problems problems = checks.problems();
        RequestTarget target;
        try {
            target = Conversions.requestTarget(text);
        } catch (IllegalArgumentException e) {
            problems.at(file, at, e.getMessage(), "write the path the caller would call the route with, such as /game-dept/games/{game.code}");
            return;
        }
        Set<String> given = compositionPath == null ? null : compositionPath.segments().stream()
                .filter(PathTemplate.Identifier.class::isInstance)
                .map(s -> ((PathTemplate.Identifier) s).ref().toString())
                .collect(Collectors.toSet());
        List<PathTemplate.Segment> all = new ArrayList<>(target.path().segments());
        all.addAll(target.query().values());
        for (PathTemplate.Segment segment : all) {
            if (segment instanceof PathTemplate.Identifier id && given != null && !given.contains(id.ref().toString())) {
                problems.at(file, at, "{" + id.ref() + "} is not a value of the composition's path " + compositionPath,
                        given.isEmpty() ? "the path gives no value: write the part's path without {concept.field}"
                                : "a part can use the values the path gives: " + given.stream().sorted().map(v -> "{" + v + "}")
                                        .collect(Collectors.joining(", ")));
                return;
            }
        }
        if (route == null || route.dto().path() == null) {
            return;
        }
        RouteDto dto = route.dto();
        List<String> segments = target.path().segments().stream()
                .map(s -> s instanceof PathTemplate.Literal literal ? literal.text() : "x").toList();
        if (!RoutePaths.serves(dto.path(), segments)) {
            problems.at(file, at, "route '" + dto.id() + "' does not serve " + target.path() + ": its path is " + dto.path(),
                    "write the path as a caller would call the route through the gateway, prefix included");
            return;
        }
        if (dto.from() == null || dto.from().equals(dto.to())) {
            // a route within one context translates nothing, and needs nothing translated
            return;
        }
        int strip = dto.stripPrefix() == null ? 0 : Math.max(dto.stripPrefix(), 0);
        List<PathTemplate.Segment> stripped = target.path().segments().subList(Math.min(strip, target.path().segments().size()),
                target.path().segments().size());
        pathRules(file, at, stripped, dto, checks);
        queryRules(file, at, target, dto, checks);
    }

    /** Each {concept.field} of the path must be one the route's first matching template translates, reading that aspect. */
    private static void pathRules(SourceFile file, String at, List<PathTemplate.Segment> stripped, RouteDto route, Checks checks) {
        if (stripped.stream().noneMatch(PathTemplate.Identifier.class::isInstance)) {
            return;
        }
        PathTemplate applies = null;
        List<String> templates = route.request() == null || route.request().pathTemplates() == null ? List.of()
                : route.request().pathTemplates();
        for (String text : templates) {
            PathTemplate template;
            try {
                template = Conversions.pathTemplate(text);
            } catch (IllegalArgumentException e) {
                continue; // the route's own check reports it
            }
            if (matches(template, stripped)) {
                applies = template;
                break;
            }
        }
        for (int i = 0; i < stripped.size(); i++) {
            if (stripped.get(i) instanceof PathTemplate.Identifier id) {
                PathTemplate.Segment there = applies == null ? null : applies.segments().get(i);
                boolean translated = there instanceof PathTemplate.Identifier rule && rule.ref().concept().equals(id.ref().concept())
                        && rule.ref().sourceField().equals(id.ref().sourceField());
                if (!translated) {
                    checks.problems().at(file, at, "{" + id.ref() + "} would reach " + route.to() + " untranslated: "
                            + (applies == null ? "no path template of route '" + route.id() + "' matches this path"
                                    : "the template that applies, " + applies + ", has " + (there instanceof PathTemplate.Identifier rule
                                            ? "{" + rule.ref() + "}" : "a literal") + " there"),
                            "add a path template such as the part's path to route '" + route.id() + "' (request.path-templates)");
                    return;
                }
            }
        }
    }

    private static boolean matches(PathTemplate template, List<PathTemplate.Segment> path) {
        if (template.segments().size() != path.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (template.segments().get(i) instanceof PathTemplate.Literal literal) {
                if (!(path.get(i) instanceof PathTemplate.Literal given && given.text().equals(literal.text()))) {
                    return false;
                }
            } else if (path.get(i) instanceof PathTemplate.Literal given && given.text().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void queryRules(SourceFile file, String at, RequestTarget target, RouteDto route, Checks checks) {
        Map<String, String> rules = route.request() == null || route.request().query() == null ? Map.of() : route.request().query();
        target.query().forEach((name, value) -> {
            if (value instanceof PathTemplate.Identifier id) {
                IdentifierRef rule;
                try {
                    rule = rules.containsKey(name) ? IdentifierRef.parse(rules.get(name)) : null;
                } catch (IllegalArgumentException e) {
                    return; // the route's own check reports it
                }
                if (rule == null || !rule.concept().equals(id.ref().concept()) || !rule.sourceField().equals(id.ref().sourceField())) {
                    checks.problems().at(file, at, "query parameter '" + name + "' = {" + id.ref() + "} would reach " + route.to()
                            + " untranslated: route '" + route.id() + "' has " + (rule == null ? "no rule for it" : "the rule " + rule),
                            "add " + name + ": " + id.ref() + " to route '" + route.id() + "' (request.query)");
                }
            }
        });
    }

    private static void into(SourceFile file, String at, String text, String part, Map<String, String> intos, Checks checks) {
        if (!checks.jsonPath(file, at, text)) {
            return;
        }
        JsonPath into = Conversions.jsonPath(text);
        if (into.steps().isEmpty() || !into.steps().stream().allMatch(JsonPath.Member.class::isInstance)) {
            checks.problems().at(file, at, "into '" + text + "' must name a member of the composed answer",
                    "write member names only, such as $.stats or $.game.stats");
            return;
        }
        List<String> names = into.steps().stream().map(s -> ((JsonPath.Member) s).name()).toList();
        if (names.get(0).equals(GAPS)) {
            checks.problems().at(file, at, "$." + GAPS + " is where the composed answer lists its gaps", "put the part elsewhere, such as $.stats");
            return;
        }
        String key = String.join("\u0000", names);
        for (Map.Entry<String, String> other : intos.entrySet()) {
            String earlier = other.getKey();
            if (earlier.equals(key)) {
                checks.problems().at(file, at, "into '" + text + "' is already where " + other.getValue() + " goes",
                        "give each part its own place");
                return;
            }
            if (key.startsWith(earlier + "\u0000") || earlier.startsWith(key + "\u0000")) {
                checks.problems().at(file, at, "into '" + text + "' overlaps where " + other.getValue() + " goes",
                        "one part's place cannot hold another's: use sibling members, such as $.game and $.stats");
                return;
            }
        }
        intos.put(key, part);
    }
}
