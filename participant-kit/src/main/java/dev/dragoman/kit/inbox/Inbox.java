package dev.dragoman.kit.inbox;

import dev.dragoman.kit.CopyRefused;
import dev.dragoman.kit.InboundEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes one copy: the handler for its type, then in one transaction the inbox row (a duplicate
 * stops here, answered 2xx), the expiry check and the handler. Dedupe comes before expiry so
 * that a copy handled before its expiry and sent again after it (its first answer lost) is
 * answered as handled, which it was. A handler that judges the expirytime itself (the kit's saga
 * steps: a compensation is applied however late it comes) is called whatever the expirytime.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final InboxStore store;
    private final HandlerRegistry handlers;
    private final TransactionTemplate tx;
    private final JsonMapper mapper;
    private final Clock clock;

    public Inbox(InboxStore store, HandlerRegistry handlers, TransactionTemplate tx, JsonMapper mapper, Clock clock) {
        this.store = store;
        this.handlers = handlers;
        this.tx = tx;
        this.mapper = mapper;
        this.clock = clock;
    }

    public InboxAnswer take(InboundEvent event) {
        Optional<HandlerRegistry.Handler> handler = handlers.handlerFor(event.type());
        if (handler.isEmpty()) {
            log.warn("Dragoman inbox: no handler for event type '{}' (event {} from {}), refused", event.type(), event.id(), event.source());
            return InboxAnswer.noHandler("this service has no handler for event type '" + event.type() + "'");
        }
        Instant now = clock.instant();
        try {
            return tx.execute(status -> {
                if (!store.remember(event.source(), event.id(), event.type(), now)) {
                    status.setRollbackOnly();
                    return InboxAnswer.duplicate();
                }
                if (!handler.get().judgesExpiry() && event.expiryTime() != null && !now.isBefore(event.expiryTime())) {
                    status.setRollbackOnly();
                    log.warn("Dragoman inbox: event {} ({}, saga {}) from {} came at {}, after its expirytime {}: ignored",
                            event.id(), event.type(), event.sagaId(), event.source(), now, event.expiryTime());
                    return InboxAnswer.expired("event " + event.id() + " expired at " + event.expiryTime() + " and came at " + now);
                }
                try {
                    handler.get().handle(event, mapper);
                } catch (CopyRefused e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailed(e);
                }
                return InboxAnswer.handled();
            });
        } catch (CopyRefused e) {
            // Rolled back and not remembered: the same copy again gets the same refusal.
            log.warn("Dragoman inbox: event {} ({}, saga {}) from {} refused with {}: {}", event.id(), event.type(), event.sagaId(),
                    event.source(), e.status(), e.getMessage());
            return InboxAnswer.refused(e.status(), e.problemType(), e.title(), e.getMessage());
        } catch (HandlerFailed e) {
            log.error("Dragoman inbox: the handler of event {} ({}) failed; rolled back, Dragoman will send it again", event.id(),
                    event.type(), e.getCause());
            return InboxAnswer.handlerFailed("the handler of " + event.type() + " failed: " + e.getCause());
        }
    }

    /** Carries a handler's exception out of the transaction, which it rolls back. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Exception cause) {
            super(cause);
        }
    }
}
