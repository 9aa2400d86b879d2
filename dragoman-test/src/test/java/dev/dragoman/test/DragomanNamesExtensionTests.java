package dev.dragoman.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A name the maps do not have is refused with the names they do have, so a typo fixes itself. */
@DragomanTest(maps = "../context-maps")
class DragomanNamesExtensionTests {

    @Test
    void anUnknownContextListsTheKnownOnes(Dragoman dragoman) {
        assertThatThrownBy(() -> dragoman.client("web-suport"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no context web-suport")
                .hasMessageContaining("[game-dept, order, payment, product, shipping, web-support]");
    }

    @Test
    void anUnknownUpstreamListsTheRoutesAndTheCalledContexts(Dragoman dragoman) {
        assertThatThrownBy(() -> dragoman.upstream("game-department"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no route or called context game-department")
                .hasMessageContaining("[game-dept-to-web-support, web-support-own-tickets, web-support-to-game-dept]")
                .hasMessageContaining("[game-dept, web-support]");
    }

    @Test
    void aContextNamesTheSameServerAsItsOnlyRoute(Dragoman dragoman) {
        assertThat(dragoman.upstream("game-dept")).isSameAs(dragoman.upstream("web-support-to-game-dept"));
        assertThat(dragoman.upstream("web-support")).isSameAs(dragoman.upstream("game-dept-to-web-support"));
        assertThat(dragoman.upstream("game-dept")).isNotSameAs(dragoman.upstream("web-support"));
        assertThat(dragoman.upstream("web-support")).as("a route within the context is named by its id")
                .isNotSameAs(dragoman.upstream("web-support-own-tickets"));
    }

    @Test
    void theAdminClientCarriesTheAdminKeyAndACallersKeyIsNoAdminKey(Dragoman dragoman) {
        DragomanResponse asAdmin = dragoman.admin().get("/admin/model");
        DragomanResponse asCaller = dragoman.client("web-support").get("/admin/model");

        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("web-support-to-game-dept");
        assertThat(asCaller.status()).as(asCaller.body()).isEqualTo(403);
        assertThat(asCaller.body()).contains("Not an admin key");
    }
}
