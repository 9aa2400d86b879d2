package dev.dragoman.rules.internal;

import dev.dragoman.rules.yaml.MapsFileDto;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one context-map file into its DTO, reporting every unknown key (with a guess at the
 * intended one) instead of stopping at the first.
 */
public final class MapFileReader {

    /** A file that parsed, with its DTO. */
    public record ParsedFile(SourceFile source, MapsFileDto dto) {
    }

    private static final String PROBLEMS = "dragoman.problems";
    private static final String SOURCE = "dragoman.source";

    private static final ObjectReader READER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addHandler(new UnknownKeys())
            .build()
            .readerFor(MapsFileDto.class);

    private MapFileReader() {
    }

    public static Optional<ParsedFile> read(Path file, Problems problems) {
        return read(file, problems, new FileStamps());
    }

    /** Reads a file, noting its stamp first so that the load can tell whether it changed while the maps were read. */
    static Optional<ParsedFile> read(Path file, Problems problems, FileStamps stamps) {
        stamps.before(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.atLine(file, 0, "", "the file is not UTF-8 text", "save it as UTF-8");
            return Optional.empty();
        } catch (IOException e) {
            problems.atLine(file, 0, "", "cannot read the file: " + e.getMessage(), "check that it exists and is readable");
            return Optional.empty();
        }
        SourceIndex index = SourceIndex.of(text);
        SourceFile source = new SourceFile(file, index);
        index.problems().forEach(p -> problems.atLine(file, p.line(), p.keyPath(), p.message(), p.hint()));
        boolean syntaxBroken = index.problems().stream().anyMatch(p -> p.keyPath().isEmpty());
        if (syntaxBroken) {
            return Optional.empty();
        }
        if (!index.hasContent()) {
            return Optional.of(new ParsedFile(source, new MapsFileDto(null, null, null, null, null)));
        }
        try {
            MapsFileDto dto = READER.withAttribute(PROBLEMS, problems).withAttribute(SOURCE, source).readValue(text);
            return Optional.of(new ParsedFile(source, dto == null ? new MapsFileDto(null, null, null, null, null) : dto));
        } catch (JacksonException e) {
            String keyPath = keyPath(e.getPath());
            TypeMismatches.Explanation explanation = TypeMismatches.explain(e, index.scalarAt(keyPath));
            problems.atLine(file, lineOf(source, keyPath, e), keyPath, explanation.message(), explanation.hint());
            return Optional.empty();
        }
    }

    private static int lineOf(SourceFile source, String keyPath, JacksonException e) {
        if (!keyPath.isEmpty()) {
            return source.lineOf(keyPath);
        }
        return e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
    }

    static String keyPath(List<JacksonException.Reference> references) {
        String path = "";
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path = KeyPaths.child(path, reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path = KeyPaths.index(path, reference.getIndex());
            }
        }
        return path;
    }

    static String keyPath(TokenStreamContext context) {
        java.util.ArrayDeque<TokenStreamContext> chain = new java.util.ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = "";
        for (TokenStreamContext c : chain) {
            if (c.inObject() && c.currentName() != null) {
                path = KeyPaths.child(path, c.currentName());
            } else if (c.inArray()) {
                path = KeyPaths.index(path, Math.max(c.getCurrentIndex(), 0));
            }
        }
        return path;
    }

    /**
     * The key path of the mapping that holds an unknown key. Records are built through their
     * constructor, so Jackson buffers unknown keys and replays them from a token buffer once the
     * mapping has been read; the buffer knows nothing of where it came from, but the file's own
     * parser then stands just past the mapping, in the context that holds it.
     */
    private static String enclosingPath(DeserializationContext ctxt, JsonParser p) {
        if (p != ctxt.getParser()) {
            return keyPath(ctxt.getParser().streamReadContext());
        }
        return KeyPaths.parent(keyPath(p.streamReadContext()));
    }

    /** Records an unknown key and skips it, so that the rest of the file is still checked. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) {
            Problems problems = (Problems) ctxt.getAttribute(PROBLEMS);
            SourceFile source = (SourceFile) ctxt.getAttribute(SOURCE);
            List<String> known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).sorted().collect(Collectors.toList());
            String keyPath = KeyPaths.child(enclosingPath(ctxt, p), propertyName);
            problems.at(source, keyPath, "unknown key '" + propertyName + "'", Suggestions.hint(propertyName, known, "keys here"));
            p.skipChildren();
            return true;
        }
    }
}
