package dev.dragoman.tools.maptest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a contract sweep found: problems that kept it from running (maps that do not load, no such route, no stub
 * directory), and one result per stub.
 *
 * @param what the route and stub directory swept, as the summary names them
 */
public record SweepReport(String what, List<String> problems, List<StubResult> stubs) {

    public SweepReport {
        problems = List.copyOf(problems);
        stubs = List.copyOf(stubs);
    }

    /** How a stub fared. */
    public enum Outcome {
        PASSED, FAILED, SKIPPED
    }

    /**
     * One stub's result.
     *
     * @param stub the stub as {@code file:json-path}, the file under the stub directory ({@code mappings/games.json:$.mappings[4]})
     * @param request what the caller sent ({@code GET /game-dept/games/2}), or the stub's own request when none was sent
     * @param failures what went wrong, one line each (a missing row names the map's file:line to add it to)
     * @param skipped why no request was sent for a stub that is not wrong (a regex URL), null otherwise
     */
    public record StubResult(String stub, String request, List<String> failures, String skipped) {

        public StubResult {
            failures = List.copyOf(failures);
        }

        public Outcome outcome() {
            return !failures.isEmpty() ? Outcome.FAILED : skipped != null ? Outcome.SKIPPED : Outcome.PASSED;
        }

        /** {@code FAIL mappings/games.json:$.mappings[4] GET /games/1005}, then each failure on a line of its own, indented. */
        public List<String> describe() {
            return switch (outcome()) {
                case PASSED -> List.of("ok   " + stub + " " + request);
                case SKIPPED -> List.of("skip " + stub + " " + request + ": " + skipped);
                case FAILED -> {
                    List<String> lines = new ArrayList<>();
                    lines.add("FAIL " + stub + " " + request);
                    failures.forEach(f -> lines.add("       " + f));
                    yield lines;
                }
            };
        }
    }

    public long count(Outcome outcome) {
        return stubs.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** True when there were stubs, none failed and nothing kept the sweep from running (skipped stubs do not fail it). */
    public boolean passed() {
        return problems.isEmpty() && !stubs.isEmpty() && count(Outcome.FAILED) == 0;
    }

    /** A failure naming an identifier without a row: {@code ... 1005 (game.code) has no row for web-support in games.yaml:14}. */
    private static final Pattern NO_ROW = Pattern.compile("(\\S+) \\(([^()\\s]+)\\) has no row for (\\S+) in (\\S+)$");

    /**
     * The rows the map lacks, one line each with the stubs that need it:
     * {@code games.yaml:14: game.code 1005 for web-support, named by mappings/games.json:$.mappings[4], ...}.
     */
    public List<String> missingRows() {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (StubResult stub : stubs) {
            for (String failure : stub.failures()) {
                Matcher row = NO_ROW.matcher(failure);
                if (row.find()) {
                    rows.computeIfAbsent(row.group(4) + ": " + row.group(2) + " " + row.group(1) + " for " + row.group(3),
                            k -> new LinkedHashSet<>()).add(stub.stub());
                }
            }
        }
        return rows.entrySet().stream().map(e -> e.getKey() + ", named by " + String.join(", ", e.getValue())).toList();
    }

    /**
     * Problems first, then a line per stub (and its failures, indented), then the rows the map lacks, then a summary
     * line.
     */
    public String describe() {
        List<String> lines = new ArrayList<>(problems);
        stubs.forEach(s -> lines.addAll(s.describe()));
        List<String> missing = missingRows();
        if (!missing.isEmpty()) {
            lines.add("rows the map lacks (add them where the concept is declared):");
            missing.forEach(row -> lines.add("  " + row));
        }
        lines.add("sweep of " + what + ": " + stubs.size() + " stubs: " + count(Outcome.PASSED) + " passed, " + count(Outcome.FAILED)
                + " failed, " + count(Outcome.SKIPPED) + " skipped"
                + (problems.isEmpty() ? "" : ", " + problems.size() + " problems kept stubs from running"));
        return String.join(System.lineSeparator(), lines);
    }
}
