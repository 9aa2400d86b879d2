// The inboxes of the event load benchmark (bench/events/load.sh): a tiny Reactor Netty server
// that answers 202 to every POST at once and remembers, per copy, when it arrived and the copy
// itself, so the script can tell end-to-end latency and delivery rate without a mock server's
// own cost in the way (WireMock journals and matches every request).
// Run as a single-file program with the gateway's classpath (reactor-netty-http is on it):
//   java -cp "$(cat gateway/target/bench-classpath.txt)" bench/events/FastInbox.java PORT [DELAY_MS]
// DELAY_MS (default 0): a slow receiver, answering each copy that many milliseconds after it arrived
//   GET  /stats            {"received": <copies held>}
//   POST /dump?file=PATH   writes the copies held to PATH, one a line: <arrival, epoch µs> TAB <path> TAB <body>,
//                          then forgets them (each phase of the benchmark dumps its own)
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

public class FastInbox {
    record Copy(long arrivedMicros, String path, String body) {
    }

    static final Instant EPOCH = Instant.EPOCH;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        java.time.Duration delay = java.time.Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0);
        ConcurrentLinkedQueue<Copy> copies = new ConcurrentLinkedQueue<>();
        AtomicLong held = new AtomicLong();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> {
                    String uri = request.uri();
                    if (uri.equals("/stats")) {
                        return response.header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"received\": " + held.get() + "}")).then();
                    }
                    if (uri.startsWith("/dump?file=")) {
                        Path file = Path.of(uri.substring("/dump?file=".length()));
                        return request.receive().then(Mono.fromCallable(() -> dump(copies, held, file)))
                                .flatMap(n -> response.sendString(Mono.just("{\"written\": " + n + "}")).then());
                    }
                    // the arrival is taken when the request's head is read, before its body: the moment the gateway's POST reached us
                    long arrived = ChronoUnit.MICROS.between(EPOCH, Instant.now());
                    return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                            .doOnNext(body -> {
                                copies.add(new Copy(arrived, uri, body));
                                held.incrementAndGet();
                            })
                            .then(delay.isZero() ? Mono.empty() : Mono.delay(delay).then())
                            .then(response.status(202).send());
                })
                .bindNow();
        System.out.println("inbox on 127.0.0.1:" + server.port());
        server.onDispose().block();
    }

    static synchronized int dump(ConcurrentLinkedQueue<Copy> copies, AtomicLong held, Path file) throws Exception {
        List<Copy> taken = new ArrayList<>();
        for (Copy copy; (copy = copies.poll()) != null; ) {
            taken.add(copy);
        }
        held.addAndGet(-taken.size());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Copy copy : taken) {
                // JSON may hold raw newlines only as whitespace between tokens, so flattening them keeps one copy a line
                out.write(copy.arrivedMicros + "\t" + copy.path + "\t" + copy.body.replace('\n', ' ').replace('\r', ' ') + "\n");
            }
        }
        return taken.size();
    }
}
