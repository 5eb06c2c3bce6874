package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.platform.store.postgres.PostgresModelStore;
import io.mercator.testing.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scheduled retraining with its runs claimed in PostgreSQL, and two nodes sharing it. */
class PostgresSchedulerTest extends SchedulerContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private DataSource database;
    private String schema;
    private final ExecutorService nodes = Executors.newFixedThreadPool(2);

    @BeforeEach
    void newSchema() throws Exception {
        database = DATABASE.dataSource();
        schema = "schedules_" + SCHEMAS.incrementAndGet();
        new PostgresModelStore(database, schema, "test").migrate();
    }

    @AfterEach
    void stopNodes() {
        nodes.shutdownNow();
    }

    @Override
    protected ScheduleLedger openLedger() {
        return new PostgresScheduleLedger(database, schema, "node-a");
    }

    @Test
    void twoNodesCheckingAtTheSameMomentRunEachOccurrenceOnce() throws Exception {
        Scheduler nodeA = scheduler(new PostgresScheduleLedger(database, schema, "node-a"), clock);
        Scheduler nodeB = scheduler(new PostgresScheduleLedger(database, schema, "node-b"), clock);
        nodeA.configure("pid-a", nightly());
        nodeB.configure("pid-b", nightly());
        int nights = 20;
        Instant night = Instant.parse("2026-03-02T02:00:00Z");
        for (int i = 0; i < nights; i++) {
            clock.set(night.plus(Duration.ofDays(i)));
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> checks = List.of(
                    nodes.submit(() -> {
                        together.await();
                        nodeA.runDue();
                        return null;
                    }),
                    nodes.submit(() -> {
                        together.await();
                        nodeB.runDue();
                        return null;
                    }));
            for (Future<?> check : checks) {
                check.get(30, TimeUnit.SECONDS);
            }
        }
        assertEquals(nights, jobs.requests.size());
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet runs = statement.executeQuery("SELECT count(*), count(DISTINCT occurrence), count(job_id) "
                        + "FROM " + schema + ".schedule_runs WHERE schedule = 'nightly'")) {
            runs.next();
            assertEquals(nights, runs.getInt(1));
            assertEquals(nights, runs.getInt(2));
            assertEquals(nights, runs.getInt(3), "each run names its job");
        }
        assertEquals(nodeA.list(), nodeB.list(), "both nodes list the same last run");
    }
}
