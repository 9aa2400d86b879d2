package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.outbox.DeliveryRecord;
import java.util.List;

/** A saga as the admin API shows it: its state, what happened, and what was sent. */
public record SagaView(SagaState state, List<TimelineEntry> timeline, List<DeliveryRecord> deliveries) {
}
