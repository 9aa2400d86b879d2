package dev.dragoman.tools.maptest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run of map tests found: problems that kept cases from running (maps that do not load,
 * test files that cannot be read), and every case's result.
 *
 * @param problems one line each, such as {@code context-maps/tests/games.test.yaml:7: unknown key 'reqest' (...)}
 */
public record MapTestReport(List<String> problems, List<CaseResult> cases) {

    public MapTestReport {
        problems = List.copyOf(problems);
        cases = List.copyOf(cases);
    }

    /**
     * One case's result.
     *
     * @param failures what differed, one line each, empty when the case passed
     */
    public record CaseResult(Path file, int line, String name, List<String> failures) {

        public CaseResult {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }

        /** Each failure as {@code file:line: case 'name': failure}. */
        public List<String> describe() {
            return failures.stream().map(failure -> file + ":" + line + ": case '" + name + "': " + failure).toList();
        }
    }

    /** True when there were cases, none failed and nothing kept any from running. */
    public boolean passed() {
        return problems.isEmpty() && !cases.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }

    public long failedCount() {
        return cases.stream().filter(c -> !c.passed()).count();
    }

    /** Problems first, then every failure, then a summary line. */
    public String describe() {
        List<String> lines = new ArrayList<>(problems);
        cases.forEach(c -> lines.addAll(c.describe()));
        lines.add(cases.size() + " map test cases: " + (cases.size() - failedCount()) + " passed, " + failedCount() + " failed"
                + (problems.isEmpty() ? "" : ", " + problems.size() + " problems kept cases from running"));
        return String.join(System.lineSeparator(), lines);
    }
}
