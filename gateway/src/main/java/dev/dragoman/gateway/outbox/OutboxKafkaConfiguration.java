package dev.dragoman.gateway.outbox;

import dev.dragoman.gateway.config.DragomanProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Kafka as a transport of {@code kafka:} inboxes, when {@code dragoman.events.kafka.bootstrap-servers} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaClients.KafkaOn.class)
class OutboxKafkaConfiguration {

    @Bean
    KafkaTransport kafkaTransport(DragomanProperties properties) {
        DragomanProperties.Kafka kafka = properties.events().kafka();
        Duration timeout = properties.events().delivery().timeout();
        return new KafkaTransport(KafkaClients.producerConfigs(kafka, timeout), KafkaClients.clientConfigs(kafka), timeout);
    }
}
