package dev.dragoman.rules.yaml;

import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

/** Every mapper maps every model field: a new model field without a source fails the build. */
@MapperConfig(unmappedTargetPolicy = ReportingPolicy.ERROR, uses = Conversions.class)
public interface DragomanMapperConfig {
}
