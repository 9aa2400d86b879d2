package dev.dragoman.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPathsTests {

    @Test
    void child_joinsPlainKeysWithDots() {
        assertThat(KeyPaths.child("", "contexts")).isEqualTo("contexts");
        assertThat(KeyPaths.child("contexts", "game-dept")).isEqualTo("contexts.game-dept");
        assertThat(KeyPaths.child("concepts.game.entries[3]", "web_support")).isEqualTo("concepts.game.entries[3].web_support");
        assertThat(KeyPaths.child("routes[0].request.headers", "X-Game-Name")).isEqualTo("routes[0].request.headers.X-Game-Name");
    }

    @Test
    void child_bracketsKeysThatAreNotPlainNames() {
        assertThat(KeyPaths.child("routes[0].request.body", "$.game.code")).isEqualTo("routes[0].request.body['$.game.code']");
        assertThat(KeyPaths.child("routes[0].request.body", "$.items[*].gameCode")).isEqualTo("routes[0].request.body['$.items[*].gameCode']");
        assertThat(KeyPaths.child("", "game.code")).isEqualTo("['game.code']");
        assertThat(KeyPaths.child("contexts", "web support")).isEqualTo("contexts['web support']");
        assertThat(KeyPaths.child("contexts", "")).isEqualTo("contexts['']");
    }

    @Test
    void index_appendsTheIndexInBrackets() {
        assertThat(KeyPaths.index("routes", 0)).isEqualTo("routes[0]");
        assertThat(KeyPaths.index("sagas[1].participants", 12)).isEqualTo("sagas[1].participants[12]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            routes[0].request.body['$.game.code'] | routes[0].request.body
            routes[0].request.body['$.items[*].gameCode'] | routes[0].request.body
            routes[0].request                      | routes[0]
            routes[0]                              | routes
            sagas[0].participants[1].negate[2]     | sagas[0].participants[1].negate
            a[1][2]                                | a[1]
            contexts.game-dept.inbox               | contexts.game-dept
            body['x.y'].code                       | body['x.y']
            contexts                               | ""
            ""                                     | ""
            """)
    void parent_dropsTheLastStep(String path, String parent) {
        assertThat(KeyPaths.parent(path)).isEqualTo(parent);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            routes[0].request.body | $.game.code
            routes[0].request.body | $..gameNames
            routes[0].request.body | $.related[*].code
            concepts.game.entries[3] | web-support
            ""                     | contexts
            contexts               | web support
            """)
    void parent_undoesChild(String parent, String key) {
        assertThat(KeyPaths.parent(KeyPaths.child(parent, key))).isEqualTo(parent);
    }

    @Test
    void parent_undoesIndex() {
        assertThat(KeyPaths.parent(KeyPaths.index("routes[0].request.path-templates", 3))).isEqualTo("routes[0].request.path-templates");
    }
}
