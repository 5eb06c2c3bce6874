package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.platform.store.postgres.PostgresModelStore;
import io.mercator.testing.postgres.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalogue contract on PostgreSQL; the contract's "other service on the same storage" is what
 * another node sharing the database sees.
 */
class PostgresCatalogueTest extends DatasetCatalogueContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private DataSource database;
    private String schema;

    @BeforeEach
    void newSchema() throws Exception {
        database = DATABASE.dataSource();
        schema = "datasets_" + SCHEMAS.incrementAndGet();
        new PostgresModelStore(database, schema, "test").migrate();
    }

    @Override
    protected DatasetCatalogue openCatalogue() {
        return new PostgresCatalogue(database, schema);
    }

    @Override
    protected Path stagingFolder() {
        return temp.resolve("staging");
    }

    @Override
    protected void assertNothingStored() throws Exception {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet counts = statement.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".datasets), "
                        + "(SELECT count(*) FROM " + schema + ".dataset_chunks)")) {
            counts.next();
            assertEquals(0, counts.getLong(1), "data sets");
            assertEquals(0, counts.getLong(2), "chunks");
        }
    }
}
