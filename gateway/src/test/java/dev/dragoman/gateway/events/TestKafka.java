package dev.dragoman.gateway.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, no ZooKeeper) that the tests start in their own JVM from Maven's
 * kafka jars, once per JVM, with a producer and a reader for the tests' side of the topics.
 * Topics are not created on first use, so a missing one stays missing.
 *
 * <p>As an extension of the test classes that use it, it stops the broker when the last test has
 * run: at JVM exit Kafka's own hook deletes the broker's directory, under a broker still running.
 */
public final class TestKafka implements BeforeAllCallback {

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, byte[]> producer;

    TestKafka() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(TestKafka.class))
                .computeIfAbsent("broker", key -> (AutoCloseable) TestKafka::stop);
    }

    private static synchronized void stop() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        if (broker != null) {
            broker.destroy();
            broker = null;
        }
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 2);
            started.brokerProperty("auto.create.topics.enable", "false");
            // The broker's controller logs any event slower than 2 s at ERROR; on a loaded machine it
            // says so in the middle of other tests, which hold the gateway's log free of ERROR lines.
            started.brokerProperty("controller.performance.always.log.threshold.ms", "600000");
            started.afterPropertiesSet();
            broker = started;
        }
        return broker.getBrokersAsString();
    }

    /** Creates topics of {@code partitions} partitions, once per name. */
    static synchronized void createTopics(int partitions, String... topics) {
        bootstrapServers();
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!broker.getTopics().contains(topic)) {
                missing.add(new NewTopic(topic, partitions, (short) 1));
            }
        }
        broker.addTopics(missing.toArray(NewTopic[]::new));
    }

    /** Produces a record and waits for the broker's acknowledgement; headers alternate name, value. */
    static void produce(String topic, Integer partition, String key, String value, String... headers) {
        produceBytes(topic, partition, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Produces a record whose value is these bytes, as {@link #produce}. */
    static void produceBytes(String topic, Integer partition, String key, byte[] value, String... headers) {
        List<Header> list = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            list.add(new RecordHeader(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        try {
            producer().send(new ProducerRecord<>(topic, partition, key, value, list))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + topic, e);
        }
    }

    /** A structured-mode CloudEvent record. */
    static void produceStructured(String topic, Integer partition, String key, String event) {
        produce(topic, partition, key, event, "content-type", "application/cloudevents+json");
    }

    /**
     * Every record Dragoman has sent to the topic, each read by the CloudEvents SDK's Kafka
     * binding as a receiver would ({@link CloudEventOracle}): a record it refuses fails the test.
     */
    static List<ConsumerRecord<String, byte[]>> readCopies(String topic) {
        List<ConsumerRecord<String, byte[]>> records = readAll(topic);
        records.forEach(CloudEventOracle::read);
        return records;
    }

    /** Every record now on the topic, from its beginning, read without a consumer group. */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }
}
