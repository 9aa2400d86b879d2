package dev.dragoman.gateway.outbox;

import dev.dragoman.gateway.config.DragomanProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The Kafka client settings built from Dragoman's own ({@code dragoman.events.kafka.*}), and the
 * condition that Kafka is on. Built here rather than by Boot's Kafka auto-configuration, so that
 * nothing Kafka exists while Kafka is off; the intake's consumers start from the same settings.
 */
public final class KafkaClients {

    /** The producer's linger: a few milliseconds batch the copies of one claim. */
    private static final Duration LINGER = Duration.ofMillis(5);

    private KafkaClients() {
    }

    public static Map<String, Object> producerConfigs(DragomanProperties.Kafka kafka, Duration timeout) {
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

    public static Map<String, Object> clientConfigs(DragomanProperties.Kafka kafka) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        configs.putAll(kafka.properties());
        return configs;
    }

    /** On when bootstrap-servers holds something: an empty value, the default, is off. */
    public static final class KafkaOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(Binder.get(context.getEnvironment()).bind("dragoman.events.kafka.bootstrap-servers", String.class)
                    .orElse(""));
        }
    }
}
