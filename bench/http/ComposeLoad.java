// The load of bench/http/compose.sh: one screen's data read two ways by the same callers, in
// interleaved rounds. "composed" is one GET of the gateway's composition (three parts fetched in
// parallel by the gateway); "sequential" is the same three GETs of the translating route made
// one after another by the caller. Each of USERS threads loops for SECONDS per mode and round;
// a screen is one loop (1 request composed, 3 sequential), timed from its first byte sent to
// its last received. Prints one line per mode and round, then a Markdown table of medians and
// the ratios composed/sequential taken within each round (min / median / max).
//   java bench/http/ComposeLoad.java BASE_URL KEY ROUNDS SECONDS USERS
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

public class ComposeLoad {

    record Result(String mode, double screensPerSecond, double p50, double p99) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int rounds = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int users = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<URI> composed = List.of(URI.create(base + "/composed/1"));
        URI part = URI.create(base + "/translating/1k/games/1");
        List<URI> sequential = List.of(part, part, part);
        check(http, key, composed.get(0));
        check(http, key, part);
        // warm-up, not reported
        run(http, key, "composed", composed, Math.max(2, seconds / 2), users);
        run(http, key, "sequential", sequential, Math.max(2, seconds / 2), users);
        List<Result[]> pairs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean composedFirst = r % 2 == 0;
            Result first = composedFirst ? run(http, key, "composed", composed, seconds, users) : run(http, key, "sequential", sequential, seconds, users);
            Result second = composedFirst ? run(http, key, "sequential", sequential, seconds, users) : run(http, key, "composed", composed, seconds, users);
            Result c = composedFirst ? first : second;
            Result s = composedFirst ? second : first;
            System.out.printf(Locale.ROOT, "round %d: %s%n         %s%n", r + 1, c, s);
            pairs.add(new Result[] {c, s});
        }
        System.out.println();
        System.out.println("| read of one screen (3 x 1 KB, translated) | screens/s | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|");
        for (int i = 0; i < 2; i++) {
            int at = i;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f |%n", pairs.get(0)[i].mode(),
                    median(pairs.stream().map(p -> p[at].screensPerSecond()).toList()),
                    median(pairs.stream().map(p -> p[at].p50()).toList()),
                    median(pairs.stream().map(p -> p[at].p99()).toList()));
        }
        System.out.println();
        System.out.println("| composed / sequential, within a round | min | median | max |");
        System.out.println("|---|---:|---:|---:|");
        ratio("screens/s", pairs.stream().map(p -> p[0].screensPerSecond() / p[1].screensPerSecond()).toList());
        ratio("p50", pairs.stream().map(p -> p[0].p50() / p[1].p50()).toList());
        ratio("p99", pairs.stream().map(p -> p[0].p99() / p[1].p99()).toList());
    }

    static void check(HttpClient http, String key, URI uri) throws Exception {
        HttpResponse<String> answer = http.send(request(key, uri), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || answer.headers().firstValue("Dragoman-Composition-Gaps").isPresent()) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    static HttpRequest request(String key, URI uri) {
        return HttpRequest.newBuilder(uri).header("X-Api-Key", key).timeout(Duration.ofSeconds(30)).GET().build();
    }

    static Result run(HttpClient http, String key, String mode, List<URI> calls, int seconds, int users) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<List<Long>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        for (URI uri : calls) {
                            HttpResponse<byte[]> answer = http.send(request(key, uri), HttpResponse.BodyHandlers.ofByteArray());
                            if (answer.statusCode() != 200) {
                                throw new IllegalStateException(uri + " answered " + answer.statusCode());
                            }
                        }
                        mine.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Result(mode, all.size() / (double) seconds, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static void ratio(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", what, sorted.get(0), median(values), sorted.get(sorted.size() - 1));
    }
}
