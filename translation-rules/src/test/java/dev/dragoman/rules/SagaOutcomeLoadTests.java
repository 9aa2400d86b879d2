package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saga's outcome carries the start event's data as each receiver saw it (docs/EVENTS.md). A
 * participant the start event is not delivered to would be handed the initiator's raw data, so
 * such maps do not load.
 */
class SagaOutcomeLoadTests {

    private static final String CONTEXTS = """
            contexts:
              order:   {inbox: "http://127.0.0.1:9201/events"}
              product: {inbox: "http://127.0.0.1:9202/events"}
              payment: {inbox: "http://127.0.0.1:9203/events"}
            """;

    @TempDir
    Path dir;

    @Test
    void aParticipantTheStartEventIsNotDeliveredTo_isALoadError_namingFileLineKeyPathAndTheDeliveryToAdd() {
        write("contexts.yaml", CONTEXTS);
        write("maps.yaml", """
                events:
                  - type: order.placed
                    from: order
                    deliver:
                      - to: product
                sagas:
                  - name: order-placement
                    start: order.placed
                    participants:
                      - {context: product, completed: product.reserved, failed: product.out-of-stock}
                      - {context: payment, completed: payment.captured, failed: payment.declined}
                    outcome: {completed: order.confirmed, aborted: order.cancelled}
                """);

        LoadResult result = ContextMaps.load(dir);

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).as(result.describeErrors()).hasSize(1);
        LoadError error = result.errors().get(0);
        assertThat(error.file().getFileName()).hasToString("maps.yaml");
        assertThat(error.line()).isEqualTo(11);
        assertThat(error.keyPath()).isEqualTo("sagas[0].participants[1].context");
        assertThat(error.message()).isEqualTo("participant 'payment' of saga 'order-placement' does not receive the start event"
                + " 'order.placed' (declared at maps.yaml:2), so its outcome would carry order's data untranslated");
        assertThat(error.hint()).isEqualTo("add '- to: payment' under deliver of the 'order.placed' entry of events (maps.yaml:2),"
                + " with data rules for the identifiers payment reads in it");
    }

    @Test
    void aStartEventWithoutAnyDelivery_namesEveryParticipant() {
        write("contexts.yaml", CONTEXTS);
        write("maps.yaml", """
                events:
                  - {type: order.placed, from: order}
                sagas:
                  - name: order-placement
                    start: order.placed
                    participants:
                      - {context: product, completed: product.reserved, failed: product.out-of-stock}
                      - {context: payment, completed: payment.captured, failed: payment.declined}
                    outcome: {completed: order.confirmed, aborted: order.cancelled}
                """);

        assertThat(ContextMaps.load(dir).errors()).extracting(LoadError::keyPath)
                .containsExactly("sagas[0].participants[0].context", "sagas[0].participants[1].context");
    }

    @Test
    void everyParticipantReceivingTheStartEvent_withOrWithoutRules_loads() {
        write("contexts.yaml", CONTEXTS);
        write("maps.yaml", """
                events:
                  - type: order.placed
                    from: order
                    deliver:
                      - to: product
                      - to: payment
                sagas:
                  - name: order-placement
                    start: order.placed
                    participants:
                      - {context: product, completed: product.reserved, failed: product.out-of-stock}
                      - {context: payment, completed: payment.captured, failed: payment.declined}
                    outcome: {completed: order.confirmed, aborted: order.cancelled}
                """);

        LoadResult result = ContextMaps.load(dir);
        assertThat(result.errors()).as(result.describeErrors()).isEmpty();
    }

    private void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
