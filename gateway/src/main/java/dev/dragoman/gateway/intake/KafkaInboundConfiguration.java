package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.outbox.KafkaClients;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The listeners of the inbound Kafka topics, when {@code dragoman.events.kafka.bootstrap-servers}
 * is set; their clients start from the outbox's Kafka settings (KafkaClients).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaClients.KafkaOn.class)
class KafkaInboundConfiguration {

    /** @param observations each record is taken in its listener's span, which continues the record's traceparent header */
    @Bean
    KafkaInbound kafkaInbound(DragomanProperties properties, EventFrontDoor frontDoor, EventMetrics metrics,
            ObjectProvider<ObservationRegistry> observations) {
        DragomanProperties.Kafka kafka = properties.events().kafka();
        DragomanProperties.Delivery delivery = properties.events().delivery();
        KafkaInbound inbound = new KafkaInbound(consumerConfigs(kafka), KafkaClients.producerConfigs(kafka, delivery.timeout()), kafka.topics(),
                frontDoor, metrics, delivery.firstRetry(), delivery.maxRetry(), kafka.maxConsumersPerTopic());
        observations.ifAvailable(inbound::observedBy);
        return inbound;
    }

    static Map<String, Object> consumerConfigs(DragomanProperties.Kafka kafka) {
        Map<String, Object> configs = new HashMap<>(KafkaClients.clientConfigs(kafka));
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId());
        // Offsets are committed by the container after each stored event, never on a timer.
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A group's first start reads what was published before it, rather than losing it.
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Events of an aborted producer transaction were never published.
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return configs;
    }
}
