package dev.dragoman.gateway.events;

import dev.dragoman.gateway.outbox.EventStoreConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh databases with the gateway's migrations, for tests of the stores without Spring: the
 * embedded H2 with the gateway's own settings, or a real PostgreSQL server that the tests start
 * from Maven's binaries once per JVM (a new database in it per test).
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** @param kind {@code h2} or {@code postgresql} */
    public static HikariDataSource create(String kind) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(switch (kind) {
            case "h2" -> "jdbc:h2:mem:" + UUID.randomUUID() + EventStoreConfiguration.H2_SETTINGS + ";DB_CLOSE_DELAY=-1";
            case "postgresql" -> newPostgresDatabase();
            default -> throw new IllegalArgumentException("no test database of kind " + kind);
        });
        dataSource.setUsername(kind.equals("postgresql") ? "postgres" : "sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** A new, empty database on the shared PostgreSQL server, as a JDBC URL. */
    public static synchronized String newPostgresDatabase() {
        String name = "dragoman_" + UUID.randomUUID().toString().replace('-', '_');
        try (Connection connection = server().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on the embedded PostgreSQL", e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * Points a Spring Boot test's store at a new database on the shared PostgreSQL server.
     *
     * @return the database's name, to take it away and bring it back
     */
    public static String usePostgres(DynamicPropertyRegistry registry) {
        String url = newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        return databaseName(url);
    }

    /** Runs a statement as the superuser on the server's own database (to take a test database away, say). */
    public static synchronized void onPostgresServer(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on the embedded PostgreSQL", e);
        }
    }

    /** Takes a test database away, as an outage would: no new connections, and the open ones cut. */
    public static void takeAway(String database) {
        onPostgresServer("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        onPostgresServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    /** Brings a database taken away back. */
    public static void bringBack(String database) {
        onPostgresServer("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    /** The database name at the end of a JDBC URL made by {@link #newPostgresDatabase()}. */
    public static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int parameters = path.indexOf('?');
        return parameters < 0 ? path : path.substring(0, parameters);
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is ending; its temporary directory goes with it
                }
            }, "embedded-postgres-stop"));
        }
        return postgres;
    }

    /** Waits for another thread of the test to reach its point (two instances interleaved by hand). */
    public static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other side got there").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
