package dev.dragoman.gateway.outbox;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What operators do with the outbox: list it a page at a time, and re-send copies (the admin API and the console call these). */
@Configuration(proxyBeanMethods = false)
class OutboxOperationsConfiguration {

    @Bean
    OutboxListing outboxListing(JdbcClient jdbc, EventStore store) {
        return new OutboxListing(jdbc, store);
    }

    /** @param guards the sagas' (SagaConfiguration's sagaResendGuard), which the outbox cannot name; none lets every copy go */
    @Bean
    OutboxResend outboxResend(JdbcClient jdbc, TransactionTemplate transactions, List<ResendGuard> guards,
            @Qualifier("outboxLoop") PollingLoop outboxLoop) {
        if (guards.size() > 1) {
            throw new IllegalStateException("one ResendGuard expected, found " + guards.size());
        }
        return new OutboxResend(jdbc, transactions, guards.isEmpty() ? ResendGuard.NONE : guards.get(0), outboxLoop::wake);
    }
}
