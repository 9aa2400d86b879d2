package dev.dragoman.rules.yaml;

import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.OnUnknown;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.RequestTarget;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Text-to-value conversions shared by the mappers and by validation, so that what
 * validation accepts is exactly what the mappers can build.
 */
public final class Conversions {

    private Conversions() {
    }

    public static IdentifierRef ref(String text) {
        return IdentifierRef.parse(text);
    }

    public static JsonPath jsonPath(String text) {
        return JsonPath.parse(text);
    }

    public static PathTemplate pathTemplate(String text) {
        return PathTemplate.parse(text, IdentifierRef::parse);
    }

    /** A composition part's path with its optional query, such as {@code /game-dept/games?gameCode={game.code}}. */
    public static RequestTarget requestTarget(String text) {
        return RequestTarget.parse(text, IdentifierRef::parse);
    }

    /** Parses an ISO-8601 duration such as {@code PT10M}; null stays null. */
    public static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a duration must be positive but was " + text);
        }
        return duration;
    }

    /** An absolute http(s) URL; null stays null. */
    public static URI httpUrl(String text) {
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (Exception e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an absolute http or https URL");
        }
        return uri;
    }

    public static OnUnknown onUnknown(String text) {
        if (text == null) {
            return OnUnknown.REJECT;
        }
        return switch (text.strip()) {
            case "reject" -> OnUnknown.REJECT;
            case "pass" -> OnUnknown.PASS;
            default -> throw new IllegalArgumentException("'" + text + "' is not reject or pass");
        };
    }
}
