package dev.dragoman.rules;

import dev.dragoman.rules.internal.PercentCoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decoded query parameters to a raw query and back, the way the engine reads a query: for
 * callers that hold parameters already decoded (the admin API's dry run, the command line)
 * and still want the one {@link Message} translation the gateway runs.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * Every parameter canonically encoded (only the unreserved characters stay as they are), in
     * the order of the map, each value of a name in turn: {@link #decode} gives the map back.
     */
    public static String encode(Map<String, List<String>> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(value -> pairs.add(PercentCoding.encodeQuery(name) + "="
                + PercentCoding.encodeQuery(value == null ? "" : value))));
        return String.join("&", pairs);
    }

    /**
     * A raw query's parameters, decoded as the engine decodes them ('+' is a space), each name
     * with its values in the order they came; empty pairs ({@code a=1&&b=2}) name nothing.
     */
    public static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentCoding.decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : PercentCoding.decodeQuery(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
