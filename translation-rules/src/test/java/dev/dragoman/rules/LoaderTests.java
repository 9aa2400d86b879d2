package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.OnUnknown;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.Saga;
import dev.dragoman.rules.model.Scalar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTests {

    private static final Path GAMES = Path.of("src/test/resources/maps/games");

    @TempDir
    Path dir;

    @Test
    void load_gamesExample_contextsAndConcepts() {
        ContextModel model = valid(ContextMaps.load(GAMES));

        assertThat(model.contexts()).containsOnlyKeys("game-dept", "web-support");
        assertThat(model.contexts().get("game-dept")).isEqualTo(new BoundedContext("game-dept", "Game development", null));
        Concept game = model.concepts().get("game");
        assertThat(game.keys()).isEqualTo(Map.of("game-dept", List.of("code", "name"), "web-support", List.of("code", "name")));
        assertThat(game.resolverSpec()).isEmpty();
        assertThat(game.table().size()).as("3 YAML entries + 2 CSV rows").isEqualTo(5);
    }

    @Test
    void load_gamesExample_rowsFromYamlAndCsvAreTyped() {
        IdentifierTable table = valid(ContextMaps.load(GAMES)).concepts().get("game").table();

        assertThat(table.translate("web-support", "code", "1", "game-dept", "code")).contains(Scalar.number("1001"));
        assertThat(table.translate("web-support", "code", "3", "game-dept", "code")).as("a CSV row").contains(Scalar.number("1003"));
        assertThat(table.translate("game-dept", "code", "1004", "web-support", "name")).as("a quoted CSV value")
                .contains(Scalar.string("console_game_w"));
        assertThat(table.translate("game-dept", "name", "vgame_z", "web-support", "code")).contains(Scalar.number("3"));
        assertThat(table.translate("game-dept", "code", "1005", "web-support", "code")).as("agame_v has no web-support entry").isEmpty();
        assertThat(table.column("web-support", "code").orElseThrow().count()).isEqualTo(4);
        assertThat(table.column("game-dept", "name").orElseThrow().count()).isEqualTo(5);
    }

    @Test
    void load_gamesExample_route() {
        Route route = valid(ContextMaps.load(GAMES)).route("web-support-to-game-dept").orElseThrow();

        assertThat(route.from()).isEqualTo("web-support");
        assertThat(route.to()).isEqualTo("game-dept");
        assertThat(route.path()).isEqualTo("/game-dept/**");
        assertThat(route.stripPrefix()).isEqualTo(1);
        assertThat(route.upstream()).isEqualTo(URI.create("http://127.0.0.1:9101"));
        assertThat(route.onUnknown()).isEqualTo(OnUnknown.REJECT);
        assertThat(route.request().pathTemplates()).extracting(PathTemplate::text)
                .containsExactly("/games/{game.code}/stats", "/games/{game.code}");
        assertThat(route.request().pathTemplates().get(0).segments()).containsExactly(
                new PathTemplate.Literal("games"),
                new PathTemplate.Identifier(new IdentifierRef("game", "code", "code")),
                new PathTemplate.Literal("stats"));
        assertThat(route.request().query()).containsExactly(
                Map.entry("gameCode", new IdentifierRef("game", "code", "code")),
                Map.entry("game", new IdentifierRef("game", "name", "code")));
        assertThat(route.request().headers()).containsExactly(Map.entry("X-Game-Name", new IdentifierRef("game", "name", "name")));
        assertThat(route.request().body().keySet()).extracting(JsonPath::text)
                .containsExactly("$.game.code", "$.game.name", "$.items[*].gameCode", "$..gameNames");
        assertThat(route.response().headers()).containsOnlyKeys("X-Game-Code");
        assertThat(route.response().body().keySet()).extracting(JsonPath::text)
                .containsExactly("$.code", "$.name", "$.related[*].code", "$['codes']");
        assertThat(route.response().body().keySet()).last()
                .satisfies(path -> assertThat(path.steps()).containsExactly(new JsonPath.Member("codes")));
    }

    @Test
    void load_routeDefaults_rejectAndNoStripPrefix() {
        ContextModel model = valid(load("maps.yaml", """
                contexts: {a: {}, b: {}}
                routes:
                  - {id: plain, from: a, to: b, path: /b/**, upstream: "https://b.example"}
                  - {id: lenient, from: a, to: b, path: /c/**, upstream: "http://127.0.0.1:9101", on-unknown: pass}
                """));

        Route plain = model.route("plain").orElseThrow();
        assertThat(plain.onUnknown()).isEqualTo(OnUnknown.REJECT);
        assertThat(plain.stripPrefix()).isZero();
        assertThat(plain.request().pathTemplates()).isEmpty();
        assertThat(plain.response().body()).isEmpty();
        assertThat(model.route("lenient").orElseThrow().onUnknown()).isEqualTo(OnUnknown.PASS);
    }

    @Test
    void load_yamlNumbersKeepTheirText() {
        IdentifierTable table = valid(load("maps.yaml", """
                contexts: {shop: {}, till: {}}
                concepts:
                  price:
                    keys: {shop: [amount], till: [amount, open]}
                    entries:
                      - shop: {amount: 1.50}
                        till: {amount: 1.5, open: true}
                      - shop: {amount: "2"}
                        till: {amount: 2}
                      - shop: {amount: 12345678901234567890.000000000000000001}
                        till: {amount: -7}
                """)).concepts().get("price").table();

        IdentifierTable.Column shop = table.column("shop", "amount").orElseThrow();
        IdentifierTable.Column till = table.column("till", "amount").orElseThrow();
        assertThat(shop.scalarAt(0)).isEqualTo(Scalar.number("1.50"));
        assertThat(till.scalarAt(0)).isEqualTo(Scalar.number("1.5"));
        assertThat(shop.find("1.5")).as("matching compares the text written").isEqualTo(-1);
        assertThat(shop.scalarAt(1)).as("quoted in YAML").isEqualTo(Scalar.string("2"));
        assertThat(till.scalarAt(1)).isEqualTo(Scalar.number("2"));
        assertThat(shop.scalarAt(2)).isEqualTo(Scalar.number("12345678901234567890.000000000000000001"));
        assertThat(till.scalarAt(2)).isEqualTo(Scalar.number("-7"));
        assertThat(table.column("till", "open").orElseThrow().scalarAt(0)).isEqualTo(new Scalar("true", Scalar.Kind.BOOLEAN));
    }

    @Test
    void load_entryMayLeaveOutAContext() {
        IdentifierTable table = valid(load("maps.yaml", """
                contexts: {game-dept: {}, web-support: {}}
                concepts:
                  game:
                    keys: {game-dept: [code, name], web-support: [code]}
                    entries:
                      - game-dept: {code: 1001, name: mgame_x}
                        web-support: {code: 1}
                      - game-dept: {code: 1005}
                      - web-support: {code: 9}
                """)).concepts().get("game").table();

        assertThat(table.size()).isEqualTo(3);
        assertThat(table.translate("game-dept", "code", "1005", "web-support", "code")).isEmpty();
        assertThat(table.translate("web-support", "code", "9", "game-dept", "code")).isEmpty();
        assertThat(table.translate("game-dept", "code", "1005", "game-dept", "name")).as("a field left out").isEmpty();
        assertThat(table.translate("web-support", "code", "1", "game-dept", "name")).contains(Scalar.string("mgame_x"));
    }

    @Test
    void load_anyFileMayHoldAnyTopLevelKey_andFilesMerge() {
        write("1-contexts.yaml", """
                contexts:
                  game-dept: {description: Game development}
                concepts:
                  game:
                    keys: {game-dept: [code], web-support: [code]}
                    entries: [{game-dept: {code: 1001}, web-support: {code: 1}}]
                """);
        write("2-routes.yaml", """
                routes:
                  - {id: r, from: web-support, to: game-dept, path: /g/**, upstream: "http://127.0.0.1:9101",
                     request: {query: {g: game.code}}}
                contexts:
                  web-support: {description: Web support}
                """);

        ContextModel model = valid(ContextMaps.load(dir));

        assertThat(model.contexts()).containsOnlyKeys("game-dept", "web-support");
        assertThat(model.concepts()).containsOnlyKeys("game");
        assertThat(model.routes()).extracting(Route::id).containsExactly("r");
    }

    @Test
    void load_readsYmlFiles() {
        write("contexts.yml", "contexts: {a: {}}\n");
        write("more.yaml", "contexts: {b: {}}\n");

        assertThat(valid(ContextMaps.load(dir)).contexts()).containsOnlyKeys("a", "b");
    }

    @Test
    void load_ignoresSubfoldersHiddenAndOtherFiles() {
        write("maps.yaml", "contexts: {a: {}}\n");
        write("old/maps.yaml", "contexts: {a: {}, old: {}}\nnot valid: [\n");
        write(".draft.yaml", "contexts: {a: {}}\n");
        write("notes.txt", "contexts: {a: {}}\n");
        write("games.csv", "a.code\n1\n");

        assertThat(valid(ContextMaps.load(dir)).contexts()).containsOnlyKeys("a");
    }

    @Test
    void load_blankFileIsFine() {
        write("maps.yaml", "contexts: {a: {}}\n");
        write("empty.yaml", "");
        write("blank.yml", "\n   \n\n");

        assertThat(valid(ContextMaps.load(dir)).contexts()).containsOnlyKeys("a");
    }

    @Test
    void load_eventsAndSagas() {
        ContextModel model = valid(load("maps.yaml", """
                contexts:
                  order:   {inbox: "http://127.0.0.1:9101/events"}
                  product: {inbox: "kafka:product.events"}
                  payment: {inbox: "http://127.0.0.1:9301/events"}
                  audit:   {description: keeps everything}
                concepts:
                  game:
                    keys: {order: [code], product: [code]}
                    entries: [{order: {code: 1}, product: {code: 1001}}]
                events:
                  - type: order.placed
                    from: order
                    deadline: PT10M
                    deliver:
                      - to: product
                        data: {$.game.code: game.code, "$.lines[*].game": game.code}
                      - to: payment
                      - to: audit
                        endpoint: https://audit.example/inbox
                sagas:
                  - name: order-placement
                    start: order.placed
                    deadline: PT1H30M
                    participants:
                      - context: product
                        completed: product.reserved
                        failed: product.out-of-stock
                        compensation: product.release
                      - context: payment
                        completed: payment.captured
                        failed: payment.declined
                        compensation: payment.refund
                        negate: [$.amount, "$.lines[*].delta"]
                    outcome:
                      completed: order.confirmed
                      aborted: order.cancelled
                """));

        assertThat(model.contexts().get("product").inbox()).isEqualTo("kafka:product.events");
        assertThat(model.contexts().get("audit").inbox()).isNull();
        EventRoute placed = model.event("order.placed", "order").orElseThrow();
        assertThat(placed.deadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(placed.deliver()).extracting(Delivery::to).containsExactly("product", "payment", "audit");
        Delivery product = placed.deliver().get(0);
        assertThat(product.endpoint()).isNull();
        assertThat(product.data()).containsExactly(
                Map.entry(JsonPath.parse("$.game.code"), new IdentifierRef("game", "code", "code")),
                Map.entry(JsonPath.parse("$.lines[*].game"), new IdentifierRef("game", "code", "code")));
        assertThat(placed.deliver().get(1).data()).isEmpty();
        assertThat(placed.deliver().get(2).endpoint()).isEqualTo("https://audit.example/inbox");

        Saga saga = model.sagas().get(0);
        assertThat(saga.name()).isEqualTo("order-placement");
        assertThat(saga.start()).isEqualTo("order.placed");
        assertThat(saga.deadline()).isEqualTo(Duration.ofMinutes(90));
        assertThat(saga.participants()).extracting(Participant::context).containsExactly("product", "payment");
        Participant payment = saga.participants().get(1);
        assertThat(payment.completed()).isEqualTo("payment.captured");
        assertThat(payment.failed()).isEqualTo("payment.declined");
        assertThat(payment.compensation()).isEqualTo("payment.refund");
        assertThat(payment.negate()).extracting(JsonPath::text).containsExactly("$.amount", "$.lines[*].delta");
        assertThat(payment.negate().get(1).steps()).containsExactly(
                new JsonPath.Member("lines"), new JsonPath.EveryElement(), new JsonPath.Member("delta"));
        assertThat(saga.participants().get(0).negate()).isEmpty();
        assertThat(saga.outcome()).isEqualTo(new Saga.Outcome("order.confirmed", "order.cancelled"));
    }

    @Test
    void load_eventWithoutDeadlineOrDeliveries() {
        ContextModel model = valid(load("maps.yaml", """
                contexts: {order: {inbox: "http://127.0.0.1:9101/events"}}
                events:
                  - {type: order.noted, from: order}
                """));

        EventRoute noted = model.event("order.noted", "order").orElseThrow();
        assertThat(noted.deadline()).isNull();
        assertThat(noted.deliver()).isEmpty();
    }

    @Test
    void load_resolverWithDefaultsAndDeclaredBounds() {
        ContextModel model = valid(load("maps.yaml", """
                contexts: {shop: {}, crm: {}}
                concepts:
                  user:
                    keys: {shop: [id], crm: [id]}
                    resolver:
                      url: http://127.0.0.1:9401/users
                  order:
                    keys: {shop: [id], crm: [ref]}
                    resolver:
                      url: https://orders.example/resolve
                      timeout: PT0.5S
                      cache: {maximum-size: 500, ttl: PT1M, negative-ttl: PT5S}
                """));

        assertThat(model.concepts().get("user").table().size()).isZero();
        assertThat(model.concepts().get("user").resolverSpec()).contains(new ResolverSpec(URI.create("http://127.0.0.1:9401/users"),
                ResolverSpec.DEFAULT_TIMEOUT, ResolverSpec.DEFAULT_MAXIMUM_SIZE, ResolverSpec.DEFAULT_TTL, ResolverSpec.DEFAULT_NEGATIVE_TTL));
        assertThat(model.concepts().get("order").resolverSpec()).contains(new ResolverSpec(URI.create("https://orders.example/resolve"),
                Duration.ofMillis(500), 500, Duration.ofMinutes(1), Duration.ofSeconds(5)));
    }

    @Test
    void load_keepsDeclarationOrder() {
        write("a.yaml", "contexts: {zulu: {}, alpha: {}}\n");
        write("b.yaml", "contexts: {mike: {}}\n");

        assertThat(valid(ContextMaps.load(dir)).contexts().keySet()).containsExactly("zulu", "alpha", "mike");
    }

    private static ContextModel valid(LoadResult result) {
        assertThat(result.errors()).as("errors").isEmpty();
        assertThat(result.isValid()).isTrue();
        return result.model();
    }

    private LoadResult load(String file, String yaml) {
        write(file, yaml);
        return ContextMaps.load(dir);
    }

    private void write(String file, String text) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
