package dev.dragoman.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.kit.autoconfigure.DragomanKitAutoConfiguration;
import dev.dragoman.kit.saga.SagaSteps;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.function.RouterFunction;

/** {@code dragoman.kit.*} is checked when the service starts, so a wrong setting fails the start, not the first publish. */
class KitSettingsTests {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    JacksonAutoConfiguration.class, DragomanKitAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "spring.application.name=payment-service");

    @Test
    void withoutTheGatewaysUrlAndTheKeyTheServiceDoesNotStart() {
        service.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("dragoman.kit"));
        service.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("gatewayUrl")
                .hasStackTraceContaining("apiKey"));
    }

    @Test
    void aMaxRetryShorterThanTheFirstRetryDoesNotStart() {
        service.withPropertyValues("dragoman.kit.gateway-url=http://127.0.0.1:8080", "dragoman.kit.api-key=k",
                        "dragoman.kit.relay.first-retry=10s", "dragoman.kit.relay.max-retry=1s")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("dragoman.kit.relay.max-retry (PT1S) must not be shorter than first-retry (PT10S)"));
    }

    @Test
    void aNegativeClockSkewAllowanceDoesNotStartAndTheDefaultIsTwoSeconds() {
        ApplicationContextRunner configured = service.withPropertyValues("dragoman.kit.gateway-url=http://127.0.0.1:8080", "dragoman.kit.api-key=k");
        configured.withPropertyValues("dragoman.kit.clock-skew-allowance=-1s")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("dragoman.kit.clock-skew-allowance must be zero or a positive duration, not PT-1S"));
        configured.run(context -> assertThat(context.getBean(SagaSteps.class).allowance()).isEqualTo(Duration.ofSeconds(2)));
        configured.withPropertyValues("dragoman.kit.clock-skew-allowance=0s")
                .run(context -> assertThat(context.getBean(SagaSteps.class).allowance()).isZero());
    }

    @Test
    void withoutASourceOrAnApplicationNameTheServiceDoesNotStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                        JacksonAutoConfiguration.class, DragomanKitAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "dragoman.kit.gateway-url=http://127.0.0.1:8080", "dragoman.kit.api-key=k")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("set dragoman.kit.source"));
    }

    @Test
    void theKitCreatesItsTablesUnlessTheServiceSaysItDoesSoItself() {
        ApplicationContextRunner configured = service.withPropertyValues("dragoman.kit.gateway-url=http://127.0.0.1:8080", "dragoman.kit.api-key=k");
        configured.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DragomanPublisher.class).doesNotHaveBean(RouterFunction.class);
            assertThat(tables(JdbcClient.create(context.getBean(DataSource.class)))).isEqualTo(2);
        });
        configured.withPropertyValues("dragoman.kit.create-schema=false", "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .run(context -> assertThat(tables(JdbcClient.create(context.getBean(DataSource.class)))).isZero());
    }

    private static long tables(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) IN ('dragoman_outbox', 'dragoman_inbox')")
                .query(Long.class).single();
    }
}
