package dev.dragoman.gateway.cli;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import dev.dragoman.rules.Message;
import dev.dragoman.rules.MessageTranslation;
import dev.dragoman.rules.QueryStrings;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code translate DIR --route ID --direction request|response}: what a route makes of a
 * request or a response, like the admin API's dry run but on maps not yet served. It runs
 * the same compiled translators the gateway does (DirectionTranslator) on the tables; it
 * asks no resolver, since a command line must not call the departments' services.
 */
@Command(name = "translate",
        mixinStandardHelpOptions = true,
        header = "Translates a sample request or response for a route; lists what does not translate.",
        description = {"Translates a sample request or response for a route, without sending it anywhere.",
                "The body is read from standard input (may be empty) and written translated to standard output; "
                        + "the translated path, query and headers, and every value that could not be translated "
                        + "(location, value, rule), go to standard error.",
                "Identifiers of concepts with a resolver are looked up in their tables only.",
                "Exit code: 0 when everything translated, 1 when some value did not (or the maps do not load), "
                        + "2 for a wrong command line."})
final class TranslateCommand implements Callable<Integer> {

    enum Direction { request, response }

    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the context-maps directory")
    Path dir;

    @Option(names = "--route", required = true, paramLabel = "ID", description = "the route's id")
    String route;

    @Option(names = "--direction", defaultValue = "request", paramLabel = "request|response",
            description = "request: from the caller's vocabulary to the callee's; response: back (default: ${DEFAULT-VALUE})")
    Direction direction;

    @Option(names = "--path", paramLabel = "PATH", description = "the request path after strip-prefix, as sent, e.g. /games/1")
    String path;

    @Option(names = "--query", paramLabel = "QUERY", description = "the query string, e.g. 'gameCode=1&page=2'")
    String query;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'", description = "a header, e.g. 'X-Game-Name: mob_game_x' (repeatable)")
    List<String> headers = new ArrayList<>();

    TranslateCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (direction == Direction.response && (path != null || query != null)) {
            throw new ParameterException(spec.commandLine(), "a response has no " + (path != null ? "path" : "query")
                    + " to translate; give --header and a body only");
        }
        if (path != null && !path.startsWith("/")) {
            throw new ParameterException(spec.commandLine(), "--path must start with '/' but was '" + path + "' (give the path after strip-prefix)");
        }
        Map<String, List<String>> headerValues = headers(headers);
        LoadResult load = ContextMaps.load(dir);
        if (!load.isValid()) {
            load.errors().stream().map(LoadError::toString).forEach(err::println);
            err.println(dir + ": the maps do not load; run validate");
            return 1;
        }
        RouteTranslator translator = Translators.compile(load.model()).route(route).orElse(null);
        if (translator == null) {
            err.println("no route '" + route + "' in " + dir + "; the routes are "
                    + load.model().routes().stream().map(Route::id).collect(Collectors.joining(", ")));
            return 1;
        }
        DirectionTranslator rules = direction == Direction.request ? translator.request() : translator.response();
        Map<String, List<String>> parameters = query == null ? null : query(query);
        byte[] body = readStdin();
        MessageTranslation result = rules.translate(new Message(path, parameters == null ? null : QueryStrings.encode(parameters),
                headerValues.isEmpty() ? null : headerValues, body.length > 0 ? body : null));
        if (result.path() != null) {
            err.println("path " + result.path().text() + (result.path().template() == null ? "   (no template matches: forwarded unchanged)" : ""));
        }
        if (result.query() != null) {
            err.println("query " + queryString(QueryStrings.decode(result.query().text())));
        }
        if (result.headers() != null) {
            result.headers().values().forEach((name, values) -> values.forEach(value -> err.println("header " + name + ": " + value)));
        }
        if (result.bodyFailure() != null) {
            err.println("the body is not JSON: " + result.bodyFailure().getMessage());
            return 1;
        }
        if (result.body() != null) {
            out.print(new String(result.body().body(), StandardCharsets.UTF_8));
            out.flush();
        }
        int translated = result.translated();
        List<Unresolved> unresolved = result.unresolvedPerPart();
        unresolved.forEach(u -> err.println("untranslatable: " + u));
        err.println("route " + route + " " + direction + ": " + Summary.count(translated, "value") + " translated"
                + (unresolved.isEmpty() ? "" : ", " + unresolved.size() + " untranslatable (the gateway "
                        + (translator.route().onUnknown() == dev.dragoman.rules.model.OnUnknown.REJECT
                                ? "would answer " + (direction == Direction.request ? "422" : "502")
                                : "would pass them unchanged (on-unknown: pass)") + ")"));
        return unresolved.isEmpty() ? 0 : 1;
    }

    private byte[] readStdin() {
        try {
            return stdin.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, List<String>> headers(List<String> raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String header : raw) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ParameterException(spec.commandLine(), "--header must read 'Name: value' but was '" + header + "'");
            }
            values.computeIfAbsent(header.substring(0, colon).strip(), k -> new ArrayList<>()).add(header.substring(colon + 1).strip());
        }
        return values;
    }

    /** Decoded parameters, as the gateway hands them to the translator. */
    private static Map<String, List<String>> query(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : text.startsWith("?") ? text.substring(1).split("&") : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String queryString(Map<String, List<String>> values) {
        List<String> pairs = new ArrayList<>();
        values.forEach((name, list) -> list.forEach(value -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }
}
