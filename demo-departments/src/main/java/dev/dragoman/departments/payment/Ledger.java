package dev.dragoman.departments.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payment ledger, and the one log line per capture and refund. Called in the kit's transactions. */
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void capture(String sagaId, long amount, Instant deadline) {
        book(sagaId, "capture", amount, deadline);
        log.info("Payment: saga {}: captured +{}; refunded on its own if no order.confirmed by the deadline {}", sagaId, amount, deadline);
    }

    /** Writes the negated delta as it comes; the kit runs it once per saga, whoever asked first. */
    void refund(String sagaId, long negatedAmount) {
        Instant deadline = jdbc.sql("SELECT deadline FROM ledger WHERE saga_id = ? AND kind = 'capture'").param(sagaId)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
        book(sagaId, "refund", negatedAmount, deadline);
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            log.info("Payment: saga {}: refunded {} on its own: no order.confirmed by the deadline {}", sagaId, negatedAmount, deadline);
        } else {
            log.info("Payment: saga {}: refunded {} (the saga was cancelled)", sagaId, negatedAmount);
        }
    }

    private void book(String sagaId, String kind, long amount, Instant deadline) {
        jdbc.sql("INSERT INTO ledger (saga_id, kind, amount, deadline, booked_at) VALUES (?, ?, ?, ?, ?)")
                .params(sagaId, kind, amount, deadline == null ? null : deadline.atOffset(ZoneOffset.UTC),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<LedgerEntry> entries() {
        return jdbc.sql("SELECT * FROM ledger ORDER BY entry").query((row, n) -> new LedgerEntry(row.getLong("entry"),
                row.getString("saga_id"), row.getString("kind"), row.getLong("amount"),
                row.getObject("booked_at", OffsetDateTime.class).toInstant())).list();
    }
}
