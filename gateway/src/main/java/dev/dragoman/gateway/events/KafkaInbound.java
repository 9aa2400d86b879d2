package dev.dragoman.gateway.events;

import dev.dragoman.gateway.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import dev.dragoman.gateway.problem.Problem;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
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
 * listener returns). What becomes of a record that is not stored depends on whose fault it is:
 * <ul>
 * <li>the record's own (what {@code POST /events} answers with a 4xx): logged, counted and
 *     skipped, since no one waits for an answer and reading it again would change nothing;</li>
 * <li>the event store out of reach: read again with backoff for as long as it takes, since every
 *     other record would fail the same way and none may be skipped for being early;</li>
 * <li>anything else (a resolver that does not answer, a failure of Dragoman's own): a bounded
 *     number of attempts with backoff, then the record goes to the dead-letter topic
 *     {@code <topic>.dlt}, is counted and logged once, and the partition moves on.</li>
 * </ul>
 */
final class KafkaInbound implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaInbound.class);

    /** Attempts of a record that fails for a reason not its own, before it goes to the dead-letter topic. */
    static final int ATTEMPTS = 3;
    static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final Map<String, Object> consumerConfigs;
    private final Map<String, Object> producerConfigs;
    private volatile DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers;
    private volatile BiConsumer<ConsumerRecord<?, ?>, Exception> deadLetters;
    private final Map<String, String> contexts = new LinkedHashMap<>();
    private final EventIntake intake;
    private final EventMetrics metrics;
    private final int maxEventSize;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private volatile ConcurrentMessageListenerContainer<byte[], byte[]> container;

    /**
     * @param consumerConfigs the consumers' settings, with the group id (KafkaConfiguration)
     * @param producerConfigs the settings of the producer that writes to the dead-letter topics
     */
    KafkaInbound(Map<String, Object> consumerConfigs, Map<String, Object> producerConfigs, List<DragomanProperties.InboundTopic> topics,
            EventIntake intake, EventMetrics metrics, int maxEventSize, Duration firstRetry, Duration maxRetry) {
        this.consumerConfigs = Map.copyOf(consumerConfigs);
        this.producerConfigs = Map.copyOf(producerConfigs);
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
            if (e.problem().getStatus() >= 500) {
                // "not now" (a resolver that did not answer): not the record's fault, so not skipped
                throw new NotTakenYetException(e.problem().getDetail(), e);
            }
            refuse(record, context, e.problem());
        } catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
                | CannotCreateTransactionException e) {
            // the store is away: the record is read again, with backoff, and its offset not committed
            metrics.inboundRetried(record.topic());
            log.warn("Could not store the record at offset {} of Kafka topic {} partition {}: the event store is unavailable ({}); it is"
                    + " read again", record.offset(), record.topic(), record.partition(), NestedExceptionUtils.getMostSpecificCause(e)
                    .getMessage());
            throw new StoreUnavailableException(e);
        }
    }

    /** Logged and counted like a refusal at {@code POST /events}; the record is then committed, since no one waits for an answer. */
    private void refuse(ConsumerRecord<byte[], byte[]> record, String context, ProblemDetail problem) {
        String type = problem.getType().toString();
        metrics.refused(type.substring(type.lastIndexOf('/') + 1));
        log.warn("Skipped the record at offset {} of Kafka topic {} partition {} (published by {}): {} {}: {}", record.offset(),
                record.topic(), record.partition(), context, problem.getStatus(), problem.getTitle(), problem.getDetail());
    }

    /** After the last attempt: to {@code <topic>.dlt}, counted, and one WARN line with the cause. */
    private void deadLetter(ConsumerRecord<?, ?> record, Exception failure) {
        deadLetters.accept(record, failure);
        metrics.inboundDeadLettered(record.topic());
        Throwable cause = rootCause(failure);
        log.warn("Gave up on the record at offset {} of Kafka topic {} partition {} after its last attempt (at most {}) and sent it to"
                + " {}{}: {}", record.offset(), record.topic(), record.partition(), ATTEMPTS, record.topic(), DEAD_LETTER_SUFFIX,
                cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    /** What went wrong, in words: the refusal's detail, or the innermost exception. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof NotTakenYetException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean storeUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
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
        ExponentialBackOff storeBackOff = new ExponentialBackOff(firstRetry.toMillis(), 2.0);
        storeBackOff.setMaxInterval(maxRetry.toMillis());
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(ATTEMPTS - 1);
        bounded.setInitialInterval(firstRetry.toMillis());
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(maxRetry.toMillis());
        deadLetterProducers = new DefaultKafkaProducerFactory<>(producerConfigs, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(deadLetterProducers),
                // any partition: the dead-letter topic need not have as many as the topic
                (record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        deadLetters = recoverer;
        DefaultErrorHandler errors = new DefaultErrorHandler(this::deadLetter, bounded);
        errors.setBackOffFunction((record, failure) -> storeUnavailable(failure) ? storeBackOff : null);
        // a failure of another kind starts the count of attempts afresh (the default, said here because it matters)
        errors.setResetStateOnExceptionChange(true);
        // onRecord and deadLetter log each failure once, in their own words
        errors.setLogLevel(KafkaException.Level.DEBUG);
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
        if (deadLetterProducers != null) {
            deadLetterProducers.destroy();
        }
    }

    /** The store could not be reached: read the record again for as long as that lasts. */
    static final class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(RuntimeException cause) {
            super("the event store is unavailable", cause);
        }
    }

    /** Not taken now for a reason that is not the record's (a resolver that did not answer): a few more attempts, then the dead-letter topic. */
    static final class NotTakenYetException extends RuntimeException {
        NotTakenYetException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public boolean isRunning() {
        return container != null;
    }
}
