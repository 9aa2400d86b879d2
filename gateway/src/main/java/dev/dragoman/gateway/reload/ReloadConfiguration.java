package dev.dragoman.gateway.reload;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ContextMapsHealthIndicator;
import dev.dragoman.gateway.model.ModelHolder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires hot reload: the reloader (used by the watcher and the admin API), the directory watcher
 * unless {@code dragoman.reload.watch=false}, and the {@code contextMaps} health component, which
 * reports the last reload. Maps that do not load at startup stop the startup instead (see
 * {@code ContextMapsFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
class ReloadConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReloadConfiguration.class);

    /** Health lists this many errors of a refused reload; the admin API lists them all. */
    static final int HEALTH_ERRORS = 20;

    @Bean
    Reloader reloader(ModelHolder models, ApplicationEventPublisher events, MeterRegistry registry, Clock clock,
            DragomanProperties properties) {
        if (!properties.reload().watch()) {
            log.info("Edits in {} are not watched (dragoman.reload.watch=false); POST /admin/reload loads them", models.directory());
        }
        return new Reloader(models, events, registry, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dragoman.reload.watch", matchIfMissing = true)
    MapsWatcher mapsWatcher(ModelHolder models, DragomanProperties properties, Reloader reloader) {
        return new MapsWatcher(models.directory(), properties.reload().debounce(),
                () -> reloader.reload(Reloader.WATCH).outcome() == ReloadStatus.Outcome.PENDING);
    }

    @Bean
    ContextMapsHealthIndicator contextMapsHealthIndicator(ModelHolder models, Reloader reloader) {
        return new ContextMapsHealthIndicator(models, () -> healthDetails(reloader.status()));
    }

    static Map<String, Object> healthDetails(ReloadStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", status.outcome().name());
        details.put("trigger", status.trigger());
        details.put("at", status.at().toString());
        details.put("modelVersion", status.modelVersion());
        details.put("lastSuccessAt", status.lastSuccessAt().toString());
        if (!status.errors().isEmpty()) {
            details.put("errorCount", status.errors().size());
            details.put("errors", status.errors().stream().limit(HEALTH_ERRORS).map(ReloadStatus.MapError::located).toList());
        }
        return details;
    }
}
