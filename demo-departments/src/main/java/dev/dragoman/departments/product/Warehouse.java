package dev.dragoman.departments.product;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The department's warehouse, which says whether an order's skus are in stock. Its mode is the demo's switch: always
 * in stock, always out of stock, or ask, where an order waits for someone to answer for the warehouse. Ask is how
 * the demo makes product decide after the gateway has gone: a real warehouse check is a call that takes its time,
 * and the gateway may go down meanwhile. The wait ends at the order's deadline at the latest, when nobody could
 * use the answer any more.
 */
public class Warehouse {

    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final Clock clock;
    private final Map<String, CompletableFuture<Answer>> waiting = new ConcurrentHashMap<>();
    private volatile Mode mode;

    Warehouse(Clock clock, ProductProperties properties) {
        this.clock = clock;
        this.mode = Mode.of(properties.warehouse());
    }

    /** What the warehouse answers an order. */
    public enum Answer {
        IN_STOCK("in-stock"), OUT_OF_STOCK("out-of-stock"), NO_ANSWER("no answer from the warehouse by the deadline");

        private final String reason;

        Answer(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        static Answer of(String text) {
            return switch (text.strip()) {
                case "in-stock" -> IN_STOCK;
                case "out-of-stock" -> OUT_OF_STOCK;
                default -> throw new IllegalArgumentException("the warehouse answers in-stock or out-of-stock, not '" + text.strip() + "'");
            };
        }
    }

    /** How the warehouse answers the orders to come. */
    public enum Mode {
        IN_STOCK("in-stock"), OUT_OF_STOCK("out-of-stock"), ASK("ask");

        private final String text;

        Mode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }

        static Mode of(String text) {
            return Arrays.stream(values()).filter(mode -> mode.text.equals(text == null ? null : text.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the warehouse mode is one of " + Arrays.toString(values())
                            + ", not '" + text + "'"));
        }
    }

    Answer ask(String sagaId, JsonNode items, Instant deadline) throws InterruptedException {
        Mode now = mode;
        if (now == Mode.IN_STOCK) {
            return Answer.IN_STOCK;
        }
        if (now == Mode.OUT_OF_STOCK) {
            return Answer.OUT_OF_STOCK;
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        waiting.put(sagaId, answer);
        log.info("Product: saga {}: skus {} wait for the warehouse until the deadline {}: POST /warehouse/waiting/{} in-stock or out-of-stock",
                sagaId, items, deadline, sagaId);
        try {
            return answer.get(Math.max(0, Duration.between(clock.instant(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Answer.NO_ANSWER;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            waiting.remove(sagaId);
        }
    }

    /** @return false when no order of that saga waits */
    boolean answer(String sagaId, Answer answer) {
        CompletableFuture<Answer> question = waiting.get(sagaId);
        return question != null && question.complete(answer);
    }

    void switchTo(Mode mode) {
        this.mode = mode;
        log.info("Product: the warehouse now answers {}", mode);
    }

    Mode mode() {
        return mode;
    }

    List<String> waiting() {
        return List.copyOf(waiting.keySet());
    }
}
