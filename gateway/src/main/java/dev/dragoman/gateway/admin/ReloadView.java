package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.reload.ReloadStatus;
import java.util.List;

/** A {@link ReloadStatus} as JSON, for {@code /admin/reload} and the admin index. */
record ReloadView(String outcome, String trigger, String at, long modelVersion, String lastSuccessAt, List<MapErrorView> errors) {

    static ReloadView of(ReloadStatus status) {
        return new ReloadView(status.outcome().name(), status.trigger(), status.at().toString(), status.modelVersion(),
                status.lastSuccessAt().toString(), errors(status.errors()));
    }

    /** Each error located, plus its one-line form ({@code text}) as the log shows it. */
    static List<MapErrorView> errors(List<ReloadStatus.MapError> errors) {
        return errors.stream()
                .map(error -> new MapErrorView(error.file(), error.line(), error.keyPath(), error.message(), error.hint(), error.toString()))
                .toList();
    }

    /** One error of a load, located. */
    record MapErrorView(String file, int line, String keyPath, String message, String hint, String text) {
    }
}
