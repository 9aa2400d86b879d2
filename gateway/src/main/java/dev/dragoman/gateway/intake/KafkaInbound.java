package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.metrics.EventMetrics;
import io.cloudevents.CloudEvent;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
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
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Takes published events from the configured Kafka topics, as {@code POST /events} takes them
 * from HTTP: the same reading, checks, translation and idempotency ({@link EventFrontDoor}), with
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
 * A record waiting for its next attempt holds up its own partition only: each topic has its own
 * container, with a consumer per partition (up to {@code max-consumers-per-topic}).
 */
public final class KafkaInbound implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaInbound.class);

    /** Attempts of a record that fails for a reason not its own, before it goes to the dead-letter topic. */
    public static final int ATTEMPTS = 3;
    static final String DEAD_LETTER_SUFFIX = ".dlt";
    /** How long the start waits for the broker to count a topic's partitions. */
    private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfigs;
    private final Map<String, Object> producerConfigs;
    private volatile DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers;
    private volatile BiConsumer<ConsumerRecord<?, ?>, Exception> deadLetters;
    private final Map<String, String> contexts = new LinkedHashMap<>();
    private final EventFrontDoor frontDoor;
    private final EventMetrics metrics;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxConsumersPerTopic;
    private volatile Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>> containers = Map.of();
    private volatile ObservationRegistry observations;

    /**
     * @param consumerConfigs the consumers' settings, with the group id (KafkaConfiguration)
     * @param producerConfigs the settings of the producer that writes to the dead-letter topics
     */
    KafkaInbound(Map<String, Object> consumerConfigs, Map<String, Object> producerConfigs, List<DragomanProperties.InboundTopic> topics,
            EventFrontDoor frontDoor, EventMetrics metrics, Duration firstRetry, Duration maxRetry, int maxConsumersPerTopic) {
        this.consumerConfigs = Map.copyOf(consumerConfigs);
        this.producerConfigs = Map.copyOf(producerConfigs);
        for (DragomanProperties.InboundTopic topic : topics) {
            String before = contexts.putIfAbsent(topic.topic(), topic.context());
            if (before != null && !before.equals(topic.context())) {
                throw new IllegalArgumentException("dragoman.events.kafka.topics names topic " + topic.topic() + " twice, for " + before
                        + " and for " + topic.context() + ": one topic has one publishing context");
            }
        }
        this.frontDoor = frontDoor;
        this.metrics = metrics;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.maxConsumersPerTopic = maxConsumersPerTopic;
    }

    /**
     * Takes each record in an observation of spring-kafka's own, so that the record's
     * {@code traceparent} header continues into its copies (docs/EVENTS.md, "Tracing"). Before {@link #start}.
     */
    void observedBy(ObservationRegistry registry) {
        this.observations = registry;
    }

    void onRecord(ConsumerRecord<byte[], byte[]> record) {
        String context = contexts.get(record.topic());
        try {
            CloudEvent event = frontDoor.read(record.headers(), record.value());
            Accepted accepted = frontDoor.accept(context, event);
            log.debug("Took {} {} from Kafka topic {} (partition {}, offset {}){}", accepted.type(), accepted.id(), record.topic(),
                    record.partition(), record.offset(), accepted.duplicate() ? ", a duplicate" : "");
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
        frontDoor.refused(problem);
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

    /**
     * Whether every consumer of every inbound topic has partitions of its own: the group has
     * settled. Until then a consumer that joins late takes partitions from another mid-read, and a
     * record in its attempts starts its count again on the new owner (at least once, as Kafka
     * reads). Tests that count attempts wait for this.
     */
    public boolean everyConsumerAssigned() {
        return !containers.isEmpty() && containers.values().stream().allMatch(container -> {
            Map<String, java.util.Collection<TopicPartition>> byConsumer = container.getAssignmentsByClientId();
            return byConsumer != null && byConsumer.size() == container.getConcurrency()
                    && byConsumer.values().stream().allMatch(partitions -> partitions != null && !partitions.isEmpty());
        });
    }

    /** The partitions of the inbound topics this instance reads now (tests wait for them). */
    public Set<TopicPartition> assignedPartitions() {
        Set<TopicPartition> assigned = new HashSet<>();
        containers.values().forEach(container -> assigned.addAll(container.getAssignedPartitions()));
        return assigned;
    }

    @Override
    public void start() {
        if (contexts.isEmpty()) {
            return;
        }
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumerConfigs, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        deadLetterProducers = new DefaultKafkaProducerFactory<>(producerConfigs, new ByteArraySerializer(), new ByteArraySerializer());
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(deadLetterProducers),
                // any partition: the dead-letter topic need not have as many as the topic
                (record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        deadLetters = recoverer;
        Map<String, Integer> partitions = partitionCounts(consumers);
        Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>> started = new LinkedHashMap<>();
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        // A container's consumers wait out a failing record's backoff on their own thread: one container per topic, and a consumer per
        // partition, so that the wait holds up that partition alone.
        try {
            for (String topic : contexts.keySet()) {
                ConcurrentMessageListenerContainer<byte[], byte[]> container = container(consumers, topic);
                concurrency.put(topic, Math.min(partitions.getOrDefault(topic, maxConsumersPerTopic), maxConsumersPerTopic));
                container.setConcurrency(concurrency.get(topic));
                started.put(topic, container);
                container.start();
            }
        } finally {
            // so that stop() stops those started before one that did not start
            containers = Map.copyOf(started);
        }
        log.info("Taking published events from Kafka topics {} (consumer group {}), with consumers {}", contexts,
                consumerConfigs.get("group.id"), concurrency);
    }

    private ConcurrentMessageListenerContainer<byte[], byte[]> container(DefaultKafkaConsumerFactory<byte[], byte[]> consumers, String topic) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener((MessageListener<byte[], byte[]>) this::onRecord);
        if (observations != null) {
            properties.setObservationEnabled(true);
            properties.setObservationRegistry(observations);
        }
        ConcurrentMessageListenerContainer<byte[], byte[]> container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        ExponentialBackOff storeBackOff = new ExponentialBackOff(firstRetry.toMillis(), 2.0);
        storeBackOff.setMaxInterval(maxRetry.toMillis());
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(ATTEMPTS - 1);
        bounded.setInitialInterval(firstRetry.toMillis());
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(maxRetry.toMillis());
        DefaultErrorHandler errors = new DefaultErrorHandler(this::deadLetter, bounded);
        errors.setBackOffFunction((record, failure) -> storeUnavailable(failure) ? storeBackOff : null);
        // a failure of another kind starts the count of attempts afresh (the default, said here because it matters)
        errors.setResetStateOnExceptionChange(true);
        // onRecord and deadLetter log each failure once, in their own words
        errors.setLogLevel(KafkaException.Level.DEBUG);
        container.setCommonErrorHandler(errors);
        container.setBeanName("dragoman-kafka-inbound-" + topic);
        return container;
    }

    /**
     * Each topic's partitions, as the broker counts them at start. A topic the broker does not answer for gets the most consumers
     * allowed, so that its partitions, once there, do not share one; once the broker has not answered in time, it is not asked
     * again, so that a broker out of reach holds up the start once only.
     */
    private Map<String, Integer> partitionCounts(DefaultKafkaConsumerFactory<byte[], byte[]> consumers) {
        Map<String, Integer> counts = new HashMap<>();
        try (Consumer<byte[], byte[]> consumer = consumers.createConsumer()) {
            for (String topic : contexts.keySet()) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, PARTITIONS_TIMEOUT);
                if (partitions == null || partitions.isEmpty()) {
                    log.warn("Kafka topic {} has no partitions the broker knows of: reading it with {} consumers"
                            + " (dragoman.events.kafka.max-consumers-per-topic); create it", topic, maxConsumersPerTopic);
                } else {
                    counts.put(topic, partitions.size());
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            log.warn("Could not count the partitions of the inbound Kafka topics ({}): reading those not counted with {} consumers each"
                    + " (dragoman.events.kafka.max-consumers-per-topic)", e.getMessage(), maxConsumersPerTopic);
        }
        return counts;
    }

    @Override
    public void stop() {
        Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>> current = containers;
        containers = Map.of();
        current.values().forEach(ConcurrentMessageListenerContainer::stop);
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
        return !containers.isEmpty();
    }
}
