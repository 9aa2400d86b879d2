package dev.dragoman.gateway.compose;

/**
 * A required part failed: the whole answer is a 502. An exception so that the parallel fetch
 * stops at once and cancels the parts still running; it never leaves the composer.
 */
final class RequiredPartFailedException extends RuntimeException {

    private final transient PartResult result;

    RequiredPartFailedException(PartResult result) {
        super(null, null, false, false);
        this.result = result;
    }

    PartResult result() {
        return result;
    }
}
