package dev.dragoman.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Dragoman's own settings, under {@code dragoman.*}.
 *
 * @param contextMaps Directory of the context-map YAML files the gateway serves (environment variable DRAGOMAN_CONTEXT_MAPS).
 * @param callers API keys per calling context: dragoman.callers.<context>.api-keys (a list, so keys can be rotated).
 * @param admin API keys of the admin API under /admin/.
 * @param openDevelopmentMode Serves without any caller keys: every request is taken to come from its route's own context. Never in production.
 * @param maxBodySize Largest JSON body translated, request or response; a larger request is answered 413, a larger response 502.
 * @param reload How the maps directory is watched for edits.
 * @param dataDir Directory of the embedded event store (environment variable DRAGOMAN_DATA_DIR); created when missing.
 * @param events How published events are stored and delivered.
 * @param overrides Where routes and inboxes really point, replacing the maps' URLs without editing them (tests, local runs).
 */
@ConfigurationProperties("dragoman")
@Validated
public record DragomanProperties(
        @NotNull @DefaultValue("context-maps") Path contextMaps,
        @DefaultValue Map<String, @Valid Caller> callers,
        @Valid @DefaultValue Admin admin,
        @DefaultValue("false") boolean openDevelopmentMode,
        @NotNull @DefaultValue("10MB") DataSize maxBodySize,
        @Valid @DefaultValue Reload reload,
        @NotNull @DefaultValue("data") Path dataDir,
        @Valid @DefaultValue Events events,
        @Valid @DefaultValue Overrides overrides) {

    public DragomanProperties {
        overrides = overrides == null ? Overrides.NONE : overrides;
    }

    /**
     * One calling context's credentials.
     *
     * @param apiKeys Keys that prove a caller belongs to this context (header X-Api-Key).
     */
    public record Caller(@DefaultValue List<String> apiKeys) {
    }

    /**
     * The admin API's credentials, which also guard the actuator (docs/OPERATIONS.md).
     *
     * @param apiKeys Keys accepted by the admin API and the actuator (header X-Api-Key).
     * @param openPrometheus Serves /actuator/prometheus without a key, for a scraper that cannot send one; only where callers cannot reach the port.
     */
    public record Admin(@DefaultValue List<String> apiKeys, @DefaultValue("false") boolean openPrometheus) {

        @ConstructorBinding
        public Admin {
        }

        public Admin(List<String> apiKeys) {
            this(apiKeys, false);
        }
    }

    /**
     * Hot reload of the maps directory.
     *
     * @param watch Whether edits in the directory are picked up without a restart.
     * @param debounce Quiet time after the last change before reloading, so that an editor's burst of writes is one reload.
     */
    public record Reload(@DefaultValue("true") boolean watch, @NotNull @DefaultValue("500ms") Duration debounce) {
    }

    /**
     * Publishing and delivering events (SPEC section 5).
     *
     * @param defaultDeadline Deadline of an event that carries none and whose map entry and saga name none either.
     * @param maxEventSize Largest CloudEvent accepted by POST /events; a larger one is answered 413.
     * @param outcomeWindow How long a saga's outcome and compensation events are retried: they are sent at or after the saga's end, often past its deadline, so that deadline cannot bound them.
     * @param delivery How copies are delivered to the subscribers' inboxes.
     * @param kafka Kafka as a transport: inboxes written kafka:<topic>, and topics events are published on.
     * @param retention How long ended sagas, delivered copies and accepted events are kept before the clean-up removes them (ISO-8601, such as P7D).
     * @param refusedRetention How long expired and rejected copies, which an operator may re-send, are kept (and the ended sagas they belong to).
     * @param cleanup How the clean-up that applies the retention runs.
     * @param intake How published events are stored: group commit.
     */
    public record Events(
            @NotNull @DefaultValue("1h") Duration defaultDeadline,
            @NotNull @DefaultValue("1MB") DataSize maxEventSize,
            @NotNull @DefaultValue("1d") Duration outcomeWindow,
            @Valid @DefaultValue Delivery delivery,
            @Valid @DefaultValue Kafka kafka,
            @NotNull @DefaultValue("P7D") Duration retention,
            @NotNull @DefaultValue("P30D") Duration refusedRetention,
            @Valid @DefaultValue Cleanup cleanup,
            @Valid @DefaultValue Intake intake) {
    }

    /**
     * Group commit of published events (docs/EVENTS.md, "Performance settings"): events published at the same time are stored in one transaction, each answered 202 after that commit.
     *
     * @param batchSize Most events stored per transaction; 1 turns group commit off (one transaction per event).
     * @param window How long a batch that is not full waits for more events after its first; 0 takes only the events already waiting (those that arrived during the previous commit).
     */
    public record Intake(
            @Positive @Max(1000) @DefaultValue("64") int batchSize,
            @NotNull @DefaultValue("0ms") Duration window) {
    }

    /**
     * The clean-up of the event store (docs/EVENTS.md, "Retention"): one gateway at a time removes a batch per transaction.
     *
     * @param batchSize Rows of each kind removed per transaction.
     * @param interval How often each gateway looks for rows past their retention (one of those sharing a database runs at a time).
     * @param lease How long a gateway holds the clean-up before another may take it, should it die; a run stops after half of it.
     */
    public record Cleanup(
            @Positive @DefaultValue("200") int batchSize,
            @NotNull @DefaultValue("5m") Duration interval,
            @NotNull @DefaultValue("10m") Duration lease) {
    }

    /**
     * Kafka as a transport (docs/EVENTS.md, "Kafka").
     *
     * @param bootstrapServers Kafka brokers to connect to, host:port[,host:port...]; empty leaves Kafka off, and copies for a kafka: inbox are rejected.
     * @param groupId Consumer group of the inbound topics: the gateway instances sharing it share the topics' partitions.
     * @param topics Topics the gateway takes published events from, each with the context that publishes on it.
     * @param properties Further Kafka client settings for every producer and consumer (security.protocol, sasl.*, ssl.*), as Kafka names them.
     * @param maxConsumersPerTopic Most consumers (threads) an instance runs for one inbound topic: one per partition up to this, so a failing record holds up only its own partition.
     */
    public record Kafka(
            @DefaultValue("") String bootstrapServers,
            @NotBlank @DefaultValue("dragoman") String groupId,
            @DefaultValue List<@Valid InboundTopic> topics,
            @DefaultValue Map<String, String> properties,
            @Positive @DefaultValue("8") int maxConsumersPerTopic) {

        /** Whether Kafka is on. */
        public boolean enabled() {
            return bootstrapServers != null && !bootstrapServers.isBlank();
        }
    }

    /**
     * A topic events are published on.
     *
     * @param topic The Kafka topic.
     * @param context The context that publishes on it: its events are checked and translated as if that context's key had sent them to POST /events.
     */
    public record InboundTopic(@NotBlank String topic, @NotBlank String context) {
    }

    /**
     * Delivery from the outbox, with retries until the deadline.
     *
     * @param timeout Longest wait for an inbox's answer; no answer in time is retried like a network error.
     * @param firstRetry Wait before the first retry; each further retry waits twice as long (with jitter).
     * @param maxRetry Longest wait between two attempts.
     * @param pollInterval How often the outbox is looked at for due deliveries and due deadlines.
     * @param batchSize Most deliveries claimed at once by one instance.
     * @param lease How long a claimed delivery stays with its instance before another may take it (a crashed instance's work is picked up after this).
     */
    public record Delivery(
            @NotNull @DefaultValue("10s") Duration timeout,
            @NotNull @DefaultValue("500ms") Duration firstRetry,
            @NotNull @DefaultValue("1m") Duration maxRetry,
            @NotNull @DefaultValue("200ms") Duration pollInterval,
            @Positive @DefaultValue("32") int batchSize,
            @NotNull @DefaultValue("1m") Duration lease) {
    }

    /**
     * URLs that replace the ones the maps declare, so that the same maps can run against stand-ins
     * (the map tests' WireMock servers, a local copy of a department) without being edited. A key
     * holding dots is written in brackets: dragoman.overrides.upstreams[my.route]=...
     *
     * @param upstreams Upstream per route id, replacing the route's upstream: dragoman.overrides.upstreams.<route-id>=http://127.0.0.1:9999.
     * @param inboxes Where a context's events go, replacing its inbox and any delivery's own endpoint: dragoman.overrides.inboxes.<context>=http://127.0.0.1:9999/events.
     */
    public record Overrides(@DefaultValue Map<String, URI> upstreams, @DefaultValue Map<String, String> inboxes) {

        /** The maps' URLs as they are. */
        public static final Overrides NONE = new Overrides(Map.of(), Map.of());

        public Overrides {
            upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
            inboxes = inboxes == null ? Map.of() : Map.copyOf(inboxes);
        }

        /** The upstream a route forwards to: its override, or the one its map declares. */
        public URI upstream(String routeId, URI declared) {
            return upstreams.getOrDefault(routeId, declared);
        }

        /** Where a context's copies go: its override, or the inbox or endpoint its map declares (null when none). */
        public String inbox(String context, String declared) {
            return inboxes.getOrDefault(context, declared);
        }
    }
}
