package dev.dragoman.kit.inbox;

/**
 * What the inbox answers Dragoman, chosen by what its delivery does with it (docs/EVENTS.md,
 * Delivery): a 2xx is delivered, a 5xx is sent again later, any other 4xx is never sent again.
 *
 * @param problemType for a refusal, the last segment of its problem type; {@code null} for a 2xx
 * @param detail      for a refusal, what the operator reads in the gateway's log; for a 2xx, {@code handled} or {@code duplicate}
 */
public record InboxAnswer(int status, String problemType, String title, String detail) {

    public static InboxAnswer handled() {
        return new InboxAnswer(200, null, null, "handled");
    }

    public static InboxAnswer duplicate() {
        return new InboxAnswer(200, null, null, "duplicate");
    }

    /** 410: the copy's validity is over; Dragoman stops sending it and shows it rejected with this detail. */
    public static InboxAnswer expired(String detail) {
        return new InboxAnswer(410, "copy-expired", "Copy past its expirytime", detail);
    }

    /** 422: no handler, which sending again would not change. */
    public static InboxAnswer noHandler(String detail) {
        return new InboxAnswer(422, "no-handler", "No handler for this event type", detail);
    }

    public static InboxAnswer invalid(String detail) {
        return new InboxAnswer(400, "invalid-event", "Not a valid event", detail);
    }

    /** 500: the handler failed and everything rolled back; Dragoman sends the copy again. */
    public static InboxAnswer handlerFailed(String detail) {
        return new InboxAnswer(500, "handler-failed", "The handler failed", detail);
    }

    /** A refusal for good that a handler chose (e.g. 409 for a late confirmation), never sent again by Dragoman. */
    public static InboxAnswer refused(int status, String problemType, String title, String detail) {
        return new InboxAnswer(status, problemType, title, detail);
    }

    public boolean isSuccess() {
        return status < 300;
    }
}
