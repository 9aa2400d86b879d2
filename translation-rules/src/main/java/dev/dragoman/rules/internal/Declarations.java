package dev.dragoman.rules.internal;

import dev.dragoman.rules.internal.MapFileReader.ParsedFile;
import dev.dragoman.rules.yaml.MapsFileDto;
import dev.dragoman.rules.yaml.MapsFileDto.CompositionDto;
import dev.dragoman.rules.yaml.MapsFileDto.ConceptDto;
import dev.dragoman.rules.yaml.MapsFileDto.ContextDto;
import dev.dragoman.rules.yaml.MapsFileDto.EventDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;
import dev.dragoman.rules.yaml.MapsFileDto.SagaDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every declaration of every file, merged into one namespace. Names are global across
 * files, so a second declaration of a name is an error wherever it stands.
 */
public final class Declarations {

    /** Context and concept names: what a rule ({@code concept.field}) and a CSV header ({@code context.field}) can refer to. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    final Map<String, Declared<ContextDto>> contexts = new LinkedHashMap<>();
    final Map<String, Declared<ConceptDto>> concepts = new LinkedHashMap<>();
    final List<Declared<RouteDto>> routes = new ArrayList<>();
    final List<Declared<EventDto>> events = new ArrayList<>();
    final List<Declared<SagaDto>> sagas = new ArrayList<>();
    final List<Declared<CompositionDto>> compositions = new ArrayList<>();

    public static Declarations collect(List<ParsedFile> files, Problems problems) {
        Declarations all = new Declarations();
        Map<String, Declared<RouteDto>> routeIds = new LinkedHashMap<>();
        Map<String, Declared<EventDto>> eventKeys = new LinkedHashMap<>();
        Map<String, Declared<SagaDto>> sagaNames = new LinkedHashMap<>();
        Map<String, Declared<CompositionDto>> compositionIds = new LinkedHashMap<>();
        for (ParsedFile parsed : files) {
            MapsFileDto dto = parsed.dto();
            SourceFile file = parsed.source();
            named(file, "contexts", dto.contexts(), new ContextDto(null, null), all.contexts, "context", problems);
            named(file, "concepts", dto.concepts(), new ConceptDto(null, null, null, null), all.concepts, "concept", problems);
            listed(file, "routes", dto.routes(), RouteDto::id, "id", all.routes, routeIds, "route id", problems);
            listed(file, "events", dto.events(), e -> e.type() == null || e.from() == null ? null : e.type() + " from " + e.from(),
                    "type", all.events, eventKeys, "event type", problems);
            listed(file, "sagas", dto.sagas(), SagaDto::name, "name", all.sagas, sagaNames, "saga", problems);
            listed(file, "compositions", dto.compositions(), CompositionDto::id, "id", all.compositions, compositionIds, "composition",
                    problems);
        }
        return all;
    }

    private static <T> void named(SourceFile file, String section, Map<String, T> declared, T empty,
            Map<String, Declared<T>> into, String kind, Problems problems) {
        if (declared == null) {
            return;
        }
        declared.forEach((name, dto) -> {
            String keyPath = KeyPaths.child(section, name);
            if (!NAME.matcher(name).matches()) {
                problems.at(file, keyPath, "'" + name + "' is not a valid " + kind + " name",
                        "use letters, digits, '_' and '-', starting with a letter or '_' (" + ("concept".equals(kind)
                                ? "rules refer to it as " + name + ".field" : "CSV headers refer to it as " + name + ".field") + ")");
                return;
            }
            Declared<T> previous = into.get(name);
            if (previous != null) {
                problems.at(file, keyPath, kind + " '" + name + "' is already declared at " + previous.where(),
                        "declare each " + kind + " once across all files");
                return;
            }
            into.put(name, new Declared<>(file, keyPath, name, dto == null ? empty : dto));
        });
    }

    private static <T> void listed(SourceFile file, String section, List<T> declared, Function<T, String> nameOf,
            String nameKey, List<Declared<T>> into, Map<String, Declared<T>> byName, String kind, Problems problems) {
        if (declared == null) {
            return;
        }
        for (int i = 0; i < declared.size(); i++) {
            String keyPath = KeyPaths.index(section, i);
            T dto = declared.get(i);
            if (dto == null) {
                problems.at(file, keyPath, "empty entry in " + section, "remove the lone '-' or fill it in");
                continue;
            }
            String name = nameOf.apply(dto);
            Declared<T> declaration = new Declared<>(file, keyPath, Objects.toString(name, ""), dto);
            if (name != null) {
                Declared<T> previous = byName.putIfAbsent(name, declaration);
                if (previous != null) {
                    problems.at(file, KeyPaths.child(keyPath, nameKey), kind + " '" + name + "' is already declared at " + previous.where(),
                            "declare each " + kind + " once across all files");
                    continue;
                }
            }
            into.add(declaration);
        }
    }
}
