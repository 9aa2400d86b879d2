package dev.dragoman.rules.yaml;

import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.RequestRules;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.ResponseRules;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.Saga;
import dev.dragoman.rules.yaml.MapsFileDto.ContextDto;
import dev.dragoman.rules.yaml.MapsFileDto.DeliveryDto;
import dev.dragoman.rules.yaml.MapsFileDto.EventDto;
import dev.dragoman.rules.yaml.MapsFileDto.OutcomeDto;
import dev.dragoman.rules.yaml.MapsFileDto.ParticipantDto;
import dev.dragoman.rules.yaml.MapsFileDto.RequestDto;
import dev.dragoman.rules.yaml.MapsFileDto.ResolverDto;
import dev.dragoman.rules.yaml.MapsFileDto.ResponseDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;
import dev.dragoman.rules.yaml.MapsFileDto.SagaDto;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * Maps validated DTOs to the model. Only called once validation has passed, so the
 * conversions it uses cannot fail here.
 */
@Mapper(config = DragomanMapperConfig.class)
public interface ModelMapper {

    ModelMapper INSTANCE = Mappers.getMapper(ModelMapper.class);

    @Mapping(target = "inbox", expression = "java(Inboxes.inbox(dto.inbox()))")
    BoundedContext context(String name, ContextDto dto);

    @Mapping(target = "policies", expression = "java(PolicyConversions.policies(dto))")
    Route route(RouteDto dto);

    RequestRules request(RequestDto dto);

    ResponseRules response(ResponseDto dto);

    Map<JsonPath, IdentifierRef> bodyRules(Map<String, String> rules);

    Map<String, IdentifierRef> namedRules(Map<String, String> rules);

    EventRoute event(EventDto dto);

    Delivery delivery(DeliveryDto dto);

    Saga saga(SagaDto dto);

    Participant participant(ParticipantDto dto);

    Saga.Outcome outcome(OutcomeDto dto);

    @Mapping(target = "maximumSize", source = "cache.maximumSize", defaultExpression = "java(ResolverSpec.DEFAULT_MAXIMUM_SIZE)")
    @Mapping(target = "ttl", source = "cache.ttl")
    @Mapping(target = "negativeTtl", source = "cache.negativeTtl")
    ResolverSpec resolver(ResolverDto dto);
}
