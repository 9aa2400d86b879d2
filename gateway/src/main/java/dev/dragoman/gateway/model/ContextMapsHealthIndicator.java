package dev.dragoman.gateway.model;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health component {@code contextMaps}: what the served model declares, and where it was loaded from. */
public class ContextMapsHealthIndicator implements HealthIndicator {

    private final ModelHolder models;

    public ContextMapsHealthIndicator(ModelHolder models) {
        this.models = models;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("directory", models.directory().toString())
                .withDetails(ModelCounts.of(models.current().model()).asMap())
                .build();
    }
}
