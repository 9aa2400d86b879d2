package dev.dragoman.rules;

import dev.dragoman.rules.model.Route;

/**
 * A route's translators: {@code request} from the caller's vocabulary to the callee's,
 * {@code response} back.
 */
public record RouteTranslator(Route route, DirectionTranslator request, DirectionTranslator response) {
}
