package dev.dragoman.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Dragoman's own settings, under {@code dragoman.*}.
 *
 * @param contextMaps Directory of the context-map YAML files the gateway serves (environment variable DRAGOMAN_CONTEXT_MAPS).
 * @param callers API keys per calling context: dragoman.callers.<context>.api-keys (a list, so keys can be rotated).
 * @param admin API keys of the admin API under /admin/.
 * @param openDevelopmentMode Serves without any caller keys: every request is taken to come from its route's own context. Never in production.
 * @param maxBodySize Largest JSON body translated, request or response; a larger request is answered 413, a larger response 502.
 * @param reload How the maps directory is watched for edits.
 */
@ConfigurationProperties("dragoman")
@Validated
public record DragomanProperties(
        @NotNull @DefaultValue("context-maps") Path contextMaps,
        @DefaultValue Map<String, @Valid Caller> callers,
        @Valid @DefaultValue Admin admin,
        @DefaultValue("false") boolean openDevelopmentMode,
        @NotNull @DefaultValue("10MB") DataSize maxBodySize,
        @Valid @DefaultValue Reload reload) {

    /**
     * One calling context's credentials.
     *
     * @param apiKeys Keys that prove a caller belongs to this context (header X-Api-Key).
     */
    public record Caller(@DefaultValue List<String> apiKeys) {
    }

    /**
     * The admin API's credentials.
     *
     * @param apiKeys Keys accepted by the admin API (header X-Api-Key).
     */
    public record Admin(@DefaultValue List<String> apiKeys) {
    }

    /**
     * Hot reload of the maps directory.
     *
     * @param watch Whether edits in the directory are picked up without a restart.
     * @param debounce Quiet time after the last change before reloading, so that an editor's burst of writes is one reload.
     */
    public record Reload(@DefaultValue("true") boolean watch, @NotNull @DefaultValue("500ms") Duration debounce) {
    }
}
