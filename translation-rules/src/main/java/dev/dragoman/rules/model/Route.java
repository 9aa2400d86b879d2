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
        ResponseRules response,
        RoutePolicies policies) {

    public Route {
        Objects.requireNonNull(id, "id");
        if (stripPrefix < 0) {
            throw new IllegalArgumentException("strip-prefix must not be negative but was " + stripPrefix);
        }
        onUnknown = onUnknown == null ? OnUnknown.REJECT : onUnknown;
        request = request == null ? RequestRules.NONE : request;
        response = response == null ? ResponseRules.NONE : response;
        policies = policies == null ? RoutePolicies.NONE : policies;
    }

    /** A route without policies (see {@link RoutePolicies}), as routes were before they had any. */
    public Route(String id, String from, String to, String path, int stripPrefix, URI upstream, OnUnknown onUnknown,
            RequestRules request, ResponseRules response) {
        this(id, from, to, path, stripPrefix, upstream, onUnknown, request, response, RoutePolicies.NONE);
    }
}
