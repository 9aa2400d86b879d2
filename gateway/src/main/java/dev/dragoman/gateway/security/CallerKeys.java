package dev.dragoman.gateway.security;

import dev.dragoman.gateway.config.DragomanProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which context an {@code X-Api-Key} belongs to, and whether it opens the admin API. Keys are
 * held only as SHA-256 digests, so that neither a heap dump nor a stray log line shows one,
 * and are compared by digest lookup, so that the time taken says nothing about a near miss.
 */
public final class CallerKeys {

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
