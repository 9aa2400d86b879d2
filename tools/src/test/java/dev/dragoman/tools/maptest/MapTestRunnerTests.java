package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself, on small maps of its own: what passes, what fails and how it says so. */
class MapTestRunnerTests {

    static final String MAPS = """
            contexts:
              shop:  {description: Shop, inbox: http://127.0.0.1:1/events}
              store: {description: Store, inbox: http://127.0.0.1:1/events}
            concepts:
              item:
                keys: {shop: [id], store: [id]}
                entries:
                  - {shop: {id: 1}, store: {id: S-1}}
                  - {shop: {id: 2}, store: {id: S-2}}
            routes:
              - id: shop-to-store
                from: shop
                to: store
                path: /store/**
                strip-prefix: 1
                upstream: http://127.0.0.1:1
                request:
                  path-templates: ['/items/{item.id}']
                response:
                  body: {$.id: item.id, '$.related[*]': item.id}
            events:
              - type: item.sold
                from: shop
                deliver:
                  - to: store
                    data: {$.id: item.id}
            """;

    @TempDir
    Path maps;

    @Test
    void passingAndFailingCases_failuresNameFileLineAndTheDifference() throws IOException {
        Path tests = write("""
                http:
                  - name: right
                    route: shop-to-store
                    request: {path: /store/items/1}
                    upstream:
                      receives: {path: /items/S-1}
                      answers: {body: {id: S-1, related: [S-2]}}
                    response: {body: {id: 1, related: [2]}}

                  - name: wrong
                    route: shop-to-store
                    request: {path: /store/items/1}
                    upstream:
                      receives: {path: /items/S-2}
                      answers: {body: {id: S-1, related: [S-2]}}
                    response: {body: {id: "1", related: [2, 1]}}
                events:
                  - name: sold
                    publish: {from: shop, type: item.sold, data: {id: 2, price: 0.5}}
                    deliver:
                      store: {data: {id: S-2, price: 0.50}}
                  - name: sold, wrongly expected
                    publish: {from: shop, type: item.sold, data: {id: 2}}
                    deliver:
                      store: {data: {id: S-1}}
                """);

        MapTestReport report = MapTestRunner.run(maps, tests);

        String file = tests.resolve("shop.test.yaml").toString();
        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).isEmpty();
        assertThat(report.cases()).extracting(MapTestReport.CaseResult::name, MapTestReport.CaseResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("right", true), org.assertj.core.groups.Tuple.tuple("wrong", false),
                        org.assertj.core.groups.Tuple.tuple("sold", true), org.assertj.core.groups.Tuple.tuple("sold, wrongly expected", false));
        assertThat(report.describe()).contains(
                file + ":10: case 'wrong': the upstream received path /items/S-1, expected /items/S-2",
                file + ":10: case 'wrong': the caller's body at $.id: expected \"1\", got 1",
                file + ":10: case 'wrong': the caller's body at $.related: expected 2 elements, got 1: [2]",
                file + ":22: case 'sold, wrongly expected': store's copy of item.sold, data at $.id: expected \"S-1\", got \"S-2\"",
                "4 map test cases: 2 passed, 2 failed");
    }

    @Test
    void anUntranslatableRequest_isCheckedAsAnExpectedError() throws IOException {
        Path tests = write("""
                http:
                  - name: unknown item
                    route: shop-to-store
                    request: {path: /store/items/7}
                    error:
                      status: 422
                      errors: [{location: 'path /items/{item.id} segment 2', value: '7'}]
                  - name: wrongly expected to pass
                    route: shop-to-store
                    request: {path: /store/items/7}
                    upstream: {answers: {body: {id: S-1}}}
                    response: {body: {id: 1}}
                """);

        MapTestReport report = MapTestRunner.run(maps, tests);

        assertThat(report.cases().get(0).failures()).isEmpty();
        assertThat(report.cases().get(1).failures()).containsExactly(
                "the upstream of route shop-to-store received no request",
                "the caller received status 422, expected 200 (the request holds '7' at path /items/{item.id} segment 2 (item.id),"
                        + " which route shop-to-store cannot translate)");
    }

    @Test
    void aMalformedTestFile_isAProblemWithFileAndLine_andNoCaseRuns() throws IOException {
        Path tests = write("""
                http:
                  - name: typo
                    route: shop-to-store
                    reqest: {path: /store/items/1}
                """);
        Files.writeString(tests.resolve("syntax.test.yaml"), """
                http:
                  - name: broken
                    request: {path: /store/items/1
                """);
        Files.writeString(tests.resolve("route.test.yaml"), """
                http:
                  - name: no such route
                    route: shop-to-stor
                    request: {path: /store/items/1}
                    response: {status: 200}
                """);

        MapTestReport report = MapTestRunner.run(maps, tests);

        assertThat(report.passed()).isFalse();
        assertThat(report.cases()).isEmpty();
        assertThat(report.problems()).hasSize(3);
        assertThat(report.problems().get(0)).startsWith(tests.resolve("route.test.yaml") + ":3: route 'shop-to-stor' is not declared in the maps;");
        assertThat(report.problems().get(1)).startsWith(tests.resolve("shop.test.yaml") + ":4: unknown key 'reqest' (known here: name, route,");
        assertThat(report.problems().get(2)).startsWith(tests.resolve("syntax.test.yaml") + ":").contains("YAML syntax error");
    }

    @Test
    void mapsThatDoNotLoad_orNoTests_areProblems() throws IOException {
        Files.writeString(maps.resolve("shop.yaml"), MAPS);
        Path tests = Files.createDirectories(maps.resolve("tests"));
        assertThat(MapTestRunner.run(maps, tests).problems()).containsExactly(tests + ": no test files (*.yaml, *.yml) here");

        Files.writeString(maps.resolve("bad.yaml"), "contexts:\n  shop: {descripton: x}\n");
        MapTestReport report = MapTestRunner.run(maps, tests);
        assertThat(report.passed()).isFalse();
        assertThat(report.describe()).contains("bad.yaml:2:", "the maps do not load, so no case ran");
    }

    private Path write(String tests) throws IOException {
        Files.writeString(maps.resolve("shop.yaml"), MAPS);
        Path dir = Files.createDirectories(maps.resolve("tests"));
        Files.writeString(dir.resolve("shop.test.yaml"), tests);
        return dir;
    }
}
