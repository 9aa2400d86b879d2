package dev.dragoman.rules.yaml;

import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.CompositionPart;
import dev.dragoman.rules.yaml.MapsFileDto.CompositionDto;
import dev.dragoman.rules.yaml.MapsFileDto.PartDto;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * Maps validated {@code compositions:} to the model. A mapper of its own beside
 * {@link ModelMapper}, so that compositions and routes change apart.
 */
@Mapper(config = DragomanMapperConfig.class)
public interface CompositionMapper {

    CompositionMapper INSTANCE = Mappers.getMapper(CompositionMapper.class);

    @Mapping(target = "context", source = "forContext")
    Composition composition(CompositionDto dto);

    @Mapping(target = "target", source = "path")
    @Mapping(target = "select", source = "select", conditionExpression = "java(dto.select() != null)")
    @Mapping(target = "required", source = "required", defaultValue = "true")
    CompositionPart part(PartDto dto);
}
