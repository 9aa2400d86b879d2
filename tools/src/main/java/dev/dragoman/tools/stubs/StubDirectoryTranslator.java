package dev.dragoman.tools.stubs;

import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.tools.stubs.MappingTranslator.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a WireMock stub directory ({@code mappings/**.json}, single mappings or {@code {"mappings": [...]}}, and
 * the {@code __files/} they name) into another, in the same layout. A mapping with a problem is left out (or written as
 * it was with {@code keepUntranslatable}); so is a body file with one, and the mappings that answer with it. Body files
 * no mapping names are not written: nothing says which direction they would be read in.
 */
public final class StubDirectoryTranslator {

    private final StubRoute route;
    private final MappingTranslator mappings;
    private final boolean keepUntranslatable;

    /**
     * @param model the maps {@code route} was chosen from
     * @param mapsDir where they were loaded from, to name the file a missing row belongs in
     * @param keepUntranslatable write a mapping that did not translate as it was (it is reported all the same)
     */
    public StubDirectoryTranslator(StubRoute route, ContextModel model, Path mapsDir, boolean keepUntranslatable) {
        this.route = route;
        this.mappings = new MappingTranslator(route, ConceptSources.of(mapsDir, model.concepts().keySet()));
        this.keepUntranslatable = keepUntranslatable;
    }

    /** The translated body of a body file, or its problems. */
    private record BodyFile(byte[] content, List<StubProblem> problems) {
    }

    /**
     * @throws IllegalArgumentException when {@code in} has no {@code mappings} folder
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public StubReport translate(Path in, Path out) {
        Path mappingsDir = in.resolve("mappings");
        if (!Files.isDirectory(mappingsDir)) {
            throw new IllegalArgumentException(in + " has no mappings folder: a WireMock stub directory holds mappings/ and __files/");
        }
        List<StubProblem> problems = new ArrayList<>();
        Set<String> untranslated = new LinkedHashSet<>();
        Map<String, BodyFile> bodyFiles = new HashMap<>();
        Set<String> bodyFilesToWrite = new LinkedHashSet<>();
        int total = 0;
        int translated = 0;
        try {
            for (Path file : jsonFiles(mappingsDir)) {
                String name = in.relativize(file).toString().replace('\\', '/');
                JsonNode root;
                try {
                    root = MappingTranslator.readTree(Files.readAllBytes(file));
                } catch (JacksonException e) {
                    problems.add(new StubProblem(name, "$", "not JSON: " + e.getOriginalMessage()));
                    untranslated.add(name + ":$");
                    continue;
                }
                boolean list = root instanceof ObjectNode o && o.get("mappings") instanceof ArrayNode;
                List<JsonNode> originals = list ? List.copyOf(root.get("mappings").values()) : List.of(root);
                ArrayNode written = MappingTranslator.JSON.createArrayNode();
                for (int i = 0; i < originals.size(); i++) {
                    String at = list ? "$.mappings[" + i + "]" : "$";
                    total++;
                    if (!(originals.get(i) instanceof ObjectNode original)) {
                        problems.add(new StubProblem(name, at, "neither a mapping nor {\"mappings\": [...]}"));
                        untranslated.add(name + ":" + at);
                        continue;
                    }
                    MappingTranslator.Result result = mappings.translate(original, name, at);
                    List<StubProblem> mappingProblems = new ArrayList<>(result.problems());
                    String bodyFileName = result.bodyFileName();
                    if (bodyFileName != null) {
                        BodyFile body = bodyFiles.computeIfAbsent(bodyFileName, f -> bodyFile(in, f));
                        if (!body.problems().isEmpty() && !problems.containsAll(body.problems())) {
                            problems.addAll(body.problems());
                        }
                        if (!body.problems().isEmpty()) {
                            mappingProblems.add(new StubProblem(name, at + ".response.bodyFileName",
                                    "answers with __files/" + bodyFileName + ", which did not translate"));
                        }
                    }
                    problems.addAll(mappingProblems);
                    if (mappingProblems.isEmpty()) {
                        translated++;
                        written.add(result.mapping());
                        if (bodyFileName != null) {
                            bodyFilesToWrite.add(bodyFileName);
                        }
                    } else {
                        untranslated.add(name + ":" + at);
                        if (keepUntranslatable) {
                            written.add(original);
                        }
                    }
                }
                if (!written.isEmpty()) {
                    JsonNode output;
                    if (list) {
                        ObjectNode copy = ((ObjectNode) root).deepCopy();
                        copy.set("mappings", written);
                        output = copy;
                    } else {
                        output = written.get(0);
                    }
                    write(out.resolve(name), MappingTranslator.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(output));
                }
            }
            int bodyFilesWritten = 0;
            for (String fileName : bodyFilesToWrite) {
                write(out.resolve("__files").resolve(fileName), bodyFiles.get(fileName).content());
                bodyFilesWritten++;
            }
            if (keepUntranslatable) {
                copyUnwrittenBodyFiles(in, out, bodyFiles, bodyFilesToWrite);
            }
            return new StubReport(route, out, total, translated, bodyFilesWritten, problems, untranslated, keepUntranslatable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With --keep-untranslatable a kept mapping answers with its body file as it was. */
    private static void copyUnwrittenBodyFiles(Path in, Path out, Map<String, BodyFile> bodyFiles, Set<String> written) throws IOException {
        for (String fileName : bodyFiles.keySet()) {
            Path source = in.resolve("__files").resolve(fileName);
            if (!written.contains(fileName) && Files.isRegularFile(source)) {
                write(out.resolve("__files").resolve(fileName), Files.readAllBytes(source));
            }
        }
    }

    private BodyFile bodyFile(Path in, String fileName) {
        String name = "__files/" + fileName;
        Problems problems = new Problems(name);
        Path file = in.resolve("__files").resolve(fileName);
        if (!Files.isRegularFile(file)) {
            problems.add("$", "no such body file in " + in);
            return new BodyFile(null, problems.list);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!route.response().translatesBody()) {
            return new BodyFile(content, List.of());
        }
        if (new String(content, java.nio.charset.StandardCharsets.UTF_8).contains("{{")) {
            problems.add("$", "a templated body cannot be translated: the identifiers it writes are not known before WireMock renders it");
            return new BodyFile(null, problems.list);
        }
        byte[] translated = mappings.translateJson(content, route.response(), "$", problems);
        return new BodyFile(translated, problems.list);
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
