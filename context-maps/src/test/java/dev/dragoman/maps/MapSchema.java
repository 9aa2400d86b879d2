package dev.dragoman.maps;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The context-map JSON Schema, the folder it guards, and a YAML reader for both. */
final class MapSchema {

    /** Where the maps are; surefire passes the module's base directory (see pom.xml). */
    static final Path MAPS_DIR = Path.of(System.getProperty("dragoman.maps.dir", "")).toAbsolutePath();

    static final Path SCHEMA_FILE = MAPS_DIR.resolve("schema").resolve("context-map.schema.json");

    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    // A key written twice in one mapping would otherwise be silently overwritten before
    // the schema ever saw it, which is exactly the kind of typo the schema is there for.
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    // Errors name their place as a JSONPath ($.routes[0]['on-unknown']), the notation users
    // already write in body rules, rather than the validator's default JSON Pointer.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));

    private MapSchema() {
    }

    /** Compiled on first use, so that a broken schema fails the tests that use it, not the meta-schema check. */
    private static final class Compiled {
        static final Schema SCHEMA = REGISTRY.getSchema(schemaNode());
    }

    static JsonNode schemaNode() {
        try {
            return JsonMapper.shared().readTree(Files.readString(SCHEMA_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The draft-07 meta-schema, from the copy bundled in the validator (no network). */
    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of(DRAFT_07));
    }

    static List<Error> validate(String yaml) {
        return Compiled.SCHEMA.validate(YAML.readTree(yaml));
    }

    static List<Error> validate(Path file) {
        try {
            return validate(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files the loader reads: {@code *.yaml} and {@code *.yml} directly in the folder. */
    static List<Path> mapFiles() {
        try (Stream<Path> files = Files.list(MAPS_DIR)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One schema error per line, each with its location in the document, e.g. {@code $.routes[0]: ...}. */
    static String describe(List<Error> errors) {
        return errors.stream().map(error -> "  " + error).collect(Collectors.joining("\n"));
    }
}
