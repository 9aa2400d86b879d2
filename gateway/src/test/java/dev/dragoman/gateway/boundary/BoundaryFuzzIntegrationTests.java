package dev.dragoman.gateway.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.fail;

import dev.dragoman.gateway.testing.TestUpstream;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12, "the proof" at the HTTP level: a running gateway on a context map generated for
 * this run (see {@link ForeignMap}), WireMock behind it, and requests and answers generated
 * with odd but legal encodings. For every request, either nothing reaches the upstream and
 * the caller gets a 4xx problem, or every ruled place of what the upstream receives holds the
 * callee's translation of what the caller sent; for every answer, the caller gets its own
 * vocabulary at every ruled place or a 502 problem that shows nothing of the callee's. Never a
 * 5xx of the gateway's own, never an ERROR line or a stack trace in its log.
 *
 * <p>The run's seed decides the map and every case; a failure prints it with each failing
 * case's own seed. {@code -Dfuzz.cases=N} runs N cases per direction (default 150),
 * {@code -Dfuzz.seed=S} repeats a run, {@code -Dfuzz.case=C} (with the run's seed) only case C.
 * The full report of a failing run is written under {@code target/boundary-fuzz/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=5s"})
class BoundaryFuzzIntegrationTests {

    static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    static final int CASES = Integer.getInteger("fuzz.cases", 150);
    static final Long ONLY_CASE = Long.getLong("fuzz.case");
    static final int DETAILED = 8;

    static final ForeignMap MAP = new ForeignMap(SEED);
    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answeringUncompressed("{\"ok\":true}");

    @DynamicPropertySource
    static void gatewayOnTheGeneratedMap(DynamicPropertyRegistry registry) {
        Path maps = MAP.write(upstream.port());
        registry.add("dragoman.context-maps", maps::toString);
        registry.add("dragoman.callers." + MAP.caller + ".api-keys", () -> RequestCase.API_KEY);
        registry.add("dragoman.callers." + MAP.callee + ".api-keys", () -> "fuzz-callee-key");
    }

    @LocalServerPort
    int port;

    /** One failing case, everything needed to see why. */
    record Failure(long seed, List<String> violations, String detail) {
    }

    @Test
    void requestsReachTheCalleeOnlyInItsVocabulary() {
        Map<String, List<Long>> outcomes = new TreeMap<>();
        List<Failure> failures = run(0x7265717565737473L, caseSeed -> {
            RequestCase c = RequestCase.generate(MAP, caseSeed, port);
            upstream.resetRequests();
            List<String> violations = new ArrayList<>();
            RawHttp.Response answer = null;
            try {
                answer = RawHttp.send(port, c.request());
            } catch (IOException e) {
                violations.add("no-answer: " + e.getMessage());
            }
            List<LoggedRequest> received = upstream.findAll(anyRequestedFor(anyUrl()));
            if (answer != null) {
                violations.addAll(RequestVerdict.check(c, received, answer));
                outcomes.computeIfAbsent(outcome(c.mustBeRefused(), received.isEmpty(), answer), k -> new ArrayList<>()).add(caseSeed);
            }
            StringBuilder detail = new StringBuilder();
            detail.append("notes: ").append(c.notes()).append('\n');
            detail.append("strict reading: ").append(c.mustBeRefused() ? "must be refused: " + c.refusals() : "must be forwarded, translated").append('\n');
            detail.append("--- the caller sent (route ").append(c.route().id()).append("):\n").append(c.request().show()).append('\n');
            detail.append("--- the upstream received:\n");
            if (received.isEmpty()) {
                detail.append("(nothing)\n");
            }
            for (LoggedRequest r : received) {
                detail.append(r.getMethod()).append(' ').append(r.getUrl()).append('\n').append(r.getHeaders().toString().trim()).append("\n\n")
                        .append(Reports.printable(r.getBody(), 3000)).append('\n');
            }
            detail.append("--- the caller got:\n").append(answer == null ? "(nothing)" : answer.show()).append('\n');
            return new Outcome(violations, detail.toString());
        });
        report("requests", failures, outcomes);
    }

    @Test
    void answersReachTheCallerOnlyInItsVocabulary() {
        Map<String, List<Long>> outcomes = new TreeMap<>();
        List<Failure> failures = run(0x616e7377657273L, caseSeed -> {
            ResponseCase c = ResponseCase.generate(MAP, caseSeed, port);
            upstream.resetAll();
            upstream.stubFor(any(anyUrl()).willReturn(c.stub()));
            List<String> violations = new ArrayList<>();
            RawHttp.Response answer = null;
            try {
                answer = RawHttp.send(port, c.request());
            } catch (IOException e) {
                violations.add("no-answer: " + e.getMessage());
            }
            if (answer != null) {
                violations.addAll(ResponseVerdict.check(c, answer));
                outcomes.computeIfAbsent((c.mustBeRefused() ? "untranslatable answer -> " : "translatable answer -> ") + answer.status()
                        + (ResponseVerdict.ownProblem(answer) != null ? " (gateway's problem)" : ""), k -> new ArrayList<>()).add(caseSeed);
            }
            StringBuilder detail = new StringBuilder();
            detail.append("notes: ").append(c.notes()).append('\n');
            detail.append("strict reading: ").append(c.mustBeRefused() ? "must be a 502: " + c.refusals() : "must reach the caller translated").append('\n');
            detail.append("--- the caller sent (route ").append(c.route().id()).append("):\n").append(c.request().show()).append('\n');
            detail.append("--- the upstream answered:\n").append(c.showUpstream()).append('\n');
            detail.append("--- the caller got:\n").append(answer == null ? "(nothing)" : answer.show()).append('\n');
            return new Outcome(violations, detail.toString());
        });
        report("answers", failures, outcomes);
    }

    record Outcome(List<String> violations, String detail) {
    }

    /** Runs the cases of one direction; {@code stream} keeps the two directions' case seeds apart. */
    private List<Failure> run(long stream, LongFunction<Outcome> oneCase) {
        LogRecorder logs = LogRecorder.attach();
        List<Failure> failures = new ArrayList<>();
        try {
            Random seeds = new Random(SEED ^ stream);
            for (int i = 0; i < (ONLY_CASE == null ? CASES : 1); i++) {
                long caseSeed = ONLY_CASE == null ? seeds.nextLong() : ONLY_CASE;
                logs.drain();
                Outcome outcome = oneCase.apply(caseSeed);
                List<String> violations = new ArrayList<>(outcome.violations());
                // what the gateway logged while serving this case (a line logged after the answer may land on the next case)
                logs.drain().forEach(line -> violations.add("log-error-or-stack-trace: " + line));
                if (!violations.isEmpty()) {
                    failures.add(new Failure(caseSeed, violations, outcome.detail()));
                } else if (ONLY_CASE != null) {
                    // a case replayed on its own is shown even when it holds
                    System.out.println(describe(new Failure(caseSeed, violations, outcome.detail())));
                }
            }
        } finally {
            logs.detach();
        }
        return failures;
    }

    private static String outcome(boolean mustBeRefused, boolean nothingForwarded, RawHttp.Response answer) {
        String problem = ResponseVerdict.ownProblem(answer) instanceof Json.Obj obj ? obj.members().stream()
                .filter(m -> m.getKey().equals("type")).map(m -> Json.text(m.getValue()).replace(ResponseVerdict.PROBLEM_TYPES, ""))
                .findFirst().orElse("") : "";
        return (mustBeRefused ? "untranslatable request -> " : "translatable request -> ")
                + (nothingForwarded ? "refused " + answer.status() + " " + problem : "forwarded, " + answer.status());
    }

    private void report(String name, List<Failure> failures, Map<String, List<Long>> outcomes) {
        StringBuilder summary = new StringBuilder();
        summary.append("boundary fuzz (").append(name).append("): seed ").append(SEED).append(", ")
                .append(ONLY_CASE == null ? CASES + " cases" : "case " + ONLY_CASE).append(", ").append(failures.size()).append(" failing\n");
        outcomes.forEach((outcome, seeds) -> summary.append("  ").append(seeds.size()).append(" x ").append(outcome)
                .append(" (e.g. case ").append(seeds.get(0)).append(")\n"));
        System.out.println(summary);
        if (failures.isEmpty()) {
            return;
        }
        Map<String, List<Long>> byKind = new TreeMap<>();
        for (Failure failure : failures) {
            failure.violations().stream().map(v -> v.substring(0, v.indexOf(':'))).distinct()
                    .forEach(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(failure.seed()));
        }
        StringBuilder report = new StringBuilder(summary);
        report.append("replay a run with -Dfuzz.seed=").append(SEED).append(", one case with -Dfuzz.seed=").append(SEED)
                .append(" -Dfuzz.case=<case seed>\n\nfailing cases by kind of violation:\n");
        byKind.forEach((kind, seeds) -> report.append("  ").append(kind).append(": ").append(seeds.size()).append(" cases, e.g. ")
                .append(seeds.subList(0, Math.min(3, seeds.size()))).append('\n'));
        // the first case of each kind first, so that every kind is shown once
        List<Failure> shown = new ArrayList<>();
        byKind.values().forEach(seeds -> failures.stream().filter(f -> f.seed() == seeds.get(0) && !shown.contains(f)).findFirst().ifPresent(shown::add));
        StringBuilder all = new StringBuilder(report);
        all.append("\nthe map (seed ").append(SEED).append("):\n").append(MAP.yaml(upstream.port())).append('\n');
        failures.forEach(f -> all.append(describe(f)));
        report.append('\n');
        shown.stream().limit(DETAILED).forEach(f -> report.append(describe(f)));
        report.append("\nthe map (seed ").append(SEED).append("):\n").append(MAP.yaml(upstream.port()));
        Path file = Path.of("target", "boundary-fuzz", name + "-" + SEED + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.append("\nevery failing case: ").append(file.toAbsolutePath()).append('\n');
        fail(report.toString());
    }

    private static String describe(Failure failure) {
        StringBuilder text = new StringBuilder("=== case ").append(failure.seed()).append('\n');
        failure.violations().forEach(v -> text.append("  ! ").append(v).append('\n'));
        text.append(failure.detail()).append('\n');
        return text.toString();
    }
}
