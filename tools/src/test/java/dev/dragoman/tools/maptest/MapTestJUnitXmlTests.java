package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.tools.maptest.MapTestReport.CaseResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Map-test runs as surefire XML, read back with the JDK's own parser: the counts, and each case's failure text. */
class MapTestJUnitXmlTests {

    @TempDir
    Path tmp;

    @Test
    void aCasePerMapTestCase_theFailureIsTheCasesFailureText_andAProblemIsAnError() throws Exception {
        Path file = Path.of("context-maps/tests/games.test.yaml");
        MapTestReport report = new MapTestReport(List.of("context-maps/tests/x.yaml:3: unknown key 'reqest'"), List.of(
                new CaseResult(file, 7, "by code", List.of()),
                new CaseResult(file, 20, "by name <&>", List.of("the caller received status 502, expected 200",
                        "the upstream received path /games/1, expected /games/1001"))));
        Path xml = tmp.resolve("TEST-map-tests.xml");

        JUnitXml.write(JUnitXml.of(report, "map tests of context-maps/tests"), xml);

        Element suite = ContractSweepTests.parse(xml).getDocumentElement();
        assertThat(List.of(suite.getAttribute("name"), suite.getAttribute("tests"), suite.getAttribute("failures"),
                suite.getAttribute("errors"), suite.getAttribute("skipped")))
                .containsExactly("map tests of context-maps/tests", "3", "1", "1", "0");
        Element failed = ContractSweepTests.testcase(suite, "by name <&>");
        assertThat(failed.getAttribute("classname")).isEqualTo("maptest.games.test.yaml");
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("context-maps/tests/games.test.yaml:20: case 'by name <&>': the caller received status 502, expected 200");
        assertThat(failure.getTextContent()).isEqualTo(String.join("\n", report.cases().get(1).describe()));
        assertThat(ContractSweepTests.testcase(suite, "by code").getChildNodes().getLength()).isZero();
        Element error = (Element) ContractSweepTests.testcase(suite, "problem 1").getElementsByTagName("error").item(0);
        assertThat(error.getTextContent()).isEqualTo("context-maps/tests/x.yaml:3: unknown key 'reqest'");
    }
}
