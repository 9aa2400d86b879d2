package dev.dragoman.tools.maptest;

import dev.dragoman.tools.maptest.MapTestReport.CaseResult;
import dev.dragoman.tools.maptest.SweepReport.StubResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A run of map tests or a sweep as JUnit XML in the surefire format (one {@code testsuite}, a {@code testcase} per case
 * or stub), which CI dashboards read without a plugin of ours. Problems that kept cases from running are test cases in
 * {@code error}, so that a dashboard cannot show a green run that ran nothing.
 *
 * @param name the suite's name ({@code map tests of context-maps/tests})
 */
public record JUnitXml(String name, List<Case> cases) {

    public JUnitXml {
        cases = List.copyOf(cases);
    }

    /**
     * One test case: at most one of {@code failure}, {@code error} and {@code skipped} is non-null.
     *
     * @param failure the failure text, one line per difference
     */
    public record Case(String classname, String name, String failure, String error, String skipped) {
    }

    /** A map-test run: a case per map test case, named {@code file:line case-name}. */
    public static JUnitXml of(MapTestReport report, String name) {
        List<Case> cases = problems(report.problems(), "map tests");
        for (CaseResult c : report.cases()) {
            cases.add(new Case("maptest." + c.file().getFileName(), c.name(),
                    c.passed() ? null : String.join("\n", c.describe()), null, null));
        }
        return new JUnitXml(name, cases);
    }

    /** A sweep: a case per stub, named {@code mappings/games.json:$.mappings[4] GET /game-dept/games/...}. */
    public static JUnitXml of(SweepReport report) {
        List<Case> cases = problems(report.problems(), "sweep");
        for (StubResult stub : report.stubs()) {
            String classname = "sweep." + stub.stub().substring(0, stub.stub().indexOf(':'));
            cases.add(new Case(classname, stub.stub() + " " + stub.request(),
                    stub.failures().isEmpty() ? null : String.join("\n", stub.failures()), null, stub.skipped()));
        }
        return new JUnitXml("sweep of " + report.what(), cases);
    }

    private static List<Case> problems(List<String> problems, String classname) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            cases.add(new Case(classname, "problem " + (i + 1), null, problems.get(i), null));
        }
        return cases;
    }

    public long count(java.util.function.Predicate<Case> which) {
        return cases.stream().filter(which).count();
    }

    /** The XML, UTF-8. */
    public String toXml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            Document document = factory.newDocumentBuilder().newDocument();
            Element suite = document.createElement("testsuite");
            suite.setAttribute("name", name);
            suite.setAttribute("tests", Integer.toString(cases.size()));
            suite.setAttribute("failures", Long.toString(count(c -> c.failure() != null)));
            suite.setAttribute("errors", Long.toString(count(c -> c.error() != null)));
            suite.setAttribute("skipped", Long.toString(count(c -> c.skipped() != null)));
            suite.setAttribute("time", "0");
            document.appendChild(suite);
            for (Case c : cases) {
                Element testcase = document.createElement("testcase");
                testcase.setAttribute("classname", c.classname());
                testcase.setAttribute("name", c.name());
                testcase.setAttribute("time", "0");
                if (c.failure() != null) {
                    testcase.appendChild(outcome(document, "failure", c.failure()));
                } else if (c.error() != null) {
                    testcase.appendChild(outcome(document, "error", c.error()));
                } else if (c.skipped() != null) {
                    Element skipped = document.createElement("skipped");
                    skipped.setAttribute("message", c.skipped());
                    testcase.appendChild(skipped);
                }
                suite.appendChild(testcase);
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            java.io.StringWriter text = new java.io.StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(text));
            return text.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    /** The message is the first line (what a dashboard lists); the element's text is all of it. */
    private static Element outcome(Document document, String kind, String text) {
        Element element = document.createElement(kind);
        element.setAttribute("message", text.lines().findFirst().orElse(text));
        element.setAttribute("type", kind.equals("failure") ? "dragoman.ContractMismatch" : "dragoman.CouldNotRun");
        element.setTextContent(text);
        return element;
    }

    /**
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(JUnitXml xml, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write(xml.toXml());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
