package dev.dragoman.gateway.saga;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a saga search.
 *
 * @param sagas in the search's order
 * @param next where the next page starts, or null when this is the last one
 */
public record SagaPage(List<SagaState> sagas, SagaCursor next) {

    /** Each order as a comparator, the same the store's queries sort by (saga ids compared as Java strings, as H2 does). */
    static final Map<SagaOrder, Comparator<SagaState>> ORDERS = Map.of(
            SagaOrder.DEADLINE, Comparator.comparing(SagaState::deadline).thenComparing(SagaState::sagaId),
            SagaOrder.NEWEST, Comparator.comparing(SagaState::startedAt).thenComparing(SagaState::sagaId).reversed());

    public SagaPage {
        sagas = List.copyOf(Objects.requireNonNull(sagas, "sagas"));
    }

    /** The comparator that puts sagas in that order. */
    public static Comparator<SagaState> comparator(SagaOrder order) {
        return ORDERS.get(order);
    }
}
