package dev.dragoman.gateway.maptest;

import java.nio.file.Path;

/**
 * Runs the map tests of a folder from the gateway's jar, for builds that keep their maps away
 * from this repository (docs/MAP-TESTS.md, "In your own build"):
 * {@code java -cp gateway.jar -Dloader.main=dev.dragoman.gateway.maptest.MapTestMain
 * org.springframework.boot.loader.launch.PropertiesLauncher MAPS_DIR [TESTS_DIR]}. Exits 0 when
 * every case passed, 1 when any failed or could not run, 2 on wrong arguments.
 */
public final class MapTestMain {

    private MapTestMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: MapTestMain MAPS_DIR [TESTS_DIR]   (TESTS_DIR defaults to MAPS_DIR/tests)");
            System.exit(2);
        }
        Path maps = Path.of(args[0]);
        Path tests = args.length == 2 ? Path.of(args[1]) : maps.resolve("tests");
        // The report is the output; the gateway's own start-up lines would bury it.
        if (System.getProperty("logging.level.root") == null) {
            System.setProperty("logging.level.root", "WARN");
        }
        MapTestReport report = MapTestRunner.run(maps, tests);
        System.out.println(report.describe());
        System.exit(report.passed() ? 0 : 1);
    }
}
