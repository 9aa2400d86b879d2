package dev.dragoman.gateway.model;

import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.Route;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One loaded model with its compiled translators: what a request is served with from its first
 * filter to its last. A reload produces a new one; nothing in it ever changes.
 *
 * <p>It also answers where things really are: the maps' URLs with {@code dragoman.overrides.*}
 * applied, here and only here, so that routes, intake and sagas cannot disagree about them.
 *
 * @param version counts the models loaded since startup, from 1
 * @param overrides the URLs that replace the maps' own (dragoman.overrides.*)
 */
public record ServedModel(long version, Instant loadedAt, Translators translators, Overrides overrides) {

    public ServedModel {
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(translators, "translators");
        Objects.requireNonNull(overrides, "overrides");
    }

    public ContextModel model() {
        return translators.model();
    }

    /** Where a route forwards to: its override, or the upstream its map declares. */
    public URI upstreamOf(Route route) {
        return overrides.upstream(route.id(), route.upstream());
    }

    /** Where a context's events go when no delivery says otherwise: its override, or its inbox ("" when it has none). */
    public String inboxOf(String context) {
        BoundedContext declared = model().contexts().get(context);
        String inbox = overrides.inbox(context, declared == null ? null : declared.inbox());
        return inbox == null ? "" : inbox;
    }

    /**
     * Where the copies of an {@code events} entry go to one receiver: the receiver's override, else
     * its delivery's own {@code endpoint}, else its inbox ("" when it has none). A saga's outcome
     * and compensations to a context go where its copy of the saga's start event went.
     */
    public String endpointOf(EventRoute route, String receiver) {
        if (!overrides.inboxes().containsKey(receiver) && route != null) {
            for (Delivery delivery : route.deliver()) {
                if (delivery.to().equals(receiver) && delivery.endpoint() != null) {
                    return delivery.endpoint();
                }
            }
        }
        return inboxOf(receiver);
    }
}
