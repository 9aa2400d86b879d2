package dev.dragoman.bench.kit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The service's database for one measurement: the embedded in-memory H2 the kit's tests use, or a
 * real PostgreSQL started from io.zonky's binaries (as the kit's {@code KitStoresTests} does), each
 * new and empty so that no run sees another's rows.
 */
record BenchDatabase(String kind, String url, String user, EmbeddedPostgres postgres) implements AutoCloseable {

    static BenchDatabase open(String kind, String name) {
        return switch (kind) {
            case "h2" -> new BenchDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", null);
            case "postgresql" -> {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                    yield new BenchDatabase(kind, postgres.getJdbcUrl("postgres", "postgres"), "postgres", postgres);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
                }
            }
            default -> throw new IllegalArgumentException("database must be h2 or postgresql, not " + kind);
        };
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
