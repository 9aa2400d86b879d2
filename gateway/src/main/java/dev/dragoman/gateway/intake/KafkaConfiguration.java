package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.outbox.KafkaTransport;
import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Kafka as a transport, when {@code dragoman.events.kafka.bootstrap-servers} is set: the
 * transport of {@code kafka:} inboxes, and the listeners of the inbound topics. The clients are
 * built here from Dragoman's own settings rather than by Boot's Kafka auto-configuration, so that
 * nothing Kafka exists while Kafka is off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaConfiguration.KafkaOn.class)
class KafkaConfiguration {

    /** The producer's linger: a few milliseconds batch the copies of one claim. */
    private static final Duration LINGER = Duration.ofMillis(5);

    @Bean
    KafkaTransport kafkaTransport(DragomanProperties properties) {
        DragomanProperties.Kafka kafka = properties.events().kafka();
        Duration timeout = properties.events().delivery().timeout();
        return new KafkaTransport(producerConfigs(kafka, timeout), clientConfigs(kafka), timeout);
    }

    @Bean
    KafkaInbound kafkaInbound(DragomanProperties properties, EventIntake intake, EventMetrics metrics) {
        DragomanProperties.Kafka kafka = properties.events().kafka();
        DragomanProperties.Delivery delivery = properties.events().delivery();
        return new KafkaInbound(consumerConfigs(kafka), producerConfigs(kafka, delivery.timeout()), kafka.topics(), intake, metrics,
                (int) properties.events().maxEventSize().toBytes(), delivery.firstRetry(), delivery.maxRetry(),
                kafka.maxConsumersPerTopic());
    }

    static Map<String, Object> producerConfigs(DragomanProperties.Kafka kafka, Duration timeout) {
        Map<String, Object> configs = new HashMap<>(clientConfigs(kafka));
        // acknowledged by every in-sync replica, and no duplicates from the producer's own retries
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // The delivery timeout bounds an attempt, as it does for HTTP: the producer gives up by then
        // (Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms).
        long timeoutMillis = Math.max(timeout.toMillis(), LINGER.toMillis() + 1);
        configs.put(ProducerConfig.LINGER_MS_CONFIG, (int) LINGER.toMillis());
        configs.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, timeoutMillis - LINGER.toMillis()));
        configs.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMillis);
        configs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        return configs;
    }

    static Map<String, Object> consumerConfigs(DragomanProperties.Kafka kafka) {
        Map<String, Object> configs = new HashMap<>(clientConfigs(kafka));
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId());
        // Offsets are committed by the container after each stored event, never on a timer.
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A group's first start reads what was published before it, rather than losing it.
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Events of an aborted producer transaction were never published.
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return configs;
    }

    static Map<String, Object> clientConfigs(DragomanProperties.Kafka kafka) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        configs.putAll(kafka.properties());
        return configs;
    }

    /** On when bootstrap-servers holds something: an empty value, the default, is off. */
    static final class KafkaOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(Binder.get(context.getEnvironment()).bind("dragoman.events.kafka.bootstrap-servers", String.class)
                    .orElse(""));
        }
    }
}
