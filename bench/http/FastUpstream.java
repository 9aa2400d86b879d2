// The upstream of the HTTP suite (bench/http/suite.sh): a tiny Reactor Netty server answering
// any GET or POST under /1k/, /10k/ or /100k/ (e.g. GET /1k/games/1001) with a fixed JSON
// document of 1,024, 10,240 or 102,400 bytes in game-dept's vocabulary (bench/http/suite-maps):
// a game {code, name}, items[*].gameCode and related[*].{code, name}, 20 identifiers at 1 KB,
// 182 at 10 KB, 1,802 at 100 KB. A POST's body is read and kept (GET /last-body answers the
// last one), so the suite can check what the translating route forwarded.
// Run as a single-file program with the gateway's classpath (reactor-netty-http is on it):
//   java -cp "$(cat gateway/target/bench-classpath.txt)" bench/http/FastUpstream.java PORT DIR
// DIR receives the request bodies the load uses (request-game-dept.json, request-web-support.json,
// 1 KB each) and each answer as the translating route should return it (<size>-web-support.json).
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

public class FastUpstream {
    static final String[][] GAME_DEPT = {{"1001", "mgame_x"}, {"1002", "pgame_y"}, {"1003", "vgame_z"}, {"1004", "cgame_w"}};
    static final String[][] WEB_SUPPORT = {{"1", "mob_game_x"}, {"2", "pc_game_y"}, {"3", "vr_game_z"}, {"4", "console_game_w"}};

    /** An order-like document of n items and n related games (2 + 3n identifiers), padded to size bytes in game-dept's vocabulary. */
    static String document(String[][] games, int n, int size) {
        StringBuilder json = new StringBuilder("{\"id\": \"order-1\", \"game\": {\"code\": ").append(games[0][0])
                .append(", \"name\": \"").append(games[0][1]).append("\"}, \"items\": [");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"gameCode\": ").append(games[(i + 1) % 4][0])
                    .append(", \"quantity\": ").append(i % 5 + 1).append(", \"price\": \"12.50\"}");
        }
        json.append("], \"related\": [");
        for (int i = 0; i < n; i++) {
            String[] game = games[(i + 2) % 4];
            json.append(i == 0 ? "" : ", ").append("{\"code\": ").append(game[0]).append(", \"name\": \"").append(game[1])
                    .append("\", \"title\": \"a related game of the same family\"}");
        }
        json.append("], \"description\": \"");
        // the padding is computed on game-dept's document, so both vocabularies carry the same description
        int fill = size - document0Length(n) - 2;
        if (fill < 0) throw new IllegalStateException(n + " entries do not fit in " + size + " bytes");
        return json.append("x".repeat(fill)).append("\"}").toString();
    }

    static int document0Length(int n) {
        StringBuilder json = new StringBuilder("{\"id\": \"order-1\", \"game\": {\"code\": 1001, \"name\": \"mgame_x\"}, \"items\": [");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"gameCode\": ").append(GAME_DEPT[(i + 1) % 4][0])
                    .append(", \"quantity\": ").append(i % 5 + 1).append(", \"price\": \"12.50\"}");
        }
        json.append("], \"related\": [");
        for (int i = 0; i < n; i++) {
            String[] game = GAME_DEPT[(i + 2) % 4];
            json.append(i == 0 ? "" : ", ").append("{\"code\": ").append(game[0]).append(", \"name\": \"").append(game[1])
                    .append("\", \"title\": \"a related game of the same family\"}");
        }
        return json.append("], \"description\": \"").length();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        Map<String, Integer> entries = Map.of("1k", 6, "10k", 60, "100k", 600);
        Map<String, Integer> sizes = Map.of("1k", 1024, "10k", 10240, "100k", 102400);
        Map<String, byte[]> answers = new java.util.HashMap<>();
        for (String size : entries.keySet()) {
            int n = entries.get(size);
            answers.put(size, document(GAME_DEPT, n, sizes.get(size)).getBytes(StandardCharsets.UTF_8));
            Files.writeString(dir.resolve(size + "-web-support.json"), document(WEB_SUPPORT, n, sizes.get(size)));
            System.out.println("upstream /" + size + "/: " + answers.get(size).length + " bytes, " + (2 + 3 * n) + " identifiers");
        }
        Files.writeString(dir.resolve("request-game-dept.json"), document(GAME_DEPT, 6, 1024));
        Files.writeString(dir.resolve("request-web-support.json"), document(WEB_SUPPORT, 6, 1024));
        AtomicReference<byte[]> lastBody = new AtomicReference<>(new byte[0]);

        DisposableServer server = HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> {
                    String uri = request.uri();
                    if (uri.equals("/last-body")) {
                        return response.header("Content-Type", "application/json")
                                .sendByteArray(Mono.just(lastBody.get())).then();
                    }
                    int slash = uri.indexOf('/', 1);
                    byte[] body = slash < 0 ? null : answers.get(uri.substring(1, slash));
                    Mono<Void> read = request.method().name().equals("POST")
                            ? request.receive().aggregate().asByteArray().doOnNext(lastBody::set).then()
                            : request.receive().then();
                    if (body == null) {
                        return read.then(response.status(404).send());
                    }
                    return read.then(response.header("Content-Type", "application/json")
                            .header("Content-Length", Integer.toString(body.length))
                            .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))).then());
                })
                .bindNow();
        System.out.println("upstream on 127.0.0.1:" + server.port());
        server.onDispose().block();
    }
}
