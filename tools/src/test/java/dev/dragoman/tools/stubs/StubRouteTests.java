package dev.dragoman.tools.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.Message;
import dev.dragoman.rules.model.ContextModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which route and which way {@code stubs translate} reads a stub directory, and the backwards rules it compiles. */
class StubRouteTests {

    static final ContextModel MODEL = ContextMaps.load(StubRoundTripTests.MAPS).orElseThrow();

    @Test
    void withARouteEachWay_theStubsAreTheFromContextsOwnApi_unlessARouteIsNamed() {
        StubRoute provider = StubRoute.choose(MODEL, "game-dept", "web-support", null);
        StubRoute consumer = StubRoute.choose(MODEL, "game-dept", "web-support", "game-dept-to-web-support");

        assertThat(provider.route().id()).isEqualTo("web-support-to-game-dept");
        assertThat(provider.reading()).isEqualTo(StubRoute.Reading.PROVIDER_TO_CONSUMER);
        assertThat(consumer.reading()).isEqualTo(StubRoute.Reading.CONSUMER_TO_PROVIDER);
    }

    @Test
    void aProvidersRequestSide_isTheRoutesRequestRulesRunBackwards_readingTheOtherAspect() {
        // game-dept-to-web-support's request reads game.name and writes game.code: backwards, web support's stubs'
        // ?game=1 becomes what game-dept sends, ?game=mgame_x
        StubRoute route = StubRoute.choose(MODEL, "web-support", "game-dept", null);

        assertThat(route.route().id()).isEqualTo("game-dept-to-web-support");
        assertThat(route.request().translate(new Message("/tickets/by-game/1", "game=1", null, null)).message())
                .isEqualTo(new Message("/tickets/by-game/1001", "game=mgame_x", null, null));
        assertThat(route.request().headers(Map.of("X-Other", List.of("1"))).values()).containsEntry("X-Other", List.of("1"));
    }

    @Test
    void aRouteThatDoesNotJoinTheContexts_orNoRouteAtAll_isAnError() {
        assertThatThrownBy(() -> StubRoute.choose(MODEL, "game-dept", "order", "web-support-to-game-dept"))
                .hasMessage("route web-support-to-game-dept goes from web-support to game-dept, not between game-dept and order");
        assertThatThrownBy(() -> StubRoute.choose(MODEL, "game-dept", "web-support", "nope"))
                .hasMessageStartingWith("no route 'nope' in the maps; the routes are web-support-to-game-dept, game-dept-to-web-support");
        assertThatThrownBy(() -> StubRoute.choose(MODEL, "order", "payment", null))
                .hasMessage("no route joins order and payment in the maps");
    }
}
