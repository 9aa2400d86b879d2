package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.tools.maptest.SweepReport.Outcome;
import dev.dragoman.tools.maptest.SweepReport.StubResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract sweep over the demo departments' own WireMock stubs (mock-upstreams) and the example maps, through the
 * real gateway: what passes, what the map lacks a row for (with the stub's file and the map's file:line) and what is
 * skipped because it describes no single request. A new stub or row changes the expected report on purpose: the
 * report is the contract.
 */
class ContractSweepTests {

    static final Path MAPS = Path.of("..", "context-maps");
    static final Path DEPARTMENTS = Path.of("..", "mock-upstreams", "src", "main", "resources", "departments");

    @TempDir
    Path tmp;

    /**
     * Game 1005 (agame_v) is the demo's game web support does not sell: it has no row for web-support, so the four stubs
     * naming it fail, each with the row to add (games.yaml:14). The regex URL and the two matches matchers describe no
     * single request and are skipped. Every other stub went through the gateway and matched.
     */
    @Test
    void gameDeptsStubs_throughWebSupportsRoute_fourStubsNameGame1005_whichHasNoRowForWebSupport() {
        SweepReport report = ContractSweep.run(MAPS, DEPARTMENTS.resolve("game-dept"), "web-support-to-game-dept", null, null);

        assertThat(report.describe().lines().toList()).containsExactlyElementsOf(GAME_DEPT.lines().toList());
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).isEmpty();
    }

    static final String GAME_DEPT = """
                ok   mappings/games.json:$.mappings[0] GET /game-dept/games/1
                ok   mappings/games.json:$.mappings[1] GET /game-dept/games/2
                ok   mappings/games.json:$.mappings[2] GET /game-dept/games/3
                ok   mappings/games.json:$.mappings[3] GET /game-dept/games/4
                FAIL mappings/games.json:$.mappings[4] GET /games/1005
                       mappings/games.json:$.mappings[4].request.urlPath: path /games/{game.code} segment 2 1005 (game.code) has no row for web-support in games.yaml:14
                ok   mappings/games.json:$.mappings[5] GET /game-dept/games?gameCode=1
                ok   mappings/games.json:$.mappings[6] GET /game-dept/games?gameCode=2
                ok   mappings/games.json:$.mappings[7] GET /game-dept/games?gameCode=3
                ok   mappings/games.json:$.mappings[8] GET /game-dept/games?gameCode=4
                FAIL mappings/games.json:$.mappings[9] GET /games
                       mappings/games.json:$.mappings[9].request.queryParameters.gameCode.equalTo: query gameCode 1005 (game.code) has no row for web-support in games.yaml:14
                ok   mappings/games.json:$.mappings[10] GET /game-dept/games/1/stats
                ok   mappings/games.json:$.mappings[11] GET /game-dept/games/2/stats
                ok   mappings/games.json:$.mappings[12] GET /game-dept/games/3/stats
                ok   mappings/games.json:$.mappings[13] GET /game-dept/games/4/stats
                FAIL mappings/games.json:$.mappings[14] GET /games/1005/stats
                       mappings/games.json:$.mappings[14].request.urlPath: path /games/{game.code}/stats segment 2 1005 (game.code) has no row for web-support in games.yaml:14
                FAIL mappings/games.json:$.mappings[15] GET /game-dept/featured
                       the gateway answered 502, expected the stub's 200 (the response holds 3 values that route web-support-to-game-dept cannot translate, the first at header X-Game-Name (game.name))
                       __files/games/1005.json:$.code: 1005 (game.code) has no row for web-support in games.yaml:14
                       __files/games/1005.json:$.name: agame_v (game.name) has no row for web-support in games.yaml:14
                       mappings/games.json:$.mappings[15].response.headers['X-Game-Name']: header X-Game-Name agame_v (game.name) has no row for web-support in games.yaml:14
                       mappings/games.json:$.mappings[15].response.bodyFileName: answers with __files/games/1005.json, which did not translate
                skip mappings/games.json:$.mappings[16] GET /games(/.*)?: its request cannot be translated: a regex over a path whose identifiers the route translates cannot be translated (it names values of one vocabulary, or wildcards that would match both): write one urlPath stub per identifier
                skip mappings/orders.json:$.mappings[0] POST /orders: header Content-Type is matched by 'matches', not equalTo
                ok   mappings/orders.json:$.mappings[1] POST /game-dept/orders
                ok   mappings/reviews.json:$.mappings[0] GET /game-dept/reviews
                skip mappings/reviews.json:$.mappings[1] GET /reviews: its request cannot be translated: a 'matches' matcher over an identifier (header X-Game-Name) cannot be translated: it matches values of one vocabulary; use equalTo, one stub per identifier
                ok   mappings/reviews.json:$.mappings[2] GET /game-dept/reviews
                rows the map lacks (add them where the concept is declared):
                  games.yaml:14: game.code 1005 for web-support, named by mappings/games.json:$.mappings[4], mappings/games.json:$.mappings[9], mappings/games.json:$.mappings[14], mappings/games.json:$.mappings[15]
                  games.yaml:14: game.name agame_v for web-support, named by mappings/games.json:$.mappings[15]
                sweep of ../mock-upstreams/src/main/resources/departments/game-dept against ../context-maps by route web-support-to-game-dept (web-support -> game-dept): 22 stubs: 15 passed, 4 failed, 3 skipped""";

    @Test
    void webSupportsStubs_throughGameDeptsRoute_allPass_butTheRegexCatchAll() {
        SweepReport report = ContractSweep.run(MAPS, DEPARTMENTS.resolve("web-support"), "game-dept-to-web-support", null, null);

        assertThat(report.describe().lines().toList()).containsExactlyElementsOf(WEB_SUPPORT.lines().toList());
        assertThat(report.passed()).as("skipped stubs do not fail a sweep").isTrue();
    }

    static final String WEB_SUPPORT = """
                ok   mappings/tickets.json:$.mappings[0] GET /web-support/tickets/by-game/1001
                ok   mappings/tickets.json:$.mappings[1] GET /web-support/tickets/by-game/1002
                ok   mappings/tickets.json:$.mappings[2] GET /web-support/tickets/by-game/1003
                ok   mappings/tickets.json:$.mappings[3] GET /web-support/tickets/by-game/1004
                ok   mappings/tickets.json:$.mappings[4] GET /web-support/tickets?game=mgame_x
                ok   mappings/tickets.json:$.mappings[5] GET /web-support/tickets?game=pgame_y
                ok   mappings/tickets.json:$.mappings[6] GET /web-support/tickets?game=vgame_z
                ok   mappings/tickets.json:$.mappings[7] GET /web-support/tickets?game=cgame_w
                skip mappings/tickets.json:$.mappings[8] GET /tickets(/.*)?: its request cannot be translated: a regex over a path whose identifiers the route translates cannot be translated (it names values of one vocabulary, or wildcards that would match both): write one urlPath stub per identifier
                sweep of ../mock-upstreams/src/main/resources/departments/web-support against ../context-maps by route game-dept-to-web-support (game-dept -> web-support): 9 stubs: 8 passed, 0 failed, 1 skipped""";

    @Test
    void aRowRemovedFromACopyOfTheMaps_isReportedWithTheStubsFile_andTheMapsFileAndLine_inTheReportAndItsJUnitXml() throws Exception {
        Path maps = copyOfTheMaps();
        Path games = maps.resolve("games.yaml");
        String text = Files.readString(games);
        String row = "      - game-dept:   {code: 1002, name: pgame_y}\n        web-support: {code: 2,    name: pc_game_y}\n";
        assertThat(text).contains(row);
        Files.writeString(games, text.replace(row, ""));

        SweepReport report = ContractSweep.run(maps, DEPARTMENTS.resolve("game-dept"), "web-support-to-game-dept", null, null);

        StubResult byPath = stub(report, "mappings/games.json:$.mappings[1]");
        assertThat(byPath.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(byPath.failures()).containsExactly(NO_ROW_1002);
        assertThat(report.missingRows()).contains("games.yaml:14: game.code 1002 for web-support, named by "
                + "mappings/games.json:$.mappings[0], mappings/games.json:$.mappings[1], mappings/games.json:$.mappings[5], "
                + "mappings/games.json:$.mappings[6], mappings/games.json:$.mappings[11]");
        // 1001's answer lists 1002 as related: the request goes through, the answer cannot come back
        StubResult related = stub(report, "mappings/games.json:$.mappings[0]");
        assertThat(related.request()).isEqualTo("GET /game-dept/games/1");
        assertThat(related.failures()).first().asString().startsWith("the gateway answered 502, expected the stub's 200");
        assertThat(related.failures()).contains("__files/games/1001.json:$.related[0].code: 1002 (game.code) has no row for web-support in games.yaml:14");
        assertThat(report.describe()).endsWith("22 stubs: 10 passed, 9 failed, 3 skipped");

        Path xml = tmp.resolve("reports/sweep.xml");
        JUnitXml.write(JUnitXml.of(report), xml);
        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(List.of(suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
                suite.getAttribute("skipped"))).containsExactly("22", "9", "0", "3");
        Element testcase = testcase(suite, "mappings/games.json:$.mappings[1] GET /games/1002");
        assertThat(testcase.getAttribute("classname")).isEqualTo("sweep.mappings/games.json");
        Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo(NO_ROW_1002);
        assertThat(failure.getTextContent()).isEqualTo(NO_ROW_1002);
        assertThat(testcase(suite, "mappings/games.json:$.mappings[2] GET /game-dept/games/3").getChildNodes().getLength()).isZero();
        assertThat(testcase(suite, "mappings/orders.json:$.mappings[0] POST /orders").getElementsByTagName("skipped").getLength()).isOne();
    }

    static final String NO_ROW_1002 = "mappings/games.json:$.mappings[1].request.urlPath: path /games/{game.code} segment 2 1002 "
            + "(game.code) has no row for web-support in games.yaml:14";

    @Test
    void aStubDirectoryWithoutMappings_isAProblem_andNoGatewayStarts() {
        SweepReport report = ContractSweep.run(MAPS, tmp, "web-support-to-game-dept", null, null);

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).containsExactly(tmp + " has no mappings folder: a WireMock stub directory holds mappings/ and __files/");
    }

    @Test
    void aConsumersStubs_areNotSwept_theSweepReadsTheCallees() {
        SweepReport report = ContractSweep.run(MAPS, DEPARTMENTS.resolve("web-support"), "web-support-to-game-dept", "web-support", "game-dept");

        assertThat(report.problems()).singleElement().asString().contains("the sweep reads the stubs of the route's callee");
    }

    @Test
    void theConsumerAlone_namesTheRoute_whenItCallsThroughOne() {
        SweepReport report = ContractSweep.run(MAPS, tmp, null, null, "web-support");

        assertThat(report.what()).isEqualTo(tmp + " against " + MAPS + " by route web-support-to-game-dept (web-support -> game-dept)");
        assertThat(report.problems()).containsExactly(tmp + " has no mappings folder: a WireMock stub directory holds mappings/ and __files/");
    }

    static StubResult stub(SweepReport report, String name) {
        return report.stubs().stream().filter(s -> s.stub().equals(name)).findFirst().orElseThrow();
    }

    static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    static Element testcase(Element suite, String name) {
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    private Path copyOfTheMaps() throws IOException {
        Path copy = tmp.resolve("maps");
        try (Stream<Path> walk = Files.walk(MAPS)) {
            for (Path source : walk.filter(p -> !p.toString().contains("target")).toList()) {
                Path target = copy.resolve(MAPS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }
}
