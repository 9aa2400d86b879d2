package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.reload.ReloadStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link ReloadStatus} as JSON, for {@code /admin/reload} and the admin index. */
final class ReloadView {

    private ReloadView() {
    }

    static Map<String, Object> of(ReloadStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("outcome", status.outcome().name());
        view.put("trigger", status.trigger());
        view.put("at", status.at().toString());
        view.put("modelVersion", status.modelVersion());
        view.put("lastSuccessAt", status.lastSuccessAt().toString());
        view.put("errors", errors(status.errors()));
        return view;
    }

    /** Each error located, plus its one-line form ({@code text}) as the log shows it. */
    static List<Map<String, Object>> errors(List<ReloadStatus.MapError> errors) {
        return errors.stream().map(error -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("file", error.file());
            view.put("line", error.line());
            view.put("keyPath", error.keyPath());
            view.put("message", error.message());
            view.put("hint", error.hint());
            view.put("text", error.toString());
            return view;
        }).toList();
    }
}
