package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

abstract class JobManagerContract {

    static final String DATASET = "forecasting-0000abcd";

    /**
     * @return a history on this test's storage; every call opens another history on the same
     *     storage, as another start of the same node would
     * @throws Exception when it cannot be opened
     */
    protected abstract JobHistory openHistory() throws Exception;

    final TestStrategy strategy = new TestStrategy();
    final MemoryStore store = new MemoryStore();
    private final List<JobManager> managers = new ArrayList<>();

    JobManager manager() throws Exception {
        return manager(openHistory());
    }

    JobManager manager(JobHistory history) throws IOException {
        OneDataset twoSeries = new OneDataset(DATASET, Family.FORECASTING, List.of("series_id", "period", "value"),
                SeriesSet.builder(0).add("a", 1, 2).add("b", 3, 4).build());
        JobManager manager = new JobManager(history, twoSeries, new OneStrategyRegistry(strategy), store, 1);
        managers.add(manager);
        return manager;
    }

    @AfterEach
    void release() {
        strategy.release.countDown();
        managers.forEach(JobManager::close);
    }

    static TrainingRequest request(Map<String, String> parameters) {
        return new TrainingRequest(Family.FORECASTING, DATASET, "blocking", parameters);
    }

    static JobInfo awaitState(JobService jobs, String id, JobState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JobInfo info = jobs.find(id).orElseThrow();
        while (info.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
            info = jobs.find(id).orElseThrow();
        }
        assertEquals(state, info.state(), info.toString());
        return info;
    }

    @Test
    void aJobFitsReportsProgressAndStoresTheModelWithItsDataSet() throws Exception {
        JobManager jobs = manager();
        JobInfo queued = jobs.startTraining(request(Map.of("steps", "4")));
        assertEquals(JobState.QUEUED, queued.state());
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));
        JobInfo running = awaitState(jobs, queued.id(), JobState.RUNNING);
        assertEquals("blocking", running.strategyName());
        while (jobs.find(queued.id()).orElseThrow().progress() < 0.5) {
            Thread.sleep(5);
        }
        assertEquals("step 2 of 4", jobs.find(queued.id()).orElseThrow().message(),
                "half the fit is half the fit's share of the bar: 0.1 + 0.85 / 2");
        strategy.release.countDown();

        JobInfo done = awaitState(jobs, queued.id(), JobState.SUCCEEDED);
        assertEquals(1, done.progress());
        assertNotNull(done.startedAt());
        assertNotNull(done.finishedAt());
        assertEquals("1.2.0", done.strategyVersion());
        StoredModel model = store.saved.get(0);
        assertEquals(model.id(), done.modelId());
        assertEquals(DATASET, model.metadata().get(JobService.DATASET_METADATA));
        assertEquals(done.id(), model.metadata().get(JobService.JOB_METADATA));
        assertEquals("{steps=4}", model.metadata().get("parameters"));
        assertEquals("blocking", model.strategyName());
    }

    @Test
    void cancellingARunningJobStopsItAndStoresNothing() throws Exception {
        JobManager jobs = manager();
        JobInfo job = jobs.startTraining(request(Map.of()));
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));
        assertEquals("cancelling", jobs.cancel(job.id()).message());

        JobInfo cancelled = awaitState(jobs, job.id(), JobState.CANCELLED);
        assertNotNull(cancelled.finishedAt());
        assertNull(cancelled.modelId());
        assertTrue(store.saved.isEmpty());
        assertEquals(JobState.CANCELLED, jobs.cancel(job.id()).state(), "cancelling again changes nothing");
    }

    @Test
    void aQueuedJobCancelledNeverRuns() throws Exception {
        JobManager jobs = manager();
        JobInfo first = jobs.startTraining(request(Map.of()));
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));
        JobInfo second = jobs.startTraining(request(Map.of()));
        JobInfo cancelled = jobs.cancel(second.id());
        assertEquals(JobState.CANCELLED, cancelled.state());
        assertNull(cancelled.startedAt());

        strategy.release.countDown();
        awaitState(jobs, first.id(), JobState.SUCCEEDED);
        assertEquals(1, strategy.fits, "only the first job was fitted");
        assertEquals(List.of(second.id(), first.id()), jobs.list().stream().map(JobInfo::id).toList(),
                "newest first");
    }

    @Test
    void aFailingFitIsRecordedWithItsReason() throws Exception {
        JobManager jobs = manager();
        strategy.failure = new ValidationException("values", "series 'a' is too short for season 12");
        strategy.release.countDown();
        JobInfo job = jobs.startTraining(request(Map.of()));

        JobInfo failed = awaitState(jobs, job.id(), JobState.FAILED);
        assertEquals("values: series 'a' is too short for season 12", failed.error());
        assertTrue(store.saved.isEmpty());
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsQueued() throws Exception {
        JobManager jobs = manager();
        assertThrows(ValidationException.class, () -> jobs.startTraining(
                new TrainingRequest(Family.FORECASTING, "forecasting-ffffffff", "", Map.of())));
        ValidationException otherFamily = assertThrows(ValidationException.class, () -> jobs.startTraining(
                new TrainingRequest(Family.PRICING, DATASET, "", Map.of())));
        assertEquals("dataset: forecasting-0000abcd holds forecasting data, not pricing", otherFamily.getMessage());
        ValidationException unknownParameter = assertThrows(ValidationException.class,
                () -> jobs.startTraining(request(Map.of("speed", "9"))));
        assertTrue(unknownParameter.getMessage().startsWith("speed: unknown parameter"));
        assertThrows(ValidationException.class, () -> jobs.startTraining(request(Map.of("steps", "0"))));
        assertThrows(StrategyNotFoundException.class, () -> jobs.startTraining(
                new TrainingRequest(Family.FORECASTING, DATASET, "missing", Map.of())));
        assertTrue(jobs.list().isEmpty());
    }

    @Test
    void historySurvivesARestartAndJobsCutOffByACrashAreFailed() throws Exception {
        JobManager first = manager();
        strategy.release.countDown();
        JobInfo done = awaitState(first, first.startTraining(request(Map.of())).id(), JobState.SUCCEEDED);
        strategy.release = new CountDownLatch(1);
        strategy.started = new CountDownLatch(1);
        JobInfo running = first.startTraining(request(Map.of()));
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));

        JobManager afterCrash = manager();
        assertEquals(done, afterCrash.find(done.id()).orElseThrow());
        JobInfo cutOff = afterCrash.find(running.id()).orElseThrow();
        assertEquals(JobState.FAILED, cutOff.state());
        assertEquals("Mercator stopped while the job was running", cutOff.error());
        assertEquals(2, afterCrash.list().size());
    }

    @Test
    void aJobKeepsWhatTriggeredItAcrossARestart() throws Exception {
        JobManager jobs = manager();
        strategy.release.countDown();
        JobInfo scheduled = jobs.startTraining(new TrainingRequest(Family.FORECASTING, DATASET, "blocking",
                Map.of("steps", "4"), "schedule:nightly"));
        JobInfo manual = jobs.startTraining(request(Map.of()));
        assertEquals("schedule:nightly", scheduled.trigger());
        assertEquals(TrainingRequest.MANUAL, manual.trigger());
        JobInfo done = awaitState(jobs, scheduled.id(), JobState.SUCCEEDED);
        awaitState(jobs, manual.id(), JobState.SUCCEEDED);
        jobs.close();

        JobInfo reread = manager().find(scheduled.id()).orElseThrow();
        assertEquals(done, reread);
        assertEquals("schedule:nightly", reread.trigger());
        assertEquals(Map.of("steps", "4"), reread.parameters());
    }

    @Test
    void closingStopsRunningJobsAndRecordsThemAsFailed() throws Exception {
        JobManager jobs = manager();
        JobInfo running = jobs.startTraining(request(Map.of()));
        JobInfo queued = jobs.startTraining(request(Map.of()));
        assertTrue(strategy.started.await(5, TimeUnit.SECONDS));
        jobs.close();

        JobManager restarted = manager();
        for (String id : List.of(running.id(), queued.id())) {
            JobInfo stopped = restarted.find(id).orElseThrow();
            assertEquals(JobState.FAILED, stopped.state(), stopped.toString());
            assertTrue(stopped.error().startsWith("Mercator stopped while the job was "), stopped.error());
        }
        assertTrue(store.saved.isEmpty());
    }

    /** A forecasting strategy whose fit reports progress and then waits for the test or a cancellation. */
    static final class TestStrategy implements ForecastStrategy {
        volatile CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);
        volatile RuntimeException failure;
        volatile int fits;

        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.builder(Family.FORECASTING, "blocking", "1.2.0")
                    .parameter(ParameterSpec.integer("steps", "progress steps", 2, 1, 10)).build();
        }

        @Override
        public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
            fits++;
            if (failure != null) {
                throw failure;
            }
            int steps = parameters.getInt("steps");
            for (int step = 1; step <= steps / 2; step++) {
                context.progress((double) step / steps, "step " + step + " of " + steps);
            }
            started.countDown();
            try {
                while (!release.await(5, TimeUnit.MILLISECONDS)) {
                    context.checkCancelled();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                context.checkCancelled();
            }
            return new TestModel(data.ids());
        }

        @Override
        public ForecastModel readModel(InputStream in) {
            throw new UnsupportedOperationException();
        }
    }

    private record TestModel(IdDictionary series) implements ForecastModel {
        @Override
        public Forecast forecast(String seriesId, int horizon, double... levels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String strategyName() {
            return "blocking";
        }

        @Override
        public String strategyVersion() {
            return "1.2.0";
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(1);
        }
    }
}
