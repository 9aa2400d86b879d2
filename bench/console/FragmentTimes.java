// Times the console's saga and outbox fragments (the HTML the Sagas and Outbox tabs draw) over HTTP
// against a running gateway, one request at a time: p50 and p99 of each over <samples> requests,
// after a warm-up. A deep page is reached by following the fragment's own Next button.
//   java bench/console/FragmentTimes.java <gateway url> <admin key> <samples> <out file>
// Writes one line per fragment: label|path and query|HTTP statuses of the samples|p50 ms|p99 ms.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FragmentTimes {

    static final Pattern NEXT = Pattern.compile("<button[^>]*id=\"saga-next\"[^>]*>");
    static final Pattern HX_GET = Pattern.compile("hx-get=\"([^\"]*)\"");
    static final Pattern STAMP = Pattern.compile("data-stamp=\"([^\"]*)\"");
    static final Pattern SAGAID = Pattern.compile("data-sagaid=\"([^\"]*)\"");
    static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static String key;

    public static void main(String[] args) throws Exception {
        base = args[0];
        key = args[1];
        int samples = Integer.parseInt(args[2]);
        String first = "/admin/console/sagas/list";
        HttpResponse<String> firstPage = get(first);
        Matcher stamp = STAMP.matcher(firstPage.body());
        Matcher saga = SAGAID.matcher(firstPage.body());
        if (!stamp.find() || !saga.find()) {
            throw new IllegalStateException("the first page has no stamp or no saga: " + firstPage.body());
        }
        List<String[]> fragments = new ArrayList<>();
        fragments.add(new String[] {"sagas tab, first page (every saga, newest first)", first});
        fragments.add(new String[] {"sagas tab, page 20 (Next followed)", deep(first, 19)});
        fragments.add(new String[] {"sagas tab, open and confirming, nearest deadline first",
                "/admin/console/sagas/list?status=open&status=confirming&order=deadline"});
        fragments.add(new String[] {"sagas tab, status=completed and saga=returns", "/admin/console/sagas/list?status=completed&saga=returns"});
        fragments.add(new String[] {"sagas tab, sagaid prefix order-0471", "/admin/console/sagas/list?sagaid=order-0471"});
        fragments.add(new String[] {"sagas tab, the 2 s poll while nothing changed (204)", first + "?shown=" + stamp.group(1)});
        fragments.add(new String[] {"a saga's page", "/admin/console/sagas/one?id=" + saga.group(1)});
        fragments.add(new String[] {"outbox tab, first page", "/admin/console/outbox/list"});
        StringBuilder out = new StringBuilder();
        for (String[] fragment : fragments) {
            get(fragment[1]);
            for (int i = 0; i < Math.max(20, samples / 10); i++) {
                get(fragment[1]);
            }
            double[] times = new double[samples];
            java.util.TreeMap<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                statuses.merge(get(fragment[1]).statusCode(), 1, Integer::sum);
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            double p50 = times[(int) Math.ceil(samples * 0.50) - 1];
            double p99 = times[(int) Math.ceil(samples * 0.99) - 1];
            String line = String.format("%s|%s|%s|%.1f|%.1f", fragment[0], fragment[1].replaceAll("(cursor|trail|shown)=[^&]+", "$1=…"),
                    statuses, p50, p99);
            System.out.println(line);
            out.append(line).append('\n');
        }
        Files.writeString(Path.of(args[3]), out);
    }

    static String deep(String first, int pages) throws Exception {
        String link = first;
        for (int i = 0; i < pages; i++) {
            Matcher next = NEXT.matcher(get(link).body());
            Matcher target = next.find() ? HX_GET.matcher(next.group()) : null;
            if (target == null || !target.find()) {
                throw new IllegalStateException("no Next on page " + (i + 1));
            }
            link = target.group(1).replace("&amp;", "&");
        }
        return link;
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
