package dev.dragoman.kit;

import dev.dragoman.kit.testservice.GatewayStandIn;
import dev.dragoman.kit.testservice.MovableClock;
import dev.dragoman.kit.testservice.PaymentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running test service for all the kit's tests (one Spring context, cached): a real embedded
 * H2, a real HTTP port, a real HTTP stand-in for the gateway, and a clock only the tests move.
 * The relay ticks every 20 ms of real time; what it finds due is decided by the moved clock.
 */
@SpringBootTest(classes = PaymentService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=payment-service",
        "spring.datasource.url=jdbc:h2:mem:kit-tests;DB_CLOSE_DELAY=-1",
        "dragoman.kit.api-key=demo-payment-key",
        "dragoman.kit.relay.interval=20ms",
        "dragoman.kit.relay.first-retry=1s",
        "dragoman.kit.relay.max-retry=4s",
        "dragoman.kit.relay.timeout=2s"})
abstract class KitTestBase {

    static final GatewayStandIn GATEWAY = new GatewayStandIn();

    static {
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("dragoman.kit.gateway-url", GATEWAY::url);
    }

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    long ledger(String kind, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger WHERE kind = ? AND reference = ?").params(kind, reference).query(Long.class).single();
    }
}
