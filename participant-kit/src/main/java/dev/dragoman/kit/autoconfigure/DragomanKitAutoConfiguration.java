package dev.dragoman.kit.autoconfigure;

import dev.dragoman.kit.DragomanPublisher;
import dev.dragoman.kit.DragomanSagas;
import dev.dragoman.kit.InboundEvent;
import dev.dragoman.kit.SagaInitiator;
import dev.dragoman.kit.SagaStep;
import dev.dragoman.kit.UnsentEventHandler;
import dev.dragoman.kit.inbox.HandlerRegistry;
import dev.dragoman.kit.inbox.Inbox;
import dev.dragoman.kit.inbox.InboxEndpoint;
import dev.dragoman.kit.inbox.InboxStore;
import dev.dragoman.kit.outbox.Backoff;
import dev.dragoman.kit.outbox.GatewayClient;
import dev.dragoman.kit.outbox.OutboxRelay;
import dev.dragoman.kit.outbox.OutboxStore;
import dev.dragoman.kit.saga.DeadlineWatchdog;
import dev.dragoman.kit.saga.SagaStepStore;
import dev.dragoman.kit.saga.SagaSteps;
import java.time.Clock;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kit in a service with a DataSource: schema, outbox, relay, inbox, saga steps and their deadline
 * watchdog, and the inbox route in a servlet web application. The service's own {@link Clock} bean is used when it has exactly one,
 * so a test that moves its clock moves the kit's too.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
// Only the DataSource decides: the transaction manager (JDBC's or JPA's, which another auto-configuration may
// define after this one) is injected when the kit's beans are created.
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(DragomanKitProperties.class)
public class DragomanKitAutoConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    KitSchema dragomanKitSchema(DataSource dataSource, DragomanKitProperties properties) {
        return properties.createSchema() ? KitSchema.migrate(dataSource) : KitSchema.providedByService();
    }

    @Bean
    OutboxStore dragomanOutboxStore(DataSource dataSource, KitSchema schema) {
        return new OutboxStore(JdbcClient.create(dataSource));
    }

    @Bean
    DragomanPublisher dragomanPublisher(OutboxStore outbox, JsonMapper mapper, ObjectProvider<Clock> clock,
            @Qualifier("dragomanRelayLoop") PassLoop relay) {
        return new DragomanPublisher(outbox, mapper, clockOf(clock), relay::wake);
    }

    @Bean
    GatewayClient dragomanGatewayClient(DragomanKitProperties properties, JsonMapper mapper, Environment environment) {
        return new GatewayClient(properties.gatewayUrl(), properties.apiKey(), sourceOf(properties, environment), mapper,
                properties.relay().timeout());
    }

    @Bean
    OutboxRelay dragomanOutboxRelay(OutboxStore outbox, GatewayClient gateway, PlatformTransactionManager transactions,
            ObjectProvider<UnsentEventHandler> unsentHandlers, JsonMapper mapper, ObjectProvider<Clock> clock, DragomanKitProperties properties) {
        DragomanKitProperties.Relay relay = properties.relay();
        return new OutboxRelay(outbox, gateway, new TransactionTemplate(transactions), unsentHandlers.orderedStream().toList(), mapper,
                clockOf(clock), new Backoff(relay.firstRetry(), relay.maxRetry(), RandomGenerator.getDefault()), relay.timeout(),
                relay.batchSize());
    }

    @Bean
    PassLoop dragomanRelayLoop(OutboxRelay relay, DragomanKitProperties properties) {
        return new PassLoop("dragoman-kit-relay", relay::runOnce, properties.relay().interval(), properties.relay().batchSize());
    }

    /** Static: a post-processor is created before the other beans, so that it sees them all. */
    @Bean
    static HandlerRegistry dragomanHandlerRegistry() {
        return new HandlerRegistry();
    }

    @Bean
    Inbox dragomanInbox(DataSource dataSource, KitSchema schema, HandlerRegistry handlers, PlatformTransactionManager transactions,
            JsonMapper mapper, ObjectProvider<Clock> clock) {
        return new Inbox(new InboxStore(JdbcClient.create(dataSource)), handlers, new TransactionTemplate(transactions), mapper,
                clockOf(clock));
    }

    @Bean
    SagaStepStore dragomanSagaStepStore(DataSource dataSource, KitSchema schema) {
        return new SagaStepStore(JdbcClient.create(dataSource));
    }

    /** The saga steps and initiated sagas; their copy types go to the inbox like a handler's, one handler per type. */
    @Bean
    SagaSteps dragomanSagaSteps(ObjectProvider<SagaStep> steps, ObjectProvider<SagaInitiator> initiators, SagaStepStore store,
            DragomanPublisher publisher, JsonMapper mapper, ObjectProvider<Clock> clock, HandlerRegistry handlers,
            DragomanKitProperties properties) {
        SagaSteps sagaSteps = new SagaSteps(steps.orderedStream().toList(), initiators.orderedStream().toList(), store, publisher, mapper,
                clockOf(clock), properties.clockSkewAllowance());
        for (String type : sagaSteps.inboundTypes()) {
            handlers.register(type, new HandlerRegistry.Handler() {
                @Override
                public String describe() {
                    return "the kit's saga steps";
                }

                @Override
                public void handle(InboundEvent event, JsonMapper ignored) {
                    sagaSteps.take(event);
                }

                @Override
                public boolean judgesExpiry() {
                    return true;
                }
            });
        }
        return sagaSteps;
    }

    @Bean
    DragomanSagas dragomanSagas(ObjectProvider<SagaSteps> steps) {
        return new DragomanSagas(steps::getObject);
    }

    @Bean
    PassLoop dragomanWatchdogLoop(SagaStepStore store, SagaSteps steps, PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock, DragomanKitProperties properties) {
        DragomanKitProperties.Watchdog watchdog = properties.watchdog();
        DeadlineWatchdog deadlines = new DeadlineWatchdog(store, steps, new TransactionTemplate(transactions), clockOf(clock),
                watchdog.batchSize());
        return new PassLoop("dragoman-kit-watchdog", deadlines::runOnce, watchdog.interval(), watchdog.batchSize());
    }

    private static Clock clockOf(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC);
    }

    private static String sourceOf(DragomanKitProperties properties, Environment environment) {
        if (properties.source() != null && !properties.source().isBlank()) {
            return properties.source();
        }
        String name = environment.getProperty("spring.application.name");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("set dragoman.kit.source (the CloudEvents source of this service's events, e.g. /payment-service)"
                    + " or spring.application.name");
        }
        return "/" + name;
    }

    /** The inbox route, in a servlet (WebMVC) application: a functional route, so its path comes from the settings. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RouterFunction.class)
    static class InboxRoute {

        @Bean
        RouterFunction<ServerResponse> dragomanInboxRoute(Inbox inbox, JsonMapper mapper, DragomanKitProperties properties) {
            InboxEndpoint endpoint = new InboxEndpoint(inbox, mapper);
            return RouterFunctions.route().POST(properties.inboxPath(), endpoint::receive).build();
        }
    }
}
