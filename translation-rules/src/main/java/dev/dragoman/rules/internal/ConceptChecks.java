package dev.dragoman.rules.internal;

import dev.dragoman.rules.yaml.MapsFileDto.CacheDto;
import dev.dragoman.rules.yaml.MapsFileDto.ConceptDto;
import dev.dragoman.rules.yaml.MapsFileDto.ResolverDto;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a concept's keys and resolver; its rows are checked as {@link TableLoader} reads them. */
final class ConceptChecks {
    private static final String FIELD_NAME = "[A-Za-z_][A-Za-z0-9_-]*";

    private ConceptChecks() {
    }

    /** Whether the keys are sound enough to read rows against. */
    static boolean check(Declared<ConceptDto> concept, Checks checks) {
        SourceFile file = concept.file();
        ConceptDto dto = concept.dto();
        resolver(concept, checks);
        Map<String, List<String>> keys = dto.keys();
        if (keys == null || keys.isEmpty()) {
            checks.problems().at(file, concept.at("keys"), "concept '" + concept.name() + "' declares no keys",
                    "list the identifying fields per context, e.g. keys: {game-dept: [code, name]}");
            return false;
        }
        boolean sound = true;
        for (Map.Entry<String, List<String>> entry : keys.entrySet()) {
            String at = KeyPaths.child(concept.at("keys"), entry.getKey());
            sound &= checks.context(file, at, entry.getKey());
            List<String> fields = entry.getValue();
            if (fields == null || fields.isEmpty()) {
                checks.problems().at(file, at, "no fields listed for '" + entry.getKey() + "'", "list the fields that identify a " + concept.name() + " there");
                sound = false;
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < fields.size(); i++) {
                String field = fields.get(i);
                if (field == null || !field.matches(FIELD_NAME)) {
                    checks.problems().at(file, KeyPaths.index(at, i), "'" + field + "' is not a field name",
                            "use letters, digits, '_' and '-', starting with a letter");
                    sound = false;
                } else if (!seen.add(field)) {
                    checks.problems().at(file, KeyPaths.index(at, i), "field '" + field + "' is listed twice", "list each field once");
                }
            }
        }
        return sound;
    }

    private static void resolver(Declared<ConceptDto> concept, Checks checks) {
        ResolverDto resolver = concept.dto().resolver();
        if (resolver == null) {
            return;
        }
        SourceFile file = concept.file();
        String at = concept.at("resolver");
        if (checks.required(file, KeyPaths.child(at, "url"), resolver.url())) {
            checks.httpUrl(file, KeyPaths.child(at, "url"), resolver.url());
        }
        checks.duration(file, KeyPaths.child(at, "timeout"), resolver.timeout());
        CacheDto cache = resolver.cache();
        if (cache != null) {
            String cacheAt = KeyPaths.child(at, "cache");
            if (cache.maximumSize() != null && cache.maximumSize() <= 0) {
                checks.problems().at(file, KeyPaths.child(cacheAt, "maximum-size"), "maximum-size must be positive but was " + cache.maximumSize(), "");
            }
            checks.duration(file, KeyPaths.child(cacheAt, "ttl"), cache.ttl());
            checks.duration(file, KeyPaths.child(cacheAt, "negative-ttl"), cache.negativeTtl());
        }
    }
}
