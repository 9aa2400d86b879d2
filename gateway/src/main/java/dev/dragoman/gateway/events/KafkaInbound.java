package dev.dragoman.gateway.events;

import dev.dragoman.gateway.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.problem.Problem;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Takes published events from the configured Kafka topics, as {@code POST /events} takes them
 * from HTTP: the same reading, checks, translation and idempotency ({@link EventIntake}), with
 * the topic's context as the publisher.
 *
 * <p>An offset is committed only after its record's event is stored (AckMode RECORD: after the
 * listener returns). A refused event cannot be answered, so it is logged, counted and skipped.
 * Any other failure (the database out of reach) leaves the offset where it is, and the record is
 * read again with backoff, for as long as it takes: a record is never skipped for being early.
 */
final class KafkaInbound implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaInbound.class);

    private final Map<String, Object> consumerConfigs;
    private final Map<String, String> contexts = new LinkedHashMap<>();
    private final EventIntake intake;
    private final EventMetrics metrics;
    private final int maxEventSize;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private volatile ConcurrentMessageListenerContainer<byte[], byte[]> container;

    /** @param consumerConfigs the consumers' settings, with the group id (KafkaConfiguration) */
    KafkaInbound(Map<String, Object> consumerConfigs, List<DragomanProperties.InboundTopic> topics, EventIntake intake, EventMetrics metrics,
            int maxEventSize, Duration firstRetry, Duration maxRetry) {
        this.consumerConfigs = Map.copyOf(consumerConfigs);
        for (DragomanProperties.InboundTopic topic : topics) {
            String before = contexts.putIfAbsent(topic.topic(), topic.context());
            if (before != null && !before.equals(topic.context())) {
                throw new IllegalArgumentException("dragoman.events.kafka.topics names topic " + topic.topic() + " twice, for " + before
                        + " and for " + topic.context() + ": one topic has one publishing context");
            }
        }
        this.intake = intake;
        this.metrics = metrics;
        this.maxEventSize = maxEventSize;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        String context = contexts.get(record.topic());
        try {
            if (record.value() != null && record.value().length > maxEventSize) {
                refuse(record, context, Problem.of(HttpStatus.CONTENT_TOO_LARGE, "event-too-large", "Event too large", "the event is larger than "
                        + maxEventSize + " bytes (dragoman.events.max-event-size)"));
                return;
            }
            CloudEvent event = CloudEventReader.read(record.headers(), record.value());
            Accepted accepted = intake.accept(context, event);
            log.debug("Took {} {} from Kafka topic {} (partition {}, offset {}){}", accepted.type(), accepted.id(), record.topic(),
                    record.partition(), record.offset(), accepted.duplicate() ? ", a duplicate" : "");
        } catch (InvalidEventException e) {
            refuse(record, context, EventProblems.invalid(e.getMessage()));
        } catch (IntakeRefusedException e) {
            refuse(record, context, e.problem());
        } catch (DataAccessException e) {
            // the store is away: the record is read again, with backoff, and its offset not committed
            metrics.inboundRetried(record.topic());
            throw e;
        }
    }

    /** Logged and counted like a refusal at {@code POST /events}; the record is then committed, since no one waits for an answer. */
    private void refuse(ConsumerRecord<byte[], byte[]> record, String context, ProblemDetail problem) {
        String type = problem.getType().toString();
        metrics.refused(type.substring(type.lastIndexOf('/') + 1));
        log.warn("Skipped the record at offset {} of Kafka topic {} partition {} (published by {}): {} {}: {}", record.offset(),
                record.topic(), record.partition(), context, problem.getStatus(), problem.getTitle(), problem.getDetail());
    }

    /** The listener container, once started (tests wait for its partitions). */
    ConcurrentMessageListenerContainer<byte[], byte[]> container() {
        return container;
    }

    @Override
    public void start() {
        if (contexts.isEmpty()) {
            return;
        }
        ContainerProperties properties = new ContainerProperties(contexts.keySet().toArray(String[]::new));
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener((MessageListener<byte[], byte[]>) this::onRecord);
        ConcurrentMessageListenerContainer<byte[], byte[]> started = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(consumerConfigs, new ByteArrayDeserializer(), new ByteArrayDeserializer()), properties);
        ExponentialBackOff backOff = new ExponentialBackOff(firstRetry.toMillis(), 2.0);
        backOff.setMaxInterval(maxRetry.toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
        // A failure here is the store's, never the record's: the same record is read again, not skipped.
        errors.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        started.setCommonErrorHandler(errors);
        started.setBeanName("dragoman-kafka-inbound");
        started.start();
        container = started;
        log.info("Taking published events from Kafka topics {} (consumer group {})", contexts, consumerConfigs.get("group.id"));
    }

    @Override
    public void stop() {
        ConcurrentMessageListenerContainer<byte[], byte[]> current = container;
        container = null;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null;
    }
}
