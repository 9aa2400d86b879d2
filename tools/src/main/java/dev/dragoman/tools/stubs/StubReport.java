package dev.dragoman.tools.stubs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@code stubs translate} did to a stub directory.
 *
 * @param mappings how many mappings the directory holds
 * @param translated how many of them were translated and written
 * @param bodyFiles how many referenced body files were translated and written
 * @param problems everything not translated, in file order
 * @param untranslated the mappings not translated, as {@code file:json-path} ({@code mappings/games.json:$.mappings[4]})
 * @param kept whether the untranslated mappings were written as they were ({@code --keep-untranslatable})
 */
public record StubReport(StubRoute route, Path out, int mappings, int translated, int bodyFiles, List<StubProblem> problems,
        Set<String> untranslated, boolean kept) {

    public StubReport {
        problems = List.copyOf(problems);
        untranslated = Set.copyOf(untranslated);
    }

    /** Whether every mapping was translated. */
    public boolean complete() {
        return problems.isEmpty();
    }

    /** The summary line: which route, how many mappings and body files, what was left out. */
    public String describe() {
        String left = untranslated.isEmpty() ? ""
                : "; " + untranslated.size() + (untranslated.size() == 1 ? " mapping" : " mappings") + " not translated ("
                        + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " above), "
                        + (kept ? "written as they were (--keep-untranslatable)" : "not written");
        return route.stubsContext() + " -> " + route.targetContext() + " by " + route.describe() + ": " + translated + " of "
                + mappings + " mappings and " + bodyFiles + (bodyFiles == 1 ? " body file" : " body files") + " translated into "
                + out + left;
    }
}
