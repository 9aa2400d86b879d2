package dev.dragoman.rules.model;

import java.net.URI;
import java.util.Objects;

/** An HTTP route from a caller's context to a callee's context. */
public record Route(
        String id,
        String from,
        String to,
        String path,
        int stripPrefix,
        URI upstream,
        OnUnknown onUnknown,
        RequestRules request,
        ResponseRules response) {

    public Route {
        Objects.requireNonNull(id, "id");
        if (stripPrefix < 0) {
            throw new IllegalArgumentException("strip-prefix must not be negative but was " + stripPrefix);
        }
        onUnknown = onUnknown == null ? OnUnknown.REJECT : onUnknown;
        request = request == null ? RequestRules.NONE : request;
        response = response == null ? ResponseRules.NONE : response;
    }
}
