package dev.dragoman.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP message as the engine translates it, in the forms the gateway receives it: nothing
 * decoded that a translation would have to encode again. A part that is null is not there (or
 * not to be translated) and comes back null.
 *
 * @param path the raw path after strip-prefix, percent-encoded as it arrived, or null
 * @param query the raw query without '?', percent-encoded as it arrived, or null; callers that
 *     hold decoded parameters encode them with {@link QueryStrings#encode}
 * @param headers header names with their values, in order; only the names that have a rule are
 *     looked at (whatever their case), the others come back as they are; or null
 * @param body the JSON body, or null (the array is not copied: do not change it afterwards)
 */
public record Message(String path, String query, Map<String, List<String>> headers, byte[] body) {

    public Message {
        headers = headers == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A message that is a JSON body and nothing else. */
    public static Message body(byte[] json) {
        return new Message(null, null, null, json);
    }
}
