package dev.dragoman.kit.autoconfigure;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the kit's tables in the service's database with a Flyway of its own: its own location
 * and history table, so the kit's versions never collide with the service's migrations, and the
 * service's Flyway (if any) is left alone. Baseline at version 0 because the service's tables are
 * already there. Created after the service's own database initialisation
 * ({@code @DependsOnDatabaseInitialization}), so the service's Flyway meets the empty schema it expects on a first start.
 */
public final class KitSchema {

    public static final String LOCATION = "classpath:db/dragoman-kit";
    public static final String HISTORY_TABLE = "dragoman_kit_schema_history";

    private KitSchema() {
    }

    public static KitSchema migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new KitSchema();
    }

    /** For {@code dragoman.kit.create-schema=false}: the service has applied the kit's SQL itself. */
    static KitSchema providedByService() {
        return new KitSchema();
    }
}
