package dev.dragoman.gateway.problem;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Hooks;

/**
 * What Reactor does with an error that arrives after its sequence has ended. By default it logs
 * it at ERROR with a stack trace, which a caller that hangs up in the middle of its body causes
 * every time (the connection's reset reaches the body's reader after the request was answered):
 * a caller's doing, logged here at DEBUG in one line. Any other dropped error is still an ERROR.
 */
public final class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);
    private static final AtomicBoolean installed = new AtomicBoolean();

    private DroppedErrors() {
    }

    /** Installs the hook once per JVM (Reactor's hooks are global and add up). */
    public static void install() {
        if (installed.compareAndSet(false, true)) {
            Hooks.onErrorDropped(DroppedErrors::dropped);
        }
    }

    static void dropped(Throwable error) {
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            log.debug("A connection closed after its request had ended: {}", error.toString());
        } else {
            log.error("An error arrived after its request had ended", error);
        }
    }
}
