package dev.dragoman.bench.kit;

import dev.dragoman.kit.autoconfigure.DragomanKitProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay draining a backlog: {@code --events} events published by the service in one
 * transaction (so that all are in the outbox when the relay wakes at its commit), sent by the kit's
 * relay to {@link AcceptingSink} on loopback; throughput is events over the time from the commit to
 * the last row marked {@code SENT} (its {@code finished_at}). Each relay setting is its own service
 * (its own Spring context and database) in this JVM, and the rounds alternate between them. The
 * baseline, in the same rounds: the same number of structured CloudEvents of the same size POSTed
 * one after another by the JDK's HTTP client (the kit's), with no database: the HTTP floor of any
 * relay that sends one event per request.
 *
 * <p>With {@code --gateway URL} one more service sends, with the kit's defaults, to a real Dragoman
 * (the production path): its events are {@code --gateway-type} events of the context whose key is
 * {@code --gateway-key}, each of which Dragoman stores and delivers as {@code --gateway-copies}
 * copies; its maps point the inboxes at this sink ({@code --sink-port}), and each round waits until
 * every copy has arrived, so that no round's deliveries spill into the next. It takes
 * {@code --gateway-events} events per round (default 1,000): the relay sends one event at a time,
 * so against a gateway that commits each event before answering it is latency-bound.
 *
 * <pre>
 * RelayThroughput [--events 10000] [--rounds 3] [--warmup 2000] [--database h2|postgresql]
 *                 [--setting name,property=value,...]... [--sink-port 0]
 *                 [--gateway URL [--gateway-key k] [--gateway-type t] [--gateway-copies 2]
 *                 [--gateway-events 1000]] [--json file]
 * </pre>
 * Without {@code --setting}: the kit's defaults, and a batch of 1,000.
 */
public final class RelayThroughput {

    private static final String TYPE = "bench.recorded";

    /**
     * @param gateway {@code null} for the sink; otherwise a real Dragoman, which delivers {@code copies} copies of each event
     * @param events  events per measured round, 0 for {@code --events}
     */
    record Setting(String name, List<String> properties, String type, String gateway, int copies, int events) {

        static Setting toSink(String name, List<String> properties) {
            return new Setting(name, properties, TYPE, null, 0, 0);
        }

        int events(int round, int common, int warmup) {
            int measured = events > 0 ? events : common;
            return round == 0 ? Math.min(warmup, measured) : measured;
        }
    }

    record Result(int round, String name, int events, double seconds, double perSecond) {
    }

    private RelayThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = 10_000;
        int rounds = 3;
        int warmup = 2_000;
        String database = "h2";
        String json = null;
        int sinkPort = 0;
        String gateway = null;
        String gatewayKey = "kit-order-key";
        String gatewayType = "order.amended";
        int gatewayCopies = 2;
        int gatewayEvents = 1_000;
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--database" -> database = args[i + 1];
                case "--json" -> json = args[i + 1];
                case "--sink-port" -> sinkPort = Integer.parseInt(args[i + 1]);
                case "--gateway" -> gateway = args[i + 1];
                case "--gateway-key" -> gatewayKey = args[i + 1];
                case "--gateway-type" -> gatewayType = args[i + 1];
                case "--gateway-copies" -> gatewayCopies = Integer.parseInt(args[i + 1]);
                case "--gateway-events" -> gatewayEvents = Integer.parseInt(args[i + 1]);
                case "--setting" -> {
                    String[] parts = args[i + 1].split(",");
                    settings.add(Setting.toSink(parts[0], List.of(parts).subList(1, parts.length)));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (settings.isEmpty()) {
            settings.add(Setting.toSink("defaults", List.of()));
            settings.add(Setting.toSink("batch 1000", List.of("dragoman.kit.relay.batch-size=1000")));
        }
        if (gateway != null) {
            List<String> toGateway = List.of("dragoman.kit.gateway-url=" + gateway, "dragoman.kit.api-key=" + gatewayKey);
            settings.add(new Setting("defaults, to Dragoman", toGateway, gatewayType, gateway, gatewayCopies, gatewayEvents));
        }

        try (AcceptingSink sink = new AcceptingSink(sinkPort)) {
            List<Service> services = new ArrayList<>();
            try {
                for (Setting setting : settings) {
                    services.add(new Service(setting, BenchDatabase.open(database, "relay-" + services.size()), sink));
                }
                HttpFloor floor = new HttpFloor(sink.url());
                List<Result> results = new ArrayList<>();
                for (int round = 0; round <= rounds; round++) {
                    int n = round == 0 ? warmup : events;
                    // Alternate who goes first, so a neighbour's burst does not always land on the same one.
                    List<Runnable> measures = new ArrayList<>();
                    for (Service service : services) {
                        int r = round;
                        int own = service.setting.events(round, events, warmup);
                        measures.add(() -> results.add(service.measure(r, own)));
                    }
                    int r = round;
                    measures.add(() -> results.add(floor.measure(r, n)));
                    java.util.Collections.rotate(measures, round);
                    for (Runnable measure : measures) {
                        measure.run();
                        Result last = results.get(results.size() - 1);
                        System.err.printf(Locale.ROOT, "round %d (%s): %s: %,d events in %.2f s, %,.0f/s%n", round,
                                round == 0 ? "warm-up" : "measured", last.name(), last.events(), last.seconds(), last.perSecond());
                    }
                }
                results.removeIf(result -> result.round() == 0);
                write(json, database, events, rounds, warmup, services, results);
            } finally {
                for (Service service : services) {
                    service.close();
                }
            }
        }
    }

    /** One service with the kit, as a department runs it, with one relay setting. */
    static final class Service implements AutoCloseable {
        final Setting setting;
        final BenchDatabase db;
        final ConfigurableApplicationContext context;
        final AcceptingSink sink;
        final JdbcClient jdbc;
        final TransactionTemplate tx;
        final BenchService.Ledger ledger;

        Service(Setting setting, BenchDatabase db, AcceptingSink sink) {
            this.setting = setting;
            this.db = db;
            this.sink = sink;
            this.context = BenchService.start(db.url(), db.user(), sink.url(), setting.properties().toArray(String[]::new));
            this.jdbc = context.getBean(JdbcClient.class);
            this.tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            this.ledger = context.getBean(BenchService.Ledger.class);
        }

        DragomanKitProperties.Relay relay() {
            return context.getBean(DragomanKitProperties.class).relay();
        }

        Result measure(int round, int events) {
            jdbc.sql("TRUNCATE TABLE dragoman_outbox").update();
            jdbc.sql("TRUNCATE TABLE ledger").update();
            long receivedBefore = sink.received();
            long copiesBefore = sink.copies();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
            AtomicReference<Instant> committed = new AtomicReference<>();
            tx.executeWithoutResult(status -> {
                // Registered before any publish, so it runs before the publisher's wake-up of the relay.
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed.set(Instant.now());
                    }
                });
                for (int i = 0; i < events; i++) {
                    ledger.recordAndPublish(setting.type(), "order-" + round + "-" + i, 10_000, deadline);
                }
            });
            await(setting.name() + ": the relay draining " + events + " events", Duration.ofMinutes(5), Duration.ofMillis(100),
                    () -> jdbc.sql("SELECT COUNT(*) FROM dragoman_outbox WHERE status = 'PENDING'").query(Long.class).single() == 0);
            long sent = jdbc.sql("SELECT COUNT(*) FROM dragoman_outbox WHERE status = 'SENT'").query(Long.class).single();
            long attempts = jdbc.sql("SELECT SUM(attempts) FROM dragoman_outbox").query(Long.class).single();
            long received = sink.received() - receivedBefore;
            if (setting.gateway() != null) {
                awaitCopies(copiesBefore + (long) setting.copies() * events);
                received = events; // Dragoman took them: every row SENT after one attempt is a 2xx
            }
            if (sent != events || attempts != events || received != events) {
                throw new IllegalStateException(setting.name() + ": " + events + " published, " + sent + " SENT after " + attempts
                        + " attempts, " + received + " received by the sink");
            }
            Instant last = jdbc.sql("SELECT MAX(finished_at) FROM dragoman_outbox").query(OffsetDateTime.class).single().toInstant();
            double seconds = Duration.between(committed.get(), last).toNanos() / 1e9;
            return new Result(round, setting.name(), events, seconds, events / seconds);
        }

        /** Dragoman delivers the copies after its 202; the next round starts when they are all in. */
        private void awaitCopies(long expected) {
            await(setting.name() + ": Dragoman delivering " + expected + " copies", Duration.ofMinutes(3), Duration.ofMillis(100),
                    () -> sink.copies() >= expected);
        }

        @Override
        public void close() throws IOException {
            context.close();
            db.close();
        }
    }

    /** The baseline: one POST after another with the JDK's HTTP client, bodies like the relay's. */
    static final class HttpFloor {
        static final String NAME = "HTTP floor (JDK client, no outbox)";
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final URI events;

        HttpFloor(String url) {
            this.events = URI.create(url + "/events");
        }

        Result measure(int round, int n) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String body = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/bench-service\","
                        + "\"type\":\"" + TYPE + "\",\"datacontenttype\":\"application/json\",\"time\":\"" + OffsetDateTime.now()
                        + "\",\"deadline\":\"" + Instant.now().plusSeconds(1800) + "\",\"data\":{\"reference\":\"order-" + round + "-" + i
                        + "\",\"amount\":10000}}";
                HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/cloudevents+json; charset=utf-8").header("X-Api-Key", "bench-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("the sink answered " + response.statusCode());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(round, NAME, n, seconds, n / seconds);
        }
    }

    private static void write(String json, String database, int events, int rounds, int warmup, List<Service> services,
            List<Result> results) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("{\"database\":\"").append(database).append("\",\"events\":").append(events).append(",\"rounds\":").append(rounds)
                .append(",\"warmup\":").append(warmup).append(",\"settings\":[");
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            DragomanKitProperties.Relay relay = s.relay();
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"properties\":\"%s\",\"type\":\"%s\",\"gateway\":%s,\"copies\":%d,\"batch_size\":%d,"
                            + "\"interval\":\"%s\",\"timeout\":\"%s\"}", s.setting.name(),
                    String.join(" ", s.setting.properties().stream().filter(p -> !p.startsWith("dragoman.kit.gateway-url")
                            && !p.startsWith("dragoman.kit.api-key")).toList()), s.setting.type(), s.setting.gateway() != null,
                    s.setting.copies(), relay.batchSize(), relay.interval(), relay.timeout()));
        }
        out.append("],\"floor\":\"").append(HttpFloor.NAME).append("\",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"round\":%d,\"name\":\"%s\",\"events\":%d,\"seconds\":%.4f,\"per_s\":%.1f}", r.round(), r.name(), r.events(),
                    r.seconds(), r.perSecond()));
        }
        out.append("]}\n");
        if (json == null) {
            System.out.print(out);
        } else {
            Files.writeString(Path.of(json), out);
        }
    }

    /** Waits for the end of a round, polling; a round that never ends fails the run with what it waited for. */
    static void await(String what, Duration atMost, Duration poll, java.util.concurrent.Callable<Boolean> done) {
        org.awaitility.Awaitility.await(what).atMost(atMost).pollInterval(poll).until(done);
    }
}
