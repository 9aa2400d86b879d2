package dev.dragoman.tools.maptest;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.tools.maptest.MapTestReport.CaseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the map tests of a directory (docs/MAP-TESTS.md) through the real gateway: it loads the
 * maps, reads every test file, starts the gateway in this process with WireMock standing in for
 * every upstream and inbox, runs each case and reports every difference with its file and line.
 * Nothing is written to the maps' directory, and nothing listens beyond loopback.
 */
public final class MapTestRunner {

    private MapTestRunner() {
    }

    /**
     * @param mapsDir the context maps, as the gateway reads them ({@code dragoman.context-maps})
     * @param testsDir the test files: every {@code *.yaml} and {@code *.yml} directly in it
     */
    public static MapTestReport run(Path mapsDir, Path testsDir) {
        List<String> problems = new ArrayList<>();
        LoadResult maps = ContextMaps.load(mapsDir);
        if (!maps.isValid()) {
            maps.errors().stream().map(LoadError::toString).forEach(problems::add);
            problems.add(mapsDir + ": the maps do not load, so no case ran");
            return new MapTestReport(problems, List.of());
        }
        ContextModel model = maps.orElseThrow();
        List<MapTestCase> cases = new ArrayList<>();
        for (Path file : testFiles(testsDir, problems)) {
            try {
                cases.addAll(TestFileReader.read(file, Files.readString(file), model));
            } catch (MapTestFileException e) {
                problems.add(file + ":" + e.line() + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
            }
        }
        if (cases.isEmpty()) {
            return new MapTestReport(problems, List.of());
        }
        List<CaseResult> results = new ArrayList<>();
        try (TestBench bench = TestBench.start(mapsDir, model)) {
            for (MapTestCase testCase : cases) {
                results.add(bench.run(testCase));
            }
        } catch (RuntimeException e) {
            problems.add(mapsDir + ": the gateway or its WireMock stand-ins failed: " + e);
        }
        return new MapTestReport(problems, results);
    }

    private static List<Path> testFiles(Path testsDir, List<String> problems) {
        if (!Files.isDirectory(testsDir)) {
            problems.add(testsDir + ": no such directory of map tests");
            return List.of();
        }
        try (Stream<Path> files = Files.list(testsDir)) {
            List<Path> found = files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml"));
                    })
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                problems.add(testsDir + ": no test files (*.yaml, *.yml) here");
            }
            return found;
        } catch (IOException e) {
            problems.add(testsDir + ": cannot be listed: " + e.getMessage());
            return List.of();
        }
    }
}
