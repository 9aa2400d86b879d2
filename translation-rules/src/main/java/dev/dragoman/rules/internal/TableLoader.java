package dev.dragoman.rules.internal;

import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.yaml.MapsFileDto.ConceptDto;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a concept's rows, from {@code entries} and from {@code entries-file}, into its
 * table, reporting every value that a context already uses for another row.
 */
final class TableLoader {
    /** Past this many errors in one CSV file the rest are counted, not listed. */
    private static final int MAX_CSV_ERRORS = 50;

    private final Declared<ConceptDto> concept;
    private final Checks checks;
    private final FileStamps stamps;
    private final IdentifierTable.Builder table;
    private final List<Integer> entryOfRow = new ArrayList<>();
    private Path csvFile;
    private int firstCsvRow = Integer.MAX_VALUE;
    private int[] csvLines = new int[0];

    private TableLoader(Declared<ConceptDto> concept, Checks checks, FileStamps stamps, int expectedRows) {
        this.concept = concept;
        this.checks = checks;
        this.stamps = stamps;
        this.table = new IdentifierTable.Builder(expectedRows);
    }

    /** Loads the rows, noting the CSV's stamp in {@code stamps} before reading it. */
    static IdentifierTable load(Declared<ConceptDto> concept, Checks checks, FileStamps stamps) {
        ConceptDto dto = concept.dto();
        int expected = dto.entries() == null ? 16 : dto.entries().size() + 16;
        TableLoader loader = new TableLoader(concept, checks, stamps, expected);
        dto.keys().forEach((context, fields) -> fields.forEach(field -> loader.table.declare(context, field)));
        if (dto.entries() != null) {
            loader.entries(dto.entries());
        }
        if (dto.entriesFile() != null) {
            loader.csv(dto.entriesFile());
        }
        return loader.table.build();
    }

    private void entries(List<Map<String, Map<String, Object>>> entries) {
        SourceFile file = concept.file();
        for (int i = 0; i < entries.size(); i++) {
            String at = KeyPaths.index(concept.at("entries"), i);
            Map<String, Map<String, Object>> entry = entries.get(i);
            if (entry == null || entry.isEmpty()) {
                checks.problems().at(file, at, "empty entry", "map at least one context to its values");
                continue;
            }
            int row = table.newRow();
            entryOfRow.add(i);
            entry.forEach((context, values) -> {
                String contextAt = KeyPaths.child(at, context);
                List<String> fields = concept.dto().keys().get(context);
                if (fields == null) {
                    checks.problems().at(file, contextAt, "concept '" + concept.name() + "' has no keys for context '" + context + "'",
                            Suggestions.hint(context, concept.dto().keys().keySet(), "contexts of " + concept.name()));
                    return;
                }
                if (values == null || values.isEmpty()) {
                    checks.problems().at(file, contextAt, "no values for '" + context + "'", "write e.g. {" + String.join(": ..., ", fields) + ": ...}");
                    return;
                }
                values.forEach((field, value) -> {
                    String fieldAt = KeyPaths.child(contextAt, field);
                    if (!fields.contains(field)) {
                        checks.problems().at(file, fieldAt, "'" + field + "' is not a key of " + concept.name() + " in " + context,
                                "the keys there are " + String.join(", ", fields));
                        return;
                    }
                    Scalar scalar = scalar(value);
                    if (scalar == null) {
                        checks.problems().at(file, fieldAt, "a value must be a single string, number or boolean, but was "
                                + (value == null ? "empty" : value.getClass().getSimpleName().toLowerCase()), "");
                        return;
                    }
                    int earlier = table.put(row, context, field, scalar);
                    if (earlier >= 0) {
                        checks.problems().at(file, fieldAt, scalar.text() + " is already the " + field + " of " + origin(earlier),
                                "within one context each " + field + " names one " + concept.name());
                    }
                });
            });
        }
    }

    private void csv(String relative) {
        SourceFile file = concept.file();
        String at = concept.at("entries-file");
        csvFile = file.resolveSibling(relative);
        FileStamps.Stamp stamp = stamps.before(csvFile);
        if (stamp != null && !complete(csvFile, stamp.size())) {
            return;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                // duplicates are reported by header(), with the line, rather than thrown
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (LineCountingReader reader = new LineCountingReader(Files.newBufferedReader(csvFile, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<Column> columns = header(parser.getHeaderNames());
            if (columns == null) {
                return;
            }
            firstCsvRow = entryOfRow.size();
            int errors = 0;
            for (CSVRecord record : parser) {
                int row = table.newRow();
                int line = reader.lineOf(record.getCharacterPosition());
                rememberLine(row, line);
                if (record.size() != columns.size()) {
                    errors = csvError(errors, line, "row has " + record.size() + " values but the header names " + columns.size(),
                            "give every row one value per column (an empty value where the thing does not exist)");
                    continue;
                }
                for (int c = 0; c < columns.size(); c++) {
                    String text = record.get(c);
                    if (text.isEmpty()) {
                        continue;
                    }
                    Column column = columns.get(c);
                    int earlier = table.put(row, column.context, column.field, csvScalar(text));
                    if (earlier >= 0) {
                        errors = csvError(errors, line, column + ": " + text + " is already the " + column.field + " of " + origin(earlier),
                                "within one context each " + column.field + " names one " + concept.name());
                    }
                }
            }
            if (errors > MAX_CSV_ERRORS) {
                checks.problems().atLine(csvFile, 0, "", (errors - MAX_CSV_ERRORS) + " more errors in this file are not listed", "fix the ones above first");
            }
        } catch (NoSuchFileException e) {
            checks.problems().at(file, at, "entries-file '" + relative + "' does not exist (looked for " + csvFile + ")",
                    "the path is relative to the YAML file");
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            checks.problems().atLine(csvFile, 0, "", "cannot read the CSV: " + e.getMessage(), "check the quoting and the header");
        }
    }

    /**
     * A table is complete when it is not empty and its last row ends with a newline. A file
     * rewritten in place is read at some moment of its writing; a cut inside a row would still
     * parse, as a shorter value ({@code S-175000,184} of {@code S-175000,184000}), and that value
     * could then name another thing. Reported as incomplete (see {@link Problems#incomplete}).
     */
    private boolean complete(Path csv, long size) {
        String hint = "if it is being written it loads once complete; to change a table in one step, write the new file"
                + " elsewhere (or under a name that ends in .tmp) and mv it into place";
        if (size == 0) {
            checks.problems().incomplete(csv, "the table is empty (not even its header line): it looks half-written", hint);
            return false;
        }
        int last = lastByte(csv, size);
        if (last < 0) {
            return true; // gone or unreadable since it was stat'ed: parsing reports why
        }
        if (last != '\n' && last != '\r') {
            checks.problems().incomplete(csv, "the last row does not end with a newline: the table looks half-written, and a cut row"
                    + " would name other things", hint + "; a table written by hand needs a newline after its last row");
            return false;
        }
        return true;
    }

    private static int lastByte(Path file, long size) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.position(size - 1);
            return channel.read(one) == 1 ? one.get(0) & 0xff : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private int csvError(int errors, int line, String message, String hint) {
        if (errors < MAX_CSV_ERRORS) {
            checks.problems().atLine(csvFile, line, "", message, hint);
        }
        return errors + 1;
    }

    private record Column(String context, String field) {
        @Override
        public String toString() {
            return context + "." + field;
        }
    }

    private List<Column> header(List<String> names) {
        List<Column> columns = new ArrayList<>();
        boolean sound = true;
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                checks.problems().atLine(csvFile, 1, "", "the header names column '" + name + "' twice",
                        "give each column once; a concept has one value per context and field");
                sound = false;
                continue;
            }
            int dot = name.lastIndexOf('.');
            String context = dot > 0 ? name.substring(0, dot) : "";
            String field = dot > 0 ? name.substring(dot + 1) : "";
            List<String> fields = concept.dto().keys().get(context);
            if (fields == null || !fields.contains(field)) {
                checks.problems().atLine(csvFile, 1, "", "column '" + name + "' is not <context>.<field> of a key of concept '" + concept.name() + "'",
                        "the columns may be " + String.join(", ", keyColumns()));
                sound = false;
            }
            columns.add(new Column(context, field));
        }
        return sound ? columns : null;
    }

    private List<String> keyColumns() {
        List<String> all = new ArrayList<>();
        concept.dto().keys().forEach((context, fields) -> fields.forEach(f -> all.add(context + "." + f)));
        return all;
    }

    private void rememberLine(int row, int line) {
        int index = row - firstCsvRow;
        if (index >= csvLines.length) {
            csvLines = java.util.Arrays.copyOf(csvLines, Math.max(1024, csvLines.length * 2));
        }
        csvLines[index] = line;
    }

    private String origin(int row) {
        if (row < firstCsvRow) {
            int entry = entryOfRow.get(row);
            return "entry " + entry + " (line " + concept.file().lineOf(KeyPaths.index(concept.at("entries"), entry)) + ")";
        }
        return "the row at line " + csvLines[row - firstCsvRow] + " of " + csvFile.getFileName();
    }

    /** YAML values keep their type: numbers stay numbers, with the text they were written with. */
    static Scalar scalar(Object value) {
        if (value instanceof String s) {
            return Scalar.string(s);
        }
        if (value instanceof BigDecimal d) {
            return Scalar.number(d.toPlainString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof Short) {
            return Scalar.number(value.toString());
        }
        if (value instanceof Boolean b) {
            return new Scalar(b.toString(), Scalar.Kind.BOOLEAN);
        }
        return null;
    }

    /** CSV has no types: a cell that is a JSON number is a number, anything else a string. */
    static Scalar csvScalar(String text) {
        return isJsonNumber(text) ? Scalar.number(text) : Scalar.string(text);
    }

    /** The JSON number grammar, by hand because a regex per cell slows a million-row load. */
    static boolean isJsonNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else if (isDigit(s.charAt(i))) {
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
