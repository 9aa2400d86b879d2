// Times pages of GET /admin/sagas (and GET /admin/changes) over HTTP against a running gateway,
// one request at a time: p50 and p99 of each query over <samples> requests, after a warm-up.
// A deep page is reached by following 'next' links from the first page, then timed as one link.
//   java bench/console/PageTimes.java <gateway url> <admin key> <samples> <out file>
// Writes one line per query: label|path and query|sagas on the page|p50 ms|p99 ms.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PageTimes {

    static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]*)\"");
    static final Pattern SAGAID = Pattern.compile("\"sagaid\":");
    static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String key;

    public static void main(String[] args) throws Exception {
        base = args[0];
        key = args[1];
        int samples = Integer.parseInt(args[2]);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String from = now.minus(java.time.Duration.ofDays(15)).toString();
        String to = now.minus(java.time.Duration.ofDays(15)).plus(java.time.Duration.ofHours(6)).toString();
        List<String[]> queries = new ArrayList<>();
        queries.add(new String[] {"open list, first page (no parameter)", "/admin/sagas"});
        String[] openDeep = deep("/admin/sagas", 499);
        queries.add(new String[] {"open list, page " + openDeep[1] + " (cursor)", openDeep[0]});
        queries.add(new String[] {"every saga newest first, first page", "/admin/sagas?order=newest"});
        String[] newestDeep = deep("/admin/sagas?order=newest", 999);
        queries.add(new String[] {"every saga newest first, page " + newestDeep[1] + " (cursor)", newestDeep[0]});
        queries.add(new String[] {"status=completed", "/admin/sagas?status=completed"});
        queries.add(new String[] {"status=aborted,timed-out (two merged)", "/admin/sagas?status=aborted,timed-out"});
        queries.add(new String[] {"status=open&order=deadline", "/admin/sagas?status=open&order=deadline"});
        queries.add(new String[] {"saga=returns", "/admin/sagas?saga=returns"});
        queries.add(new String[] {"sagaid=order-0471 (100 match)", "/admin/sagas?sagaid=order-0471"});
        queries.add(new String[] {"sagaid=order- (80% match)", "/admin/sagas?sagaid=order-"});
        queries.add(new String[] {"from/to, 6 hours 15 days ago", "/admin/sagas?from=" + from + "&to=" + to});
        queries.add(new String[] {"status=completed, from/to, limit=500", "/admin/sagas?status=completed&from=" + from + "&to=" + to
                + "&limit=500"});
        queries.add(new String[] {"GET /admin/changes", "/admin/changes"});
        StringBuilder out = new StringBuilder();
        for (String[] query : queries) {
            String body = get(query[1]);
            int listed = count(body);
            for (int i = 0; i < Math.max(20, samples / 10); i++) {
                get(query[1]);
            }
            double[] times = new double[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                get(query[1]);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            double p50 = times[(int) Math.ceil(samples * 0.50) - 1];
            double p99 = times[(int) Math.ceil(samples * 0.99) - 1];
            String line = String.format("%s|%s|%d|%.1f|%.1f", query[0], shorten(query[1]), listed, p50, p99);
            System.out.println(line);
            out.append(line).append('\n');
        }
        Files.writeString(Path.of(args[3]), out);
    }

    /** The link of the page that many pages after the first, or of the last page when there are fewer; and its number. */
    static String[] deep(String first, int pages) throws Exception {
        String link = first;
        int page = 1;
        for (int i = 0; i < pages; i++) {
            Matcher next = NEXT.matcher(get(link));
            if (!next.find()) {
                break;
            }
            link = next.group(1);
            page++;
        }
        return new String[] {link, String.format("%,d", page)};
    }

    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static int count(String body) {
        Matcher m = SAGAID.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String shorten(String link) {
        return link.replaceAll("cursor=[A-Za-z0-9_-]+", "cursor=…");
    }
}
