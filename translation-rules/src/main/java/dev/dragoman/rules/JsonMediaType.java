package dev.dragoman.rules;

import java.util.Locale;

/**
 * Which media types say their content is JSON, the one rule for HTTP bodies and event data
 * alike: {@code application/json}, or any type with the structured syntax suffix {@code +json}
 * (RFC 6839), whatever the case and the parameters. It is SPEC section 2's rule
 * ({@code application/json} or {@code *+json}) and the CloudEvents JSON format's for
 * {@code datacontenttype}; {@code text/json}, which is registered nowhere, is not JSON.
 */
public final class JsonMediaType {

    private JsonMediaType() {
    }

    /** Whether a {@code Content-Type} (or {@code datacontenttype}) value names JSON; null or not a media type is not. */
    public static boolean isJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        int parameters = mediaType.indexOf(';');
        String base = (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        int slash = base.indexOf('/');
        if (slash <= 0 || slash != base.lastIndexOf('/')) {
            return false;
        }
        String subtype = base.substring(slash + 1);
        return base.equals("application/json") || subtype.endsWith("+json");
    }
}
