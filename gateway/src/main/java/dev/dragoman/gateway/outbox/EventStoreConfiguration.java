package dev.dragoman.gateway.outbox;

import com.zaxxer.hikari.HikariDataSource;
import dev.dragoman.gateway.config.DragomanProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The event store's database: {@code spring.datasource.url} when one is configured, otherwise
 * an embedded H2 file in {@code dragoman.data-dir}, so that a single gateway needs nothing
 * installed. H2 runs in PostgreSQL mode so that the one set of SQL serves both.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

    /**
     * WRITE_DELAY=0: every commit reaches the file before the commit returns, so an event answered
     * 202 survives kill -9 (H2 otherwise writes up to half a second later). DB_CLOSE_ON_EXIT=FALSE: the
     * database closes with the pool, after the workers have stopped, not in H2's own shutdown hook before them.
     */
    public static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, DragomanProperties dragoman) {
        if (!StringUtils.hasText(properties.getUrl())) {
            // H2 refuses a path relative to the working directory without "./"; an absolute one says where the data is.
            Path directory = dragoman.dataDir().toAbsolutePath().normalize();
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the event store's directory " + directory
                        + " (dragoman.data-dir): " + e.getMessage(), e);
            }
            // async: Java's interruptible FileChannel closes for good when a thread doing I/O is
            // interrupted (a cancelled request, a stopping executor), and H2 then fails every later
            // write with ClosedChannelException; the asynchronous channel is not interruptible.
            properties.setUrl("jdbc:h2:async:" + directory.resolve("dragoman") + H2_SETTINGS);
            if (!StringUtils.hasText(properties.getUsername())) {
                properties.setUsername("dragoman");
            }
            log.info("Events are stored in {} (dragoman.data-dir)", directory);
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
}
