package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FieldSpec;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.ValidationReport;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobKind;
import io.mercator.api.jobs.ScoringRequest;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.ScheduleInfo;
import io.mercator.api.jobs.TrainingRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What scheduled retraining promises on every {@link ScheduleLedger}: a subclass opens ledgers on
 * its (per-test, empty) storage; each call opens another one on the same storage, as a restart of
 * the same node would. Time is a settable clock: nothing sleeps.
 */
abstract class SchedulerContract {

    static final Instant MONDAY_0100 = Instant.parse("2026-03-02T01:00:00Z");

    /**
     * @return a ledger of this node on this test's storage
     * @throws Exception when it cannot be opened
     */
    protected abstract ScheduleLedger openLedger() throws Exception;

    final SettableClock clock = new SettableClock(MONDAY_0100);
    final RecordingJobs jobs = new RecordingJobs();
    final Datasets datasets = new Datasets();

    Scheduler scheduler(ScheduleLedger ledger, SettableClock time) {
        return new Scheduler(time, ledger, jobs, datasets);
    }

    static Map<String, Object> nightly(String... more) {
        Map<String, Object> properties = new HashMap<>(Map.of("family", "forecasting", "dataset", "weekly-sales",
                "strategy", "ets", "parameter.seasonLength", "7", "cron", "0 2 * * *", "timezone", "UTC",
                "felix.fileinstall.filename", "file:/home/conf/io.mercator.schedule-nightly.cfg"));
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void aScheduleStartsOneJobAtEachOccurrenceOnTheNewestDataSetWithItsLabel() throws Exception {
        Scheduler scheduler = scheduler(openLedger(), clock);
        scheduler.configure("io.mercator.schedule~nightly", nightly());
        ScheduleInfo listed = scheduler.list().get(0);
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), listed.nextRun());
        assertNull(listed.lastRun());

        clock.set(Instant.parse("2026-03-02T01:59:59Z"));
        scheduler.runDue();
        assertEquals(List.of(), jobs.requests);

        clock.set(Instant.parse("2026-03-02T02:00:05Z"));
        scheduler.runDue();
        scheduler.runDue();
        assertEquals(List.of(new TrainingRequest(Family.FORECASTING, "forecasting-0000new1", "ets",
                Map.of("seasonLength", "7"), "schedule:nightly")), jobs.requests);

        ScheduleInfo after = scheduler.list().get(0);
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), after.lastRun());
        assertEquals("job-00000001", after.lastJobId());
        assertEquals(Instant.parse("2026-03-03T02:00:00Z"), after.nextRun());
        assertNull(after.lastError());

        clock.set(Instant.parse("2026-03-03T02:00:00Z"));
        scheduler.runDue();
        assertEquals(2, jobs.requests.size());
    }

    @Test
    void occurrencesMissedWhileStoppedRunOnceAtTheNextStart() throws Exception {
        Scheduler before = scheduler(openLedger(), clock);
        before.configure("pid", nightly());
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        before.runDue();
        assertEquals(1, jobs.requests.size());

        clock.set(Instant.parse("2026-03-06T09:00:00Z")); // stopped for four nights
        Scheduler restarted = scheduler(openLedger(), clock);
        restarted.configure("pid", nightly());
        assertEquals(Instant.parse("2026-03-03T02:00:00Z"), restarted.list().get(0).nextRun(), "overdue");
        restarted.runDue();
        restarted.runDue();
        assertEquals(2, jobs.requests.size(), "one run for the four missed");
        ScheduleInfo caughtUp = restarted.list().get(0);
        assertEquals(Instant.parse("2026-03-06T02:00:00Z"), caughtUp.lastRun(), "the latest missed occurrence");
        assertEquals(Instant.parse("2026-03-07T02:00:00Z"), caughtUp.nextRun());
    }

    @Test
    void aNewScheduleWaitsForItsNextOccurrence() throws Exception {
        clock.set(Instant.parse("2026-03-02T14:00:00Z"));
        Scheduler scheduler = scheduler(openLedger(), clock);
        scheduler.configure("pid", nightly());
        scheduler.runDue();
        assertEquals(List.of(), jobs.requests);
        assertEquals(Instant.parse("2026-03-03T02:00:00Z"), scheduler.list().get(0).nextRun());
    }

    @Test
    void aRunThatCannotStartAJobIsListedWithTheReasonAndTheNextRunStillComes() throws Exception {
        Scheduler scheduler = scheduler(openLedger(), clock);
        scheduler.configure("pid", nightly("dataset", "no-such-label"));
        clock.set(Instant.parse("2026-03-02T02:00:30Z"));
        scheduler.runDue();
        assertEquals(List.of(), jobs.requests);
        ScheduleInfo failed = scheduler.list().get(0);
        assertEquals(Instant.parse("2026-03-02T02:00:00Z"), failed.lastRun());
        assertNull(failed.lastJobId());
        assertEquals("dataset: no forecasting data set has the id or label 'no-such-label'", failed.lastError());
        assertEquals(Instant.parse("2026-03-03T02:00:00Z"), failed.nextRun());
    }

    @Test
    void anInvalidConfigurationIsListedWithItsErrorAndNeverRuns() throws Exception {
        Scheduler scheduler = scheduler(openLedger(), clock);
        scheduler.configure("io.mercator.schedule~nightly", nightly("cron", "0 25 * * *"));
        ScheduleInfo invalid = scheduler.list().get(0);
        assertEquals("nightly", invalid.name());
        assertEquals("/home/conf/io.mercator.schedule-nightly.cfg", invalid.source());
        assertTrue(invalid.configurationError().startsWith(
                "/home/conf/io.mercator.schedule-nightly.cfg: field 'cron' '0 25 * * *' is not a cron expression"),
                invalid.configurationError());
        assertNull(invalid.nextRun());
        clock.set(Instant.parse("2026-03-10T00:00:00Z"));
        scheduler.runDue();
        assertEquals(List.of(), jobs.requests);

        scheduler.configure("io.mercator.schedule~nightly", nightly());
        assertNull(scheduler.list().get(0).configurationError(), "a corrected file replaces the error");
        scheduler.remove("io.mercator.schedule~nightly");
        assertEquals(List.of(), scheduler.list());
    }

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Records the jobs asked for and answers with queued jobs job-00000001, job-00000002... */
    static final class RecordingJobs implements JobService {
        final List<TrainingRequest> requests = Collections.synchronizedList(new ArrayList<>());

        @Override
        public JobInfo startTraining(TrainingRequest request) {
            requests.add(request);
            return new JobInfo("job-%08d".formatted(requests.size()), request.family(), request.datasetId(),
                    request.strategySpec(), request.parameters(), JobState.QUEUED, 0, "queued", Instant.now(), null,
                    null, null, null, null, null, request.trigger(), JobKind.TRAINING);
        }

        @Override
        public JobInfo startScoring(ScoringRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<JobInfo> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<JobInfo> list() {
            return List.of();
        }

        @Override
        public JobInfo cancel(String id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Two forecasting data sets labelled weekly-sales, the newer listed first, and one of another family. */
    static final class Datasets implements DatasetService {
        private final List<DatasetInfo> all = List.of(
                info("forecasting-0000new1", Family.FORECASTING, "weekly-sales", "2026-02-02T00:00:00Z"),
                info("forecasting-0000old1", Family.FORECASTING, "weekly-sales", "2026-01-01T00:00:00Z"),
                info("pricing-00000001", Family.PRICING, "weekly-sales", "2025-12-01T00:00:00Z"));

        private static DatasetInfo info(String id, Family family, String label, String created) {
            Instant at = Instant.parse(created);
            return new DatasetInfo(id, family, label, List.of("sales.csv"), at, at, 10, List.of(), 100, null, null,
                    new ValidationReport(10, 10, 0, 0, List.of()));
        }

        @Override
        public List<FieldSpec> fields(Family family) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Class<?> inputType(Family family) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatasetInfo importData(Family family, DataSource source, ImportOptions options,
                TrainingContext progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DatasetInfo> list() {
            return all;
        }

        @Override
        public Optional<DatasetInfo> find(String id) {
            return all.stream().filter(each -> each.id().equals(id)).findFirst();
        }

        @Override
        public boolean delete(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <D> D open(String id, Class<D> type) {
            throw new UnsupportedOperationException();
        }
    }
}
