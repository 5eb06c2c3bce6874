package io.mercator.it.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.QuerySource;
import io.mercator.api.datasets.ResultExporter;
import io.mercator.api.datasets.TableTarget;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.testing.postgres.PostgresServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Named connections inside the platform: a factory configuration io.mercator.connection with a
 * PostgreSQL URL becomes a connection that imports query and exports write to, through the
 * DataSourceFactory the driver bundle of system/ registers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JdbcConnectionTest extends PlatformTest {

    @Inject
    private ConfigurationAdmin configurations;

    @Inject
    private DatasetService datasets;

    @Inject
    private ResultExporter exporter;

    /** Runs outside the framework: starts the test server, fills a table and hands the coordinates in. */
    @Override
    @Configuration
    public Option[] config() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("it_jdbc");
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE purchases (customer text, bought_on date, amount numeric(10, 2));"
                    + "INSERT INTO purchases VALUES ('C1', '2024-01-02', 10.50), ('C2', '2024-01-03', 7)");
        }
        return new Option[] {PlatformOptions.platform(Files.createTempDirectory("mercator-deploy")),
            systemProperty("it.postgres.url").value(server.url(database)),
            systemProperty("it.postgres.user").value(server.user()),
            systemProperty("it.postgres.password").value(server.password())};
    }

    @Test
    public void aConfiguredConnectionImportsAQueryAndTakesAnExport() throws Exception {
        org.osgi.service.cm.Configuration connection = configurations.getFactoryConfiguration(
                "io.mercator.connection", "erp", "?");
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("name", "erp");
        settings.put("url", System.getProperty("it.postgres.url"));
        settings.put("user", System.getProperty("it.postgres.user"));
        settings.put(".password", System.getProperty("it.postgres.password"));
        connection.update(settings);

        QuerySource purchases = new QuerySource("erp",
                "SELECT customer AS customer_id, bought_on AS date, amount FROM purchases");
        DatasetInfo imported = importOnceConfigured(purchases);
        assertEquals(2, imported.rows());

        SegmentAssignment segments = new SegmentAssignment(IdDictionary.of("customer", "C1", "C2"), new int[] {0, 1}, 2);
        assertEquals(2, exporter.exportSegments(segments, new TableTarget("erp", "segments", TableTarget.Mode.REPLACE)));
        DatasetInfo readBack = datasets.importData(Family.FILTERING, new QuerySource("erp",
                "SELECT customer_id AS user_id, 'segment-' || segment AS item_id FROM segments"),
                ImportOptions.defaults(), TrainingContext.none());
        assertEquals(2, readBack.rows());

        connection.delete();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                datasets.importData(Family.SEGMENTATION, purchases, ImportOptions.defaults(), TrainingContext.none());
            } catch (ValidationException gone) {
                assertTrue(gone.getMessage(), gone.getMessage().contains("no connection named 'erp'"));
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("the connection is still there after its configuration was deleted");
            }
            Thread.sleep(50);
        }
    }

    /** The connection appears once configuration admin and DS have handled the new configuration. */
    private DatasetInfo importOnceConfigured(QuerySource source) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                return datasets.importData(Family.SEGMENTATION, source, ImportOptions.defaults(), TrainingContext.none());
            } catch (ValidationException notYet) {
                if (!notYet.getMessage().contains("no connection named") || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }
}
