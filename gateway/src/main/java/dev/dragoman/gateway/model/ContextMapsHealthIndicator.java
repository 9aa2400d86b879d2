package dev.dragoman.gateway.model;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health component {@code contextMaps}: what the served model declares, where it was loaded
 * from, and how the last reload went.
 *
 * <p>The component stays {@code UP} when a reload was refused: the last good model still
 * serves every request correctly, and taking the instance out of its load balancer for a typo
 * in a file would turn an edit into an outage (every instance reads the same maps, so all would
 * go at once). A refused reload shows in the {@code lastReload} details instead, and in the
 * metric {@code dragoman.reload.last.success}, which is what to alert on.
 */
public class ContextMapsHealthIndicator implements HealthIndicator {

    private final ModelHolder models;
    private final Supplier<Map<String, Object>> lastReload;

    /**
     * @param lastReload details of the last load of the maps (the reloader's status), or an empty map
     */
    public ContextMapsHealthIndicator(ModelHolder models, Supplier<Map<String, Object>> lastReload) {
        this.models = Objects.requireNonNull(models, "models");
        this.lastReload = Objects.requireNonNull(lastReload, "lastReload");
    }

    @Override
    public Health health() {
        ServedModel served = models.current();
        Health.Builder health = Health.up()
                .withDetail("directory", models.directory().toString())
                .withDetails(ModelCounts.of(served.model()).asMap())
                .withDetail("modelVersion", served.version())
                .withDetail("loadedAt", served.loadedAt().toString());
        Map<String, Object> reload = lastReload.get();
        if (!reload.isEmpty()) {
            health.withDetail("lastReload", reload);
        }
        return health.build();
    }
}
