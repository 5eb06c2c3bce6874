package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobState;
import io.mercator.platform.store.postgres.PostgresModelStore;
import io.mercator.testing.postgres.PostgresDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job manager's contract on the PostgreSQL history, and what two nodes sharing it see. */
class PostgresJobManagerTest extends JobManagerContract {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private DataSource database;
    private String schema;

    @BeforeEach
    void newSchema() throws Exception {
        database = DATABASE.dataSource();
        schema = "jobs_" + SCHEMAS.incrementAndGet();
        new PostgresModelStore(database, schema, "test").migrate();
    }

    @Override
    protected JobHistory openHistory() {
        return new PostgresJobHistory(database, schema, "node-a");
    }

    @Test
    void twoNodesSeeEachOthersJobsAndARestartFailsOnlyItsOwn() throws Exception {
        JobManager nodeA = manager(new PostgresJobHistory(database, schema, "node-a"));
        JobManager nodeB = manager(new PostgresJobHistory(database, schema, "node-b"));
        strategy.release.countDown();
        JobInfo onA = nodeA.startTraining(request(Map.of()));
        JobInfo done = awaitState(nodeA, onA.id(), JobState.SUCCEEDED);
        assertEquals(done, awaitState(nodeB, onA.id(), JobState.SUCCEEDED));
        assertEquals(List.of(onA.id()), nodeB.list().stream().map(JobInfo::id).toList());
        assertEquals(done, nodeB.cancel(onA.id()), "cancelling a finished job changes nothing");

        strategy.release = new CountDownLatch(1);
        strategy.started = new CountDownLatch(1);
        JobInfo running = nodeA.startTraining(request(Map.of()));
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));
        awaitState(nodeB, running.id(), JobState.RUNNING);
        JobManager nodeBRestarted = manager(new PostgresJobHistory(database, schema, "node-b"));
        assertEquals(JobState.RUNNING, nodeBRestarted.find(running.id()).orElseThrow().state());
    }

    @Test
    void aJobIsCancelledFromAnotherNodeWithinItsNextChecks() throws Exception {
        JobManager nodeA = manager(new PostgresJobHistory(database, schema, "node-a"));
        JobManager nodeB = manager(new PostgresJobHistory(database, schema, "node-b"));
        JobInfo running = nodeA.startTraining(request(Map.of()));
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));
        awaitState(nodeB, running.id(), JobState.RUNNING);

        JobInfo asked = nodeB.cancel(running.id());
        assertEquals("cancelling (asked by node-b)", asked.message());
        JobInfo cancelled = awaitState(nodeA, running.id(), JobState.CANCELLED);
        assertEquals(cancelled, awaitState(nodeB, running.id(), JobState.CANCELLED));
        assertTrue(store.saved.isEmpty());
        assertThrows(ValidationException.class, () -> nodeB.cancel("job-00000000"));
    }
}
