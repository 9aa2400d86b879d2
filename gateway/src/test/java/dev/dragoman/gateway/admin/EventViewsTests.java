package dev.dragoman.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.intake.PublishedEvents;
import dev.dragoman.gateway.outbox.DeliveryRecord;
import dev.dragoman.gateway.outbox.DeliveryStatus;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.saga.ParticipantState;
import dev.dragoman.gateway.saga.ParticipantStatus;
import dev.dragoman.gateway.saga.SagaState;
import dev.dragoman.gateway.saga.SagaStatus;
import dev.dragoman.gateway.saga.SagaView;
import dev.dragoman.gateway.saga.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event and saga views keep the JSON docs/ADMIN.md shows: the same names, in the same order, the same nulls. */
class EventViewsTests {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2030-01-01T00:00:01Z");
    static final Instant DUE = Instant.parse("2030-01-01T00:10:00Z");

    final DeliveryRecord delivered = new DeliveryRecord(1, "copy", "/order-service", "o-1", "order.placed", "o-1", "product",
            "http://127.0.0.1:9/p", DeliveryStatus.DELIVERED, 1, T1, null, DUE, T0, T1);
    final DeliveryRecord pending = new DeliveryRecord(2, "outcome", "/dragoman/sagas/s", "o-1/order.cancelled", "order.cancelled", "o-1",
            "order", "http://127.0.0.1:9/o", DeliveryStatus.PENDING, 2, T1, "503", DUE, T0, null);

    @Test
    void anEvent_withEachCopy_nextAttemptAtOnlyWhilePending() {
        var event = EventViews.Event.of(new PublishedEvents.Published("/order-service", "o-1", "order.placed", "order", null, DUE, T0),
                List.of(delivered, pending));

        assertThat(json(event)).isEqualTo("{\"source\":\"/order-service\",\"id\":\"o-1\",\"type\":\"order.placed\",\"publisher\":\"order\","
                + "\"sagaid\":null,\"deadline\":\"2030-01-01T00:10:00Z\",\"acceptedAt\":\"2030-01-01T00:00:00Z\",\"copies\":["
                + "{\"kind\":\"copy\",\"type\":\"order.placed\",\"id\":\"o-1\",\"receiver\":\"product\",\"endpoint\":\"http://127.0.0.1:9/p\","
                + "\"status\":\"delivered\",\"attempts\":1,\"deadline\":\"2030-01-01T00:10:00Z\",\"lastError\":null,"
                + "\"finishedAt\":\"2030-01-01T00:00:01Z\"},"
                + "{\"kind\":\"outcome\",\"type\":\"order.cancelled\",\"id\":\"o-1/order.cancelled\",\"receiver\":\"order\","
                + "\"endpoint\":\"http://127.0.0.1:9/o\",\"status\":\"pending\",\"attempts\":2,\"nextAttemptAt\":\"2030-01-01T00:00:01Z\","
                + "\"deadline\":\"2030-01-01T00:10:00Z\",\"lastError\":\"503\",\"finishedAt\":null}]}");
    }

    @Test
    void anOpenSaga_inTheList_withTheTimeItHasLeft() {
        SagaState open = new SagaState("o-1", "placement", "order", SagaStatus.OPEN, DUE, T0, null, List.of(
                new ParticipantState("product", ParticipantStatus.PENDING, null, false),
                new ParticipantState("payment", ParticipantStatus.COMPLETED, "{}", false)), List.of());

        assertThat(json(new EventViews.OpenSagas(T1.toString(), List.of(EventViews.SagaSummary.of(open, T1))))).isEqualTo(
                "{\"now\":\"2030-01-01T00:00:01Z\",\"open\":[{\"sagaid\":\"o-1\",\"saga\":\"placement\",\"status\":\"open\","
                        + "\"deadline\":\"2030-01-01T00:10:00Z\",\"remaining\":\"PT9M59S\",\"initiator\":\"order\","
                        + "\"participants\":{\"product\":\"pending\",\"payment\":\"completed\"}}]}");
    }

    @Test
    void anEndedSaga_hasNoRemainingTime_andMarksOnlyLateEntries() {
        SagaState ended = new SagaState("o-1", "placement", "order", SagaStatus.TIMED_OUT, DUE, T0, DUE, List.of(
                new ParticipantState("payment", ParticipantStatus.COMPLETED, "{}", true)), List.of("order"));
        var view = new SagaView(ended, List.of(new TimelineEntry(T0, "started", false), new TimelineEntry(DUE, "late", true)),
                List.of(delivered));

        assertThat(json(EventViews.Saga.of(view, T1))).isEqualTo("{\"sagaid\":\"o-1\",\"saga\":\"placement\",\"status\":\"timed-out\","
                + "\"deadline\":\"2030-01-01T00:10:00Z\",\"initiator\":\"order\","
                + "\"participants\":[{\"context\":\"payment\",\"status\":\"completed\",\"compensated\":true}],"
                + "\"acknowledged\":[\"order\"],"
                + "\"startedAt\":\"2030-01-01T00:00:00Z\",\"endedAt\":\"2030-01-01T00:10:00Z\","
                + "\"timeline\":[{\"at\":\"2030-01-01T00:00:00Z\",\"what\":\"started\"},{\"at\":\"2030-01-01T00:10:00Z\",\"what\":\"late\","
                + "\"late\":true}],\"sent\":[{\"kind\":\"copy\",\"type\":\"order.placed\",\"id\":\"o-1\",\"receiver\":\"product\","
                + "\"endpoint\":\"http://127.0.0.1:9/p\",\"status\":\"delivered\",\"attempts\":1,\"deadline\":\"2030-01-01T00:10:00Z\","
                + "\"lastError\":null,\"finishedAt\":\"2030-01-01T00:00:01Z\"}]}");
    }

    @Test
    void aConfirmingSaga_showsItsStatus_andWhoAcknowledgedTheCompletedOutcome() {
        SagaState confirming = new SagaState("o-1", "placement", "order", SagaStatus.CONFIRMING, DUE, T0, null, List.of(
                new ParticipantState("payment", ParticipantStatus.COMPLETED, "{}", false)), List.of("payment"));

        assertThat(json(EventViews.Saga.of(new SagaView(confirming, List.of(), List.of()), T1))).isEqualTo(
                "{\"sagaid\":\"o-1\",\"saga\":\"placement\",\"status\":\"confirming\",\"deadline\":\"2030-01-01T00:10:00Z\","
                        + "\"remaining\":\"PT9M59S\",\"initiator\":\"order\","
                        + "\"participants\":[{\"context\":\"payment\",\"status\":\"completed\",\"compensated\":false}],"
                        + "\"acknowledged\":[\"payment\"],\"startedAt\":\"2030-01-01T00:00:00Z\",\"endedAt\":null,\"timeline\":[],\"sent\":[]}");
        assertThat(EventViews.SagaSummary.of(confirming, T1).status()).isEqualTo("confirming");
    }

    private static String json(Object view) {
        return JsonAnswers.JSON.writeValueAsString(view);
    }
}
