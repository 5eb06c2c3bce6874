package io.mercator.platform.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StoredModel;
import io.mercator.platform.store.ModelStoreContract;
import io.mercator.testing.postgres.PostgresDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared {@link ModelStoreContract} on a real PostgreSQL server (a schema per test, each
 * store with its own connection pool as on separate nodes), and what only a database store
 * meets: schema versions, nodes migrating at once, lost connections, missing chunks.
 */
class PostgresModelStoreTest extends ModelStoreContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String schema;

    @BeforeEach
    void newSchema() {
        schema = "test_" + SCHEMAS.incrementAndGet();
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Override
    protected PostgresModelStore openStore() {
        return openStore("node-" + (pools.size() + 1));
    }

    private PostgresModelStore openStore(String node) {
        HikariDataSource pool = ConnectionPool.open(DATABASE.url(), DATABASE.user(), DATABASE.password(), 4);
        pools.add(pool);
        return new PostgresModelStore(pool, schema, node);
    }

    @Override
    protected void corrupt(StoredModel model) throws SQLException {
        int changed = update("UPDATE " + schema + ".model_chunks SET bytes = set_byte(bytes, 10, get_byte(bytes, 10) # 1) "
                + "WHERE model_id = ? AND chunk_index = 0", model.id());
        assertEquals(1, changed);
    }

    @Override
    protected void assertNothingStored(Family family) throws Exception {
        openStore().migrate(); // a rejected first save may come before any table exists
        assertEquals(0, count("SELECT count(*) FROM " + schema + ".models WHERE family = ?", family.id()));
        assertEquals(0, count("SELECT count(*) FROM " + schema + ".model_chunks", null), "no chunk of any model");
    }

    @Test
    void nodesStartingTogetherCreateTheSchemaOnce() throws Exception {
        int nodes = 6;
        List<PostgresModelStore> stores = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            stores.add(openStore("node-" + n));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Callable<Integer>> migrations = new ArrayList<>();
            for (PostgresModelStore store : stores) {
                migrations.add(() -> {
                    start.await();
                    return store.migrate();
                });
            }
            List<Future<Integer>> versions = new ArrayList<>();
            for (Callable<Integer> migration : migrations) {
                versions.add(threads.submit(migration));
            }
            start.countDown();
            for (Future<Integer> version : versions) {
                assertEquals(latestVersion(), version.get(60, TimeUnit.SECONDS).intValue());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(latestVersion(), count("SELECT count(*) FROM " + schema + ".schema_version", null),
                "each script ran once");
        assertEquals(1, count("SELECT count(DISTINCT applied_by) FROM " + schema + ".schema_version", null),
                "one node applied them all");
        assertEquals(latestVersion(), openStore().migrate(), "a later start finds nothing to do");
    }

    @Test
    void aSchemaNewerThanTheCodeIsRefusedWithWhatToDo() throws Exception {
        openStore().migrate();
        update("INSERT INTO " + schema + ".schema_version (version, description, applied_by) VALUES (99, 'future', ?)",
                "node-from-the-future");
        IOException refused = assertThrows(IOException.class, () -> openStore().list(Family.PRICING));
        assertTrue(refused.getMessage().contains("is at version 99, newer than this Mercator knows ("
                + latestVersion() + "): upgrade Mercator on this node"), refused.getMessage());
    }

    @Test
    void aFailedMigrationLeavesThePreviousVersion() throws Exception {
        openStore().migrate();
        update("DELETE FROM " + schema + ".schema_version WHERE version = ?", latestVersion());
        // the last script already ran, so running it again fails half-way through (a table it drops is gone)
        IOException failed = assertThrows(IOException.class, () -> openStore().migrate());
        assertTrue(failed.getMessage().contains("cannot create or migrate the schema '" + schema + "'")
                && failed.getMessage().contains("does not exist"), failed.getMessage());
        assertEquals(latestVersion() - 1, count("SELECT max(version) FROM " + schema + ".schema_version", null));
    }

    @Test
    void badSchemaNamesAreRejectedBeforeAnySql() {
        schema = "mercator; DROP TABLE models";
        ValidationException bad = assertThrows(ValidationException.class, this::openStore);
        assertEquals("schema", bad.field());
    }

    /** The database's view of kill -9 of a node mid-save: its connection ends, its transaction is rolled back. */
    @Test
    void aConnectionLostDuringASaveLeavesNothing() throws Exception {
        PostgresModelStore store = openStore();
        store.migrate();
        CountDownLatch firstChunkWritten = new CountDownLatch(1);
        CountDownLatch connectionKilled = new CountDownLatch(1);
        Model interrupted = new Model() {
            @Override
            public String strategyName() {
                return "item-knn";
            }

            @Override
            public String strategyVersion() {
                return "1.0.0";
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes(PostgresModelStore.CHUNK_SIZE + 10)); // one chunk goes to the database
                firstChunkWritten.countDown();
                try {
                    connectionKilled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                out.write(bytes(2 * PostgresModelStore.CHUNK_SIZE));
            }
        };
        ExecutorService saver = Executors.newSingleThreadExecutor();
        try {
            Future<StoredModel> save = saver.submit(() -> store.save(Family.FILTERING, interrupted, Map.of()));
            assertTrue(firstChunkWritten.await(30, TimeUnit.SECONDS));
            assertEquals(1, count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
                    + "current_database() AND state = 'idle in transaction' AND query LIKE '%model_chunks%'", null));
            connectionKilled.countDown();
            Exception failure = assertThrows(Exception.class, () -> save.get(30, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IOException, failure.toString());
        } finally {
            saver.shutdownNow();
        }
        assertEquals(List.of(), openStore().list(Family.FILTERING));
        assertNothingStored(Family.FILTERING);
    }

    /** A node killed with SIGKILL in the middle of a save: the server ends its session and rolls the save back. */
    @Test
    void aNodeKilledDuringASaveLeavesNothing() throws Exception {
        openStore().migrate();
        String writing = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = 'mercator' AND state = 'idle in transaction' AND query LIKE '%model_chunks%'";
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process node = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                SlowWriter.class.getName(), DATABASE.url(), DATABASE.user(), DATABASE.password(), schema)
                .redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count(writing, null) == 0) {
                assertTrue(System.nanoTime() < deadline, "the node never started writing");
                assertTrue(node.isAlive(), () -> "the node ended early: " + output(node));
                Thread.sleep(20);
            }
            Thread.sleep(300); // well inside the save, which takes ten seconds
        } finally {
            node.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks, no rollback sent
            node.waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(writing, null) > 0) {
            assertTrue(System.nanoTime() < deadline, "the server kept the killed node's session");
            Thread.sleep(20);
        }
        assertEquals(List.of(), openStore().list(Family.FORECASTING));
        assertNothingStored(Family.FORECASTING);
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Run in a child JVM (args: url, user, password, schema): saves a model that takes ten seconds to write. */
    public static final class SlowWriter {
        public static void main(String[] args) throws Exception {
            PostgresModelStore store = new PostgresModelStore(ConnectionPool.open(args[0], args[1], args[2], 1), args[3],
                    "doomed");
            store.save(Family.FORECASTING, new Model() {
                @Override
                public String strategyName() {
                    return "slow";
                }

                @Override
                public String strategyVersion() {
                    return "1.0.0";
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    for (int chunk = 0; chunk < 100; chunk++) {
                        out.write(bytes(PostgresModelStore.CHUNK_SIZE));
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                }
            }, Map.of());
        }
    }

    @Test
    void aMissingChunkIsReportedAsCorruption() throws Exception {
        PostgresModelStore store = openStore();
        StoredModel saved = store.save(Family.FORECASTING,
                new BytesModel("ets", bytes(3 * PostgresModelStore.CHUNK_SIZE), false), Map.of());
        assertEquals(3, count("SELECT count(*) FROM " + schema + ".model_chunks WHERE model_id = ?", saved.id()));
        update("DELETE FROM " + schema + ".model_chunks WHERE model_id = ? AND chunk_index = 1", saved.id());
        IOException corrupt = assertThrows(IOException.class, () -> store.open(saved.id()));
        assertEquals("stored model '" + saved.id() + "' is corrupt: chunk 1 is missing", corrupt.getMessage());
    }

    @Test
    void aModelDeletedWhileBeingReadEndsTheReadClearly() throws Exception {
        PostgresModelStore store = openStore();
        StoredModel saved = store.save(Family.FORECASTING,
                new BytesModel("ets", bytes(3 * PostgresModelStore.CHUNK_SIZE), false), Map.of());
        try (InputStream in = store.open(saved.id())) {
            assertEquals(100, in.readNBytes(100).length);
            assertTrue(store.delete(saved.id()));
            in.skipNBytes(PostgresModelStore.CHUNK_SIZE - 100); // the rest of the chunk already fetched
            NoSuchFileException gone = assertThrows(NoSuchFileException.class, in::read);
            assertEquals("stored model '" + saved.id() + "' was deleted while being read", gone.getMessage());
        }
    }

    @Test
    void aStoreStartedWhileTheDatabaseIsDownWorksOnceItIsUp() throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(DATABASE.url());
        database.setUser(DATABASE.user());
        database.setPassword(DATABASE.password());
        int port = database.getPortNumbers()[0];
        database.setPortNumbers(new int[] {unusedPort()});
        PostgresModelStore store = new PostgresModelStore(database, schema, "node-1");

        IOException down = assertThrows(IOException.class, () -> store.list(Family.PRICING));
        assertTrue(down.getMessage().startsWith("cannot create or migrate the schema '" + schema + "' in PostgreSQL: "),
                down.getMessage());
        database.setPortNumbers(new int[] {port});
        assertEquals(List.of(), store.list(Family.PRICING), "the schema is created on the next use");
        assertEquals(1, count("SELECT count(*) FROM " + schema + ".schema_version WHERE version = 1", null));
    }

    @Test
    void metadataTheRecordRejectsLeavesNoModel() throws Exception {
        PostgresModelStore store = openStore();
        Map<String, String> withNullValue = new HashMap<>();
        withNullValue.put("dataset", null);
        assertThrows(NullPointerException.class,
                () -> store.save(Family.PRICING, new BytesModel("log-log", bytes(100), false), withNullValue));
        assertNothingStored(Family.PRICING);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int latestVersion() {
        return Schema.SCRIPTS.get(Schema.SCRIPTS.size() - 1).version();
    }

    private static int update(String sql, Object parameter) throws SQLException {
        try (Connection connection = DATABASE.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection connection = DATABASE.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
