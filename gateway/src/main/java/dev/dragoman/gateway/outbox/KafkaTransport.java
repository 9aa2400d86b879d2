package dev.dragoman.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * Delivers a copy whose endpoint is {@code kafka:<topic>} to that topic, in the CloudEvents
 * Kafka binding's structured mode: the value is the stored JSON event, byte for byte, with the
 * header {@code content-type: application/cloudevents+json}. The key is the copy's
 * {@code sagaid} (else its event id), so one saga's copies go to one partition.
 *
 * <p>The broker's acknowledgement (acks=all, idempotent producer) is delivered. Errors Kafka
 * calls retriable, and no acknowledgement in time, are retried; any other error of the broker
 * (record too large, not authorized, invalid topic) and a topic that does not exist are rejected.
 */
public final class KafkaTransport implements Transport {

    static final String SCHEME = "kafka";
    static final String CONTENT_TYPE = "application/cloudevents+json";

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final Admin admin;
    private final Duration timeout;
    /**
     * Sends off the delivery worker's thread: a producer's send blocks until it has the topic's
     * metadata (up to max.block.ms), which would hold up every other copy of the batch.
     */
    private final ExecutorService sending = Executors.newFixedThreadPool(2, DaemonThreads.named("dragoman-kafka-send"));

    /**
     * @param producerConfigs the producer's settings (KafkaConfiguration)
     * @param adminConfigs the settings of the admin client that tells a missing topic from a broker out of reach
     */
    public KafkaTransport(Map<String, Object> producerConfigs, Map<String, Object> adminConfigs, Duration timeout) {
        this.producers = new DefaultKafkaProducerFactory<>(producerConfigs, new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
        // The delivery worker logs every attempt's outcome; the template's own ERROR line per failure would repeat it.
        this.template.setProducerListener(new ProducerListener<>() { });
        this.admin = Admin.create(adminConfigs);
        this.timeout = timeout;
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    @Override
    public CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout) {
        return send(copy, timeout, Map.of());
    }

    /**
     * The trace headers become record headers ({@code traceparent}, {@code tracestate}: W3C Trace
     * Context as Kafka instrumentations read it), beside the extension inside the value.
     */
    @Override
    public CompletableFuture<Answer> send(EventStore.Claimed copy, Duration timeout, Map<String, String> traceHeaders) {
        String topic = copy.endpoint().substring(SCHEME.length() + 1);
        List<Header> headers = new ArrayList<>();
        headers.add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        traceHeaders.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, copy.sagaId() != null ? copy.sagaId() : copy.eventId(),
                copy.payload(), headers);
        // The wait for the topic's metadata is bounded by the producer (max.block.ms), and only
        // the wait for the acknowledgement here, so that a missing topic is told from a slow broker.
        return CompletableFuture.supplyAsync(() -> template.send(record), sending)
                .thenCompose(sent -> sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .handle((result, error) -> error == null ? CompletableFuture.completedFuture(Answer.delivered()) : failed(topic, error))
                .thenCompose(answer -> answer);
    }

    private CompletableFuture<Answer> failed(String topic, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof TimeoutException) {
            return CompletableFuture.completedFuture(Answer.retry("no acknowledgement from Kafka in time", null));
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException && String.valueOf(cause.getMessage()).contains("not present in metadata")) {
            // The producer says the same when the topic does not exist and when no broker answers;
            // only the first is for good, so ask.
            return topicMissing(topic).thenApply(missing -> missing
                    ? Answer.rejected("Kafka topic " + topic + " does not exist: create it, or correct the inbox 'kafka:" + topic + "'")
                    : Answer.retry(describe(cause), null));
        }
        if (cause instanceof RetriableException || !(cause instanceof ApiException)) {
            return CompletableFuture.completedFuture(Answer.retry(describe(cause), null));
        }
        return CompletableFuture.completedFuture(Answer.rejected(describe(cause) + " (topic " + topic + "): a permanent refusal"));
    }

    private CompletableFuture<Boolean> topicMissing(String topic) {
        return admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .allTopicNames().toCompletionStage().toCompletableFuture()
                .handle((topics, error) -> error != null && unwrap(error) instanceof UnknownTopicOrPartitionException);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        // Spring's KafkaException (and its KafkaProducerException) wraps the client's own
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof org.springframework.kafka.KafkaException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        sending.shutdownNow();
        admin.close(Duration.ofSeconds(1));
        producers.destroy();
    }

    @Override
    public String toString() {
        return "KafkaTransport";
    }
}
