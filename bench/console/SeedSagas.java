// Stores N sagas of mixed statuses straight into a gateway's event store, as the gateway stores
// them (its migrations, its SagaMachine's states as JSON), before the gateway starts on it:
// publishing 100,000 sagas and their reports over HTTP would take longer than the measurement.
//   java -cp gateway/target/classes:<gateway classpath> bench/console/SeedSagas.java <jdbc url> <user> <count>
// Statuses: 30% open, 5% confirming, 40% completed, 15% aborted, 10% timed out; started over the
// last 30 days; ids order-000000.. (saga order-placement) and return-000000.. (saga returns, 1 in 5).
import dev.dragoman.gateway.saga.SagaInput;
import dev.dragoman.gateway.saga.SagaMachine;
import dev.dragoman.gateway.saga.SagaState;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

public class SeedSagas {

    static final Participant PRODUCT = new Participant("product", "product.reserved", "product.out-of-stock", "product.release", List.of());
    static final Participant PAYMENT = new Participant("payment", "payment.captured", "payment.declined", "payment.refund",
            List.of(JsonPath.parse("$.amount")));
    static final Saga ORDERS = new Saga("order-placement", "order.placed", Duration.ofMinutes(10), List.of(PRODUCT, PAYMENT),
            new Saga.Outcome("order.confirmed", "order.cancelled"));
    static final Saga RETURNS = new Saga("returns", "return.asked", Duration.ofMinutes(10), List.of(PAYMENT),
            new Saga.Outcome("return.done", "return.refused"));
    static final String ORDERS_DECLARATION = """
            {"name":"order-placement","start":"order.placed","deadline":"PT10M","participants":[\
            {"context":"product","completed":"product.reserved","failed":"product.out-of-stock","compensation":"product.release","negate":[]},\
            {"context":"payment","completed":"payment.captured","failed":"payment.declined","compensation":"payment.refund","negate":["$.amount"]}],\
            "completed":"order.confirmed","aborted":"order.cancelled"}""";
    static final String RETURNS_DECLARATION = """
            {"name":"returns","start":"return.asked","deadline":"PT10M","participants":[\
            {"context":"payment","completed":"payment.captured","failed":"payment.declined","compensation":"payment.refund","negate":["$.amount"]}],\
            "completed":"return.done","aborted":"return.refused"}""";
    static final String RECEIVERS = "{\"dataContentType\":\"application/json\",\"data\":{},\"inboxes\":{}}";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int count = Integer.parseInt(args[2]);
        Flyway.configure().dataSource(url, user, "").load().migrate();
        JsonMapper json = JsonMapper.builder().build();
        Random random = new Random(16);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        // PostgreSQL's driver sends a batch as one multi-row INSERT only when asked.
        String connect = url.startsWith("jdbc:postgresql:") ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url;
        try (Connection connection = DriverManager.getConnection(connect, user, "")) {
            connection.setAutoCommit(false);
            PreparedStatement saga = connection.prepareStatement("INSERT INTO saga (saga_id, saga_name, status, deadline, started_at, ended_at,"
                    + " declaration, state, outcome_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement timeline = connection.prepareStatement("INSERT INTO saga_timeline (saga_id, at, what, late) VALUES (?, ?, ?, ?)");
            for (int i = 0; i < count; i++) {
                boolean returns = random.nextInt(5) == 0;
                Saga declared = returns ? RETURNS : ORDERS;
                String id = String.format("%s-%06d", returns ? "return" : "order", i);
                Instant start = now.minus(Duration.ofSeconds(random.nextInt(30 * 24 * 3600))).minusNanos(random.nextInt(1_000_000) * 1000L);
                int roll = random.nextInt(100);
                boolean ending = roll >= 35;
                Instant deadline = ending ? start.plus(Duration.ofMinutes(10)) : now.plus(Duration.ofMinutes(60 + random.nextInt(7 * 24 * 60)));
                SagaState state = SagaMachine.start(declared, id, "order", deadline, start);
                Instant at = start.plusSeconds(1);
                if (roll >= 30) {
                    if (roll < 35 || roll < 75) {
                        for (Participant p : declared.participants()) {
                            state = SagaMachine.step(declared, state, new SagaInput.Report(p.context(), p.completed(), "{\"amount\":10}"), at).state();
                        }
                    }
                    if (roll >= 35 && roll < 75) {
                        for (String receiver : state.receivers()) {
                            state = SagaMachine.step(declared, state, new SagaInput.Acknowledged(receiver, declared.outcome().completed()), at).state();
                        }
                    } else if (roll >= 75 && roll < 90) {
                        state = SagaMachine.step(declared, state, new SagaInput.Report(declared.participants().get(0).context(),
                                declared.participants().get(0).failed(), null), at).state();
                    } else if (roll >= 90) {
                        state = SagaMachine.step(declared, state, new SagaInput.Tick(), deadline).state();
                    }
                }
                saga.setString(1, id);
                saga.setString(2, declared.name());
                saga.setString(3, state.status().name());
                saga.setObject(4, state.deadline().atOffset(ZoneOffset.UTC));
                saga.setObject(5, state.startedAt().atOffset(ZoneOffset.UTC));
                saga.setObject(6, state.endedAt() == null ? null : state.endedAt().atOffset(ZoneOffset.UTC));
                saga.setString(7, returns ? RETURNS_DECLARATION : ORDERS_DECLARATION);
                saga.setString(8, json.writeValueAsString(state));
                saga.setString(9, RECEIVERS);
                saga.addBatch();
                timeline.setString(1, id);
                timeline.setObject(2, start.atOffset(ZoneOffset.UTC));
                timeline.setString(3, declared.start() + " from order: saga " + declared.name() + " started (seeded by bench/console)");
                timeline.setBoolean(4, false);
                timeline.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    saga.executeBatch();
                    timeline.executeBatch();
                    connection.commit();
                }
            }
        }
        System.out.printf("seeded %,d sagas in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }
}
