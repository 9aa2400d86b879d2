package dev.dragoman.gateway.security;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Which context an {@code X-Api-Key} belongs to, and whether it opens the admin API. Keys are
 * held only as SHA-256 digests, so that neither a heap dump nor a stray log line shows one,
 * and are compared by digest lookup, so that the time taken says nothing about a near miss.
 *
 * <p>It is the one place that decides what a key lets through ({@link #caller} for the routes and
 * the event intake, {@link #admin} for the admin API and the actuator), so that every surface
 * refuses with the same status, problem and challenge.
 */
public final class CallerKeys {

    /** The header a caller's or an operator's key travels in (SPEC section 3). */
    public static final String HEADER = "X-Api-Key";

    private final Map<String, String> contextByDigest = new HashMap<>();
    private final Map<String, Boolean> adminDigests = new HashMap<>();
    private final boolean openDevelopmentMode;

    public CallerKeys(DragomanProperties properties) {
        this.openDevelopmentMode = properties.openDevelopmentMode();
        properties.callers().forEach((context, caller) -> caller.apiKeys().forEach(key -> {
            String previous = contextByDigest.put(digest(validKey(key, "dragoman.callers." + context + ".api-keys")), context);
            if (previous != null && !previous.equals(context)) {
                throw new IllegalArgumentException("one API key is configured for two contexts, " + previous + " and " + context
                        + ": a key must prove exactly one context");
            }
        }));
        properties.admin().apiKeys().forEach(key -> adminDigests.put(digest(validKey(key, "dragoman.admin.api-keys")), true));
        if (contextByDigest.isEmpty() && !openDevelopmentMode) {
            throw new MissingCallerKeysException();
        }
    }

    /** The context a caller's key proves, if any. */
    public Optional<String> contextOf(String apiKey) {
        return apiKey == null || apiKey.isEmpty() ? Optional.empty() : Optional.ofNullable(contextByDigest.get(digest(apiKey)));
    }

    public boolean isAdmin(String apiKey) {
        return apiKey != null && !apiKey.isEmpty() && adminDigests.containsKey(digest(apiKey));
    }

    /**
     * Who sends a request that brings this key: the context the key proves, or no context for a
     * call without a key in open development mode; a missing or unknown key is refused (401).
     *
     * @param whose whose key the refusal asks for, such as "the caller's"
     */
    public KeyCheck caller(String apiKey, String whose) {
        Optional<String> context = contextOf(apiKey);
        boolean missing = apiKey == null || apiKey.isEmpty();
        if (context.isPresent() || (openDevelopmentMode && missing)) {
            return KeyCheck.pass(context);
        }
        return KeyCheck.refuse(Problem.of(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED, "No valid API key",
                missing ? "send " + whose + " API key in the " + HEADER + " header"
                        : "the " + HEADER + " header holds no key this gateway knows"));
    }

    /**
     * Whether a request that brings this key may use the admin API: only with an admin key; a
     * caller's key proves a context, not an operator (403), and any other is refused (401).
     *
     * @param adminKeysConfigured whether {@code dragoman.admin.api-keys} holds any key; without
     *     one every key is refused
     */
    public KeyCheck admin(String apiKey, boolean adminKeysConfigured) {
        if (!adminKeysConfigured) {
            return unauthenticatedAdmin("admin keys are not configured (dragoman.admin.api-keys), so the admin API and the"
                    + " actuator refuse every call; configure a key, or run in open development mode on a development machine");
        }
        if (isAdmin(apiKey)) {
            return KeyCheck.pass(Optional.empty());
        }
        if (apiKey == null || apiKey.isEmpty()) {
            return unauthenticatedAdmin("send an admin API key in the " + HEADER + " header");
        }
        if (contextOf(apiKey).isPresent()) {
            return KeyCheck.refuse(Problem.of(HttpStatus.FORBIDDEN, ProblemType.NOT_ADMIN, "Not an admin key",
                    "this key belongs to a calling context, not to the admin API; send a key of dragoman.admin.api-keys"));
        }
        return unauthenticatedAdmin("the " + HEADER + " header holds no admin key this gateway knows");
    }

    private static KeyCheck unauthenticatedAdmin(String detail) {
        return KeyCheck.refuse(Problem.of(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED, "No valid admin API key", detail));
    }

    /** Whether {@code dragoman.admin.api-keys} holds any key. */
    public boolean adminKeysConfigured() {
        return !adminDigests.isEmpty();
    }

    public boolean openDevelopmentMode() {
        return openDevelopmentMode;
    }

    /** The contexts that have keys, for the startup log (never the keys). */
    public List<String> contexts() {
        return contextByDigest.values().stream().distinct().sorted().toList();
    }

    private static String validKey(String key, String property) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(property + " holds an empty key");
        }
        return key;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
