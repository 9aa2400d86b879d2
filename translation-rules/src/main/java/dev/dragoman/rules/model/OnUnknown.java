package dev.dragoman.rules.model;

/** What a route does with an identifier the map cannot translate. */
public enum OnUnknown {
    /** Answer 422 for a request, 502 for a response; never forward it. */
    REJECT,
    /** Forward the value unchanged. */
    PASS
}
