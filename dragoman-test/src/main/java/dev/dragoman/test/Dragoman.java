package dev.dragoman.test;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dragoman.rules.model.Route;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The running gateway of a {@link DragomanTest}, as a test sees it: a client per context, the
 * WireMock server of each upstream, and the inboxes. Declare it as a parameter of a test method,
 * a lifecycle method or the constructor.
 */
public final class Dragoman {

    private final DragomanGateway gateway;

    Dragoman(DragomanGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * A client that calls the gateway as the given context, with that context's key of this run.
     *
     * @throws IllegalArgumentException when the maps have no such context (the message lists theirs)
     */
    public DragomanClient client(String context) {
        String key = gateway.keys().get(context);
        if (key == null) {
            throw new IllegalArgumentException("no context " + context + " in the maps at " + gateway.setup().mapsDir()
                    + "; their contexts are " + new TreeSet<>(gateway.keys().keySet()));
        }
        return new DragomanClient(gateway.http(), gateway.base(), key, context);
    }

    /** A client with the admin key of this run, for {@code /admin/} and the actuator. */
    public DragomanClient admin() {
        return new DragomanClient(gateway.http(), gateway.base(), gateway.adminKey(), "the admin");
    }

    /**
     * The WireMock server standing in for an upstream: a route's by its id, or a context's when
     * every route that calls that context from another reaches the same server (one route, or a
     * {@code @Stubs(context = ...)} shared by all of them; a route within the context is named by its id). Stub answers on it and verify what it
     * received, in the callee's vocabulary.
     *
     * @throws IllegalArgumentException when the name is neither, or names a context that several
     *         routes reach on servers of their own (the message lists the names to use)
     */
    public WireMockServer upstream(String routeOrContext) {
        WireMockServer byRoute = gateway.upstreams().get(routeOrContext);
        if (byRoute != null) {
            return byRoute;
        }
        List<Route> reaching = gateway.model().routes().stream().filter(r -> r.to().equals(routeOrContext)).toList();
        // A context's name means the department as other contexts reach it: a route within the
        // context (a composition's own part, say) speaks no other vocabulary and is named by its id.
        List<Route> across = reaching.stream().filter(r -> !r.from().equals(r.to())).toList();
        List<Route> calling = across.isEmpty() ? reaching : across;
        if (calling.isEmpty()) {
            throw new IllegalArgumentException("no route or called context " + routeOrContext + " in the maps at "
                    + gateway.setup().mapsDir() + "; their routes are " + DragomanSetup.routeIds(gateway.model())
                    + ", the contexts routes call are " + DragomanSetup.calledContexts(gateway.model()));
        }
        Set<WireMockServer> servers = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        calling.forEach(r -> servers.add(gateway.upstreams().get(r.id())));
        if (servers.size() > 1) {
            throw new IllegalArgumentException("several routes call " + routeOrContext + ", each with an upstream of its own: name one of "
                    + calling.stream().map(Route::id).sorted().toList());
        }
        return servers.iterator().next();
    }

    /**
     * The one WireMock server standing in for every context's inbox: the copies of events for a
     * context arrive as {@code POST /inbox/<context>}, and every one is answered 202. Delivery is
     * asynchronous: wait for a copy (Awaitility), and look for it by its event's id, since a copy of
     * an earlier test's event may arrive after the reset.
     */
    public WireMockServer inboxes() {
        return gateway.inboxes();
    }

    /** Where the gateway listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return gateway.base();
    }

    @Override
    public String toString() {
        return "Dragoman at " + gateway.base() + " with the maps at " + gateway.setup().mapsDir();
    }
}
