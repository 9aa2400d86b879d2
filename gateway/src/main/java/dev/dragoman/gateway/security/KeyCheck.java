package dev.dragoman.gateway.security;

import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a request's {@code X-Api-Key} decided, as {@link CallerKeys} answers it: the request
 * passes, as the context its key proves (none for an anonymous call in open development mode
 * or an admin), or it is refused with a problem that every guarded surface sends alike.
 *
 * @param context the context the key proves, when the request passes
 * @param refusal the problem to answer with, or {@code null} when the request passes
 */
public record KeyCheck(Optional<String> context, ProblemDetail refusal) {

    static KeyCheck pass(Optional<String> context) {
        return new KeyCheck(context, null);
    }

    static KeyCheck refuse(ProblemDetail refusal) {
        return new KeyCheck(Optional.empty(), refusal);
    }

    public boolean refused() {
        return refusal != null;
    }

    /** Adds the {@code WWW-Authenticate} challenge a 401 carries (RFC 9110), naming the header a key goes in. */
    public void challenge(HttpHeaders headers) {
        if (refused() && refusal.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + CallerKeys.HEADER + "\"");
        }
    }
}
