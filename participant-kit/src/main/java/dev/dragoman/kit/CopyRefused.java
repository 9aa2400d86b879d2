package dev.dragoman.kit;

/**
 * Thrown by a handler to refuse a copy for good: the inbox rolls the handler's transaction back,
 * does not remember the copy, and answers with this status (a 4xx other than 408 and 429, which
 * Dragoman never sends again) as problem JSON. The kit refuses a {@code confirmed} outcome this
 * way, with 409, when the step already rolled itself back.
 */
public class CopyRefused extends RuntimeException {

    private final int status;
    private final String problemType;
    private final String title;

    public CopyRefused(int status, String problemType, String title, String detail) {
        super(detail);
        if (status < 400 || status >= 500 || status == 408 || status == 429) {
            throw new IllegalArgumentException("a refusal for good is a 4xx other than 408 and 429, not " + status);
        }
        this.status = status;
        this.problemType = problemType;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type, under {@code https://dragoman.dev/problems/}. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
