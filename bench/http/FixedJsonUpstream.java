// A minimal upstream for the gateway's rough load measurement: answers every request with
// the same JSON document (about 1 KB, 20 game codes and names in game-dept's vocabulary).
// The JDK's own HTTP server, run as a single-file program, so that nothing needs building:
//   java bench/http/FixedJsonUpstream.java 9301
// It is fast enough to keep a 2-core gateway busy; issue 6 replaces it with Reactor Netty.
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

public class FixedJsonUpstream {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "9301");
        StringBuilder json = new StringBuilder("{\"code\": 1001, \"name\": \"mgame_x\", \"related\": [");
        for (int i = 0; i < 18; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"code\": ").append(1001 + i % 4).append(", \"title\": \"a related game of the same family\"}");
        }
        json.append("], \"description\": \"").append("x".repeat(100)).append("\"}");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("upstream on 127.0.0.1:" + port + ", " + body.length + " bytes per answer");
    }
}
