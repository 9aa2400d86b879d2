package dev.dragoman.test;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What a {@link DragomanTest} asks for, with its paths made absolute: equal setups share one
 * running gateway.
 *
 * @param mapsDir the context maps
 * @param stubs the stub directories, in the annotation's order
 */
record DragomanSetup(Path mapsDir, List<StubDir> stubs) {

    DragomanSetup {
        stubs = List.copyOf(stubs);
    }

    /**
     * One {@link Stubs}: for a route or for a context, from a directory or a classpath folder.
     *
     * @param route the route's id, or null when the stubs are a context's
     * @param context the context, or null when the stubs are a route's
     * @param directory the directory, or null when a classpath folder
     * @param classpathFolder the folder on the classpath, or null when a directory
     */
    record StubDir(String route, String context, Path directory, String classpathFolder) {

        String name() {
            return route != null ? route : context;
        }

        boolean isForContext() {
            return context != null;
        }

        String where() {
            return directory != null ? directory.toString() : "classpath:" + classpathFolder;
        }
    }

    static DragomanSetup of(DragomanTest annotation) {
        List<StubDir> stubs = new ArrayList<>();
        for (Stubs s : annotation.stubs()) {
            boolean route = !s.route().isBlank();
            boolean context = !s.context().isBlank();
            if (route == context) {
                throw new ExtensionConfigurationException("@Stubs(dir = \"" + s.dir() + "\") names "
                        + (route ? "both a route and a context" : "neither a route nor a context") + ": name exactly one");
            }
            String classpath = s.dir().startsWith("classpath:") ? s.dir().substring("classpath:".length()).replaceAll("^/+", "") : null;
            stubs.add(new StubDir(route ? s.route() : null, context ? s.context() : null,
                    classpath == null ? Path.of(s.dir()).toAbsolutePath().normalize() : null, classpath));
        }
        return new DragomanSetup(Path.of(annotation.maps()).toAbsolutePath().normalize(), stubs);
    }

    /** The stubs that answer for a route: its own, else its callee context's; null when none. */
    StubDir stubsFor(Route route) {
        return stubs.stream().filter(s -> route.id().equals(s.route())).findFirst()
                .or(() -> stubs.stream().filter(s -> route.to().equals(s.context())).findFirst())
                .orElse(null);
    }

    /**
     * The maps, loaded with the gateway's own loader, after checking that every name and
     * directory this setup gives exists.
     */
    ContextModel load() {
        if (!Files.isDirectory(mapsDir)) {
            throw new ExtensionConfigurationException("@DragomanTest(maps): no directory " + mapsDir
                    + " (a relative path is read from the working directory, " + Path.of("").toAbsolutePath() + ")");
        }
        LoadResult loaded = ContextMaps.load(mapsDir);
        if (!loaded.isValid()) {
            throw new ExtensionConfigurationException("the maps in " + mapsDir + " do not load:\n" + loaded.describeErrors());
        }
        ContextModel model = loaded.orElseThrow();
        Set<String> seen = new LinkedHashSet<>();
        for (StubDir s : stubs) {
            if (!seen.add((s.isForContext() ? "context " : "route ") + s.name())) {
                throw new ExtensionConfigurationException("@Stubs names " + (s.isForContext() ? "context " : "route ")
                        + s.name() + " twice");
            }
            if (s.route() != null && model.route(s.route()).isEmpty()) {
                throw new ExtensionConfigurationException("@Stubs(route = \"" + s.route() + "\"): no such route in "
                        + mapsDir + "; its routes are " + routeIds(model));
            }
            if (s.context() != null && model.routes().stream().noneMatch(r -> r.to().equals(s.context()))) {
                throw new ExtensionConfigurationException("@Stubs(context = \"" + s.context() + "\"): no route in "
                        + mapsDir + " calls that context; the contexts routes call are " + calledContexts(model));
            }
            boolean found = s.directory() != null ? Files.isDirectory(s.directory())
                    : Thread.currentThread().getContextClassLoader().getResource(s.classpathFolder()) != null;
            if (!found) {
                throw new ExtensionConfigurationException("@Stubs(" + (s.isForContext() ? "context" : "route") + " = \""
                        + s.name() + "\"): no stub directory " + s.where()
                        + (s.directory() != null ? " (a relative path is read from the working directory, "
                                + Path.of("").toAbsolutePath() + ")" : ""));
            }
        }
        return model;
    }

    static Set<String> routeIds(ContextModel model) {
        Set<String> ids = new TreeSet<>();
        model.routes().forEach(r -> ids.add(r.id()));
        return ids;
    }

    static Set<String> calledContexts(ContextModel model) {
        Set<String> called = new TreeSet<>();
        model.routes().forEach(r -> called.add(r.to()));
        return called;
    }
}
