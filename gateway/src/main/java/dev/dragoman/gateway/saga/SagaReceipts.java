package dev.dragoman.gateway.saga;

import dev.dragoman.gateway.outbox.DeliveryListener;
import dev.dragoman.gateway.outbox.OutboxEntry;

/**
 * What the outbox learns of the copies a saga sent, handed to the saga: an acknowledged
 * completed outcome counts towards confirming it, a refused one aborts it, a refused
 * compensation goes on its timeline. Subscribers' copies of published events are no saga's
 * business, even when they carry a sagaid.
 */
final class SagaReceipts implements DeliveryListener {

    private final SagaCoordinator sagas;

    SagaReceipts(SagaCoordinator sagas) {
        this.sagas = sagas;
    }

    @Override
    public void delivered(FinishedCopy copy) {
        if (sagas(copy)) {
            sagas.acknowledged(copy.sagaId(), copy.receiver(), copy.type(), copy.at());
        }
    }

    @Override
    public void refused(FinishedCopy copy) {
        if (sagas(copy)) {
            sagas.refused(copy.sagaId(), copy.receiver(), copy.type(), copy.error(), copy.at());
        }
    }

    private static boolean sagas(FinishedCopy copy) {
        return copy.sagaId() != null && (copy.kind().equals(OutboxEntry.OUTCOME) || copy.kind().equals(OutboxEntry.COMPENSATION));
    }
}
