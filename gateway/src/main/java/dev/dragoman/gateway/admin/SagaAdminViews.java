package dev.dragoman.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.gateway.saga.SagaState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON of the saga list, its search and the change indicator (docs/ADMIN.md shows them), in the style of {@link EventViews}. */
final class SagaAdminViews {

    private SagaAdminViews() {
    }

    /**
     * {@code GET /admin/sagas} without a filter: the open list, as it always was, and the link to its next page.
     *
     * @param next the next page's path and query, or null on the last page
     */
    @JsonPropertyOrder({"now", "open", "next"})
    record OpenList(String now, List<EventViews.SagaSummary> open, String next) {
    }

    /** {@code GET /admin/sagas} with a filter: a page of the search, and the link to the next one. */
    @JsonPropertyOrder({"now", "sagas", "next"})
    record Found(String now, List<Listed> sagas, String next) {
    }

    /** A saga in a search: as in the open list, with when it started and ended (a search is ordered by its start). */
    @JsonPropertyOrder({"sagaid", "saga", "status", "startedAt", "endedAt", "deadline", "remaining", "initiator", "participants"})
    record Listed(String sagaid, String saga, String status, String startedAt, String endedAt, String deadline,
            @JsonInclude(JsonInclude.Include.NON_NULL) String remaining, String initiator, Map<String, String> participants) {

        static Listed of(SagaState state, Instant now) {
            EventViews.SagaSummary summary = EventViews.SagaSummary.of(state, now);
            return new Listed(summary.sagaid(), summary.saga(), summary.status(), state.startedAt().toString(),
                    state.endedAt() == null ? null : state.endedAt().toString(), summary.deadline(), summary.remaining(), summary.initiator(),
                    summary.participants());
        }
    }

    /**
     * {@code GET /admin/changes}: what a page polls to know whether to read again.
     *
     * @param sagas changes whenever a saga starts or changes; compare for equality only
     */
    @JsonPropertyOrder({"now", "sagas", "reload", "outbox"})
    record Changes(String now, String sagas, Reload reload, Outbox outbox) {
    }

    /** The last attempt to load the maps: a new model version or a new {@code at} means a reload landed or was refused. */
    @JsonPropertyOrder({"modelVersion", "outcome", "at"})
    record Reload(long modelVersion, String outcome, String at) {
    }

    /** The outbox gauges as last measured (every few seconds, by the delivery worker). */
    @JsonPropertyOrder({"depth", "oldestPendingAgeSeconds"})
    record Outbox(long depth, long oldestPendingAgeSeconds) {
    }
}
