package dev.dragoman.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The line of every key path in one YAML file. Jackson's data binding forgets where values
 * came from; SnakeYAML Engine's node graph (already on the classpath under Jackson's YAML
 * module) keeps a mark on every node, so one walk over it locates every later error.
 */
public final class SourceIndex {

    /** A problem found while reading the file's structure: a syntax error or a repeated key. */
    public record Problem(int line, String keyPath, String message, String hint) {
    }

    private static final int MAX_DEPTH = 64;

    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> scalars = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean hasContent;

    private SourceIndex() {
    }

    public static SourceIndex of(String yaml) {
        SourceIndex index = new SourceIndex();
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            if (composer.hasNext()) {
                Node root = composer.next();
                index.hasContent = !(root instanceof ScalarNode scalar && scalar.getValue().isEmpty());
                index.walk(root, "", 0);
                if (composer.hasNext()) {
                    Node extra = composer.next();
                    index.problems.add(new Problem(extra.getStartMark().map(m -> m.getLine() + 1).orElse(0), "",
                            "a context-map file holds one YAML document, but this one holds several",
                            "split the documents into files of their own"));
                }
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            index.problems.add(new Problem(line, "", "YAML syntax error: " + firstLine(e.getProblem()), syntaxHint(yaml, line)));
        } catch (YamlEngineException e) {
            index.problems.add(new Problem(0, "", "YAML error: " + firstLine(e.getMessage()), ""));
        }
        return index;
    }

    /** Braces inside a [...] list are YAML flow syntax: the commonest slip with path templates. */
    private static String syntaxHint(String yaml, int line) {
        String text = line <= 0 ? "" : yaml.lines().skip(line - 1).findFirst().orElse("");
        if (text.contains("[") && text.contains("{")) {
            return "inside [ ] a value holding { } must be quoted, e.g. ['/games/{game.code}/stats'], or written as a '- ' list";
        }
        return "check the indentation and quoting on this line and the one before";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    /**
     * YAML 1.1 tools and the YAML 1.2 core schema read these as null, but Jackson 3 reads YAML by
     * the 1.2 JSON schema, where they are text (jackson-dataformats-text issue 661). Either reading
     * could be what the author meant, so they are refused rather than guessed: an identifier
     * {@code "~"} must never be forwarded because a map meant "nothing".
     */
    private static final Set<String> AMBIGUOUS_NULLS = Set.of("~", "Null", "NULL");

    private void walk(Node node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof ScalarNode scalar && scalar.isPlain() && AMBIGUOUS_NULLS.contains(scalar.getValue())) {
            problems.add(new Problem(lineOf(node), path, "'" + scalar.getValue() + "' is null to some YAML readers and text to others",
                    "write null (or leave the key out) for nothing, or quote it ('" + scalar.getValue() + "') for the text"));
        }
        if (node instanceof ScalarNode scalar) {
            scalars.put(path, scalar.getValue());
        }
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    continue;
                }
                String key = keyNode.getValue();
                String childPath = KeyPaths.child(path, key);
                int line = lineOf(keyNode);
                if (!seen.add(key)) {
                    problems.add(new Problem(line, childPath, "'" + key + "' is declared twice in the same mapping",
                            "the first is on line " + lines.get(childPath) + "; merge the two or rename one"));
                    continue;
                }
                lines.put(childPath, line);
                walk(tuple.getValueNode(), childPath, depth + 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String childPath = KeyPaths.index(path, i);
                lines.put(childPath, lineOf(items.get(i)));
                walk(items.get(i), childPath, depth + 1);
            }
        }
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The line of a key path, or of its nearest enclosing path that has one, or 0. */
    public int lineOf(String keyPath) {
        for (String path = keyPath; ; path = KeyPaths.parent(path)) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            if (path.isEmpty()) {
                return 0;
            }
        }
    }

    /** The text of the single value at a key path, as written. */
    public Optional<String> scalarAt(String keyPath) {
        return Optional.ofNullable(scalars.get(keyPath));
    }

    /** False for a file of only comments and blank lines, which is a valid, empty map. */
    public boolean hasContent() {
        return hasContent;
    }

    public List<Problem> problems() {
        return problems;
    }
}
