package dev.dragoman.gateway.saga;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sagas' say in an operator's re-send of outbox copies (the outbox asks it through ResendGuard). */
@Configuration(proxyBeanMethods = false)
class SagaResendConfiguration {

    @Bean
    SagaResendGuard sagaResendGuard(JdbcClient jdbc) {
        return new SagaResendGuard(jdbc);
    }
}
