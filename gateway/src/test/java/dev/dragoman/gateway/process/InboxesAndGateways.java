package dev.dragoman.gateway.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the event process tests stand up around the gateway jars: one WireMock server holding
 * every inbox, and the gateway processes started, whose logs a failure message shows. Closing
 * it stops them all, the processes first.
 */
final class InboxesAndGateways implements AutoCloseable {

    final WireMockServer inboxes = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<GatewayProcess> gateways = new ArrayList<>();

    /** Starts the inboxes, every one answering {@code status} to every POST. */
    InboxesAndGateways answering(int status) {
        inboxes.start();
        inboxes.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(status)));
        return this;
    }

    /** Keeps a started gateway, to stop it and show its log; returns it healthy. */
    GatewayProcess started(GatewayProcess gateway) {
        gateways.add(gateway);
        return gateway.awaitHealthy();
    }

    /** Every gateway's output so far, for failure messages. */
    String logs() {
        return IntStream.range(0, gateways.size())
                .mapToObj(n -> "---- gateway process " + (n + 1) + " ----\n" + gateways.get(n).log())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        try {
            gateways.forEach(GatewayProcess::close);
        } finally {
            inboxes.stop();
        }
    }
}
