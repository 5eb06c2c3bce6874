package io.mercator.platform.jobs;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.Parameters;
import io.mercator.api.Strategy;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.filtering.BatchScorer;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobKind;
import io.mercator.api.jobs.ScoringRequest;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training and batch-scoring jobs on a fixed number of worker threads and records every job in
 * a {@link JobHistory} at each change of state, and its progress at most every
 * {@value #PROGRESS_RECORD_MILLIS} ms. This node's jobs found unfinished at start-up were cut off
 * by a stop or a crash and are recorded as FAILED. The list and look-ups answer from the history,
 * so they include other nodes' jobs when the history is shared, with this node's running jobs as
 * they are now.
 */
public final class JobManager implements JobService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
    /** How often, at most, a running job's progress is recorded: other nodes see it that fresh. */
    static final long PROGRESS_RECORD_MILLIS = 2_000;
    /** Share of the progress bar for opening the data set, before the fit. */
    private static final double OPEN_SHARE = 0.1;
    /** Share of the progress bar for saving the model, after the fit. */
    private static final double SAVE_SHARE = 0.05;
    /** Share of the progress bar for training, when a scoring job trains its model first. */
    private static final double TRAIN_SHARE = 0.5;
    private static final String STOPPED_WHILE = "Mercator stopped while the job was ";

    private final JobHistory history;
    private final DatasetService datasets;
    private final StrategyRegistry registry;
    private final ModelStore store;
    private final ExecutorService workers;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /**
     * @param history where job records are kept
     * @param datasets opens the data sets
     * @param registry finds the strategies
     * @param store keeps the models
     * @param workerCount how many jobs run at once
     * @throws IOException when the history cannot be read
     */
    JobManager(JobHistory history, DatasetService datasets, StrategyRegistry registry, ModelStore store,
            int workerCount) throws IOException {
        this.history = history;
        this.datasets = datasets;
        this.registry = registry;
        this.store = store;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, runnable -> {
            Thread thread = new Thread(runnable, "mercator-job-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (JobInfo cutOff : history.unfinished()) {
            Job job = new Job(cutOff);
            job.finish(JobState.FAILED, "stopped", STOPPED_WHILE + cutOff.state().name().toLowerCase(Locale.ROOT));
            persist(job);
        }
    }

    @Override
    public JobInfo startTraining(TrainingRequest request) {
        requireDataset(request.datasetId(), request.family());
        StrategyInfo strategy = registry.resolve(request.family(), request.strategySpec());
        Parameters.resolve(strategy.descriptor().parameters(), request.parameters());
        JobInfo queued = queue(new JobInfo(newId(), request.family(), request.datasetId(), request.strategySpec(),
                request.parameters(), JobState.QUEUED, 0, "queued", now(), null, null, null, null, null,
                null, request.trigger(), JobKind.TRAINING), running -> {
                    Trained trained = train(running, 1);
                    running.succeed(trained.stored().id(), "model " + trained.stored().id() + " stored");
                });
        LOG.info("Queued {}: train {} {} on {} ({})", queued.id(), request.family().id(),
                request.strategySpec().isEmpty() ? "(default strategy)" : request.strategySpec(), request.datasetId(),
                request.trigger());
        return queued;
    }

    @Override
    public JobInfo startScoring(ScoringRequest request) {
        StoredModel stored = null;
        String history = request.datasetId();
        try {
            if (request.modelId() != null) {
                stored = store.find(request.modelId()).orElseThrow(() -> new ValidationException("model",
                        "no stored model '" + request.modelId() + "'"));
                if (stored.family() != Family.FILTERING) {
                    throw new ValidationException("model", stored.id() + " is a " + stored.family().id()
                            + " model, not a filtering one");
                }
                if (history == null) {
                    history = stored.metadata().get(DATASET_METADATA);
                }
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("the model store cannot be read: " + unreadable.getMessage(), unreadable);
        }
        if (history != null) {
            requireDataset(history, Family.FILTERING);
        } else if (request.excludeSeen()) {
            throw new ValidationException("dataset", "model " + request.modelId() + " was not trained on a data set "
                    + "here, so the users' items to leave out are unknown: name the data set that holds them, or "
                    + "keep the items users have");
        }
        if (stored == null) {
            StrategyInfo strategy = registry.resolve(Family.FILTERING, request.strategySpec());
            Parameters.resolve(strategy.descriptor().parameters(), request.parameters());
        }
        if (request.usersFile() != null && !Files.isReadable(request.usersFile())) {
            throw new ValidationException("users", request.usersFile() + " cannot be read");
        }
        Path folder = request.output().toAbsolutePath().getParent();
        if (Files.isDirectory(request.output()) || folder == null || !Files.isDirectory(folder)) {
            throw new ValidationException("output", Files.isDirectory(request.output())
                    ? request.output() + " is a folder; name a file in it"
                    : "the folder " + folder + " does not exist");
        }
        StoredModel model = stored;
        JobInfo queued = queue(new JobInfo(newId(), Family.FILTERING, history == null ? "" : history,
                stored == null ? request.strategySpec() : stored.strategyName(), request.parameters(),
                JobState.QUEUED, 0, "queued", now(), null, null, null, null, null, null, TrainingRequest.MANUAL,
                JobKind.SCORING),
                running -> score(running, request, model));
        LOG.info("Queued {}: score {} into {}", queued.id(),
                stored == null ? "a new model on " + history : "model " + stored.id(), request.output());
        return queued;
    }

    private void requireDataset(String id, Family family) {
        DatasetInfo dataset;
        try {
            dataset = datasets.find(id).orElseThrow(() -> new ValidationException("dataset",
                    "no data set '" + id + "'"));
        } catch (IOException unreadable) {
            throw new IllegalStateException("the data sets cannot be read: " + unreadable.getMessage(), unreadable);
        }
        if (dataset.family() != family) {
            throw new ValidationException("dataset", dataset.id() + " holds " + dataset.family().id()
                    + " data, not " + family.id());
        }
    }

    private static String newId() {
        return "job-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The work of a job, run on a worker; it reports its outcome through the job. */
    private interface Work {
        void run(Job job) throws IOException;
    }

    /** @return the job as queued, before a worker may have started it */
    private JobInfo queue(JobInfo info, Work work) {
        Job job = new Job(info);
        jobs.put(info.id(), job);
        persist(job);
        job.future = workers.submit(() -> run(job, work));
        return info;
    }

    private void run(Job job, Work work) {
        pollCancelRequest(job);
        if (!job.begin()) {
            persist(job);
            return;
        }
        persist(job);
        String id = job.snapshot().id();
        try {
            work.run(job);
            JobInfo done = job.snapshot();
            LOG.info("{} succeeded in {} ms: {}", id, done.runTime().toMillis(), done.message());
        } catch (CancellationException cancelled) {
            if (job.stopRequested) {
                job.finish(JobState.FAILED, "stopped", STOPPED_WHILE + "running");
            } else {
                job.finish(JobState.CANCELLED, "cancelled", null);
            }
            LOG.info("{} {}", id, job.stopRequested ? "stopped" : "cancelled");
        } catch (IOException | RuntimeException failed) {
            job.finish(JobState.FAILED, "failed", failed.getMessage() == null ? failed.toString() : failed.getMessage());
            LOG.warn("{} failed: {}", id, failed.getMessage(), failed instanceof ValidationException ? null : failed);
        } catch (LinkageError broken) {
            job.finish(JobState.FAILED, "failed", "the strategy's bundle is broken: " + broken);
            LOG.error("{} failed", id, broken);
        } finally {
            persist(job);
        }
    }

    /** A model fitted by a job and where the store keeps it. */
    private record Trained(Model model, StoredModel stored) {
    }

    /**
     * Fits the job's strategy on its data set and stores the model.
     *
     * @param scale the share of the job's progress bar the training fills, from its start
     */
    private Trained train(Job job, double scale) throws IOException {
        JobInfo request = job.snapshot();
        Family family = request.family();
        try (StrategyLease<?> lease = registry.acquire(family.strategyType(), request.strategySpec())) {
            StrategyInfo info = lease.info();
            job.resolved(info.descriptor().name(), info.descriptor().version());
            persist(job);
            job.progress(0, "opening data set " + request.datasetId());
            Object data = datasets.open(request.datasetId(), datasets.inputType(family));
            job.checkCancelled();
            Parameters parameters = Parameters.resolve(info.descriptor().parameters(), request.parameters());
            job.progress(OPEN_SHARE * scale, "fitting " + info.descriptor().name() + " with " + parameters);
            @SuppressWarnings("unchecked")
            Strategy<Object, ? extends Model> strategy = (Strategy<Object, ? extends Model>) lease.strategy();
            Model model;
            try {
                model = strategy.fit(data, parameters, job.stageContext(OPEN_SHARE * scale, (1 - SAVE_SHARE) * scale,
                        () -> persistProgress(job), () -> pollCancelRequest(job)));
                pollCancelRequest(job);
            } catch (RuntimeException | LinkageError thrown) {
                if (!(thrown instanceof CancellationException || thrown instanceof ValidationException)) {
                    lease.failed(thrown); // the strategy's failure, counted in its metrics
                }
                throw thrown;
            }
            job.checkCancelled();
            job.progress((1 - SAVE_SHARE) * scale, "saving the model");
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put(DATASET_METADATA, request.datasetId());
            metadata.put(JOB_METADATA, request.id());
            metadata.put("parameters", parameters.toString());
            return new Trained(model, store.save(family, model, metadata));
        }
    }

    private void score(Job job, ScoringRequest request, StoredModel stored) throws IOException {
        JobInfo info = job.snapshot();
        RecommenderModel model;
        String modelId;
        double scoringStart;
        if (stored == null) {
            Trained trained = train(job, TRAIN_SHARE);
            model = (RecommenderModel) trained.model();
            modelId = trained.stored().id();
            scoringStart = TRAIN_SHARE;
        } else {
            job.resolved(stored.strategyName(), stored.strategyVersion());
            persist(job);
            job.progress(0, "loading model " + stored.id());
            model = load(stored);
            modelId = stored.id();
            scoringStart = OPEN_SHARE;
        }
        BatchScorer.Builder scorer = BatchScorer.builder(model).count(request.count()).format(request.format());
        if (request.excludeSeen()) {
            job.progress(scoringStart, "opening data set " + info.datasetId() + " for the users' items");
            scorer.excludeSeen(datasets.open(info.datasetId(), Interactions.class));
        }
        job.checkCancelled();
        BatchScorer.Summary summary;
        if (request.usersFile() == null) {
            summary = scorer.build().score(new ProgressUsers(job, model.users().size(), scoringStart,
                    model.users()::id), request.output());
        } else {
            long total = countUsers(request.usersFile());
            try (BufferedReader lines = Files.newBufferedReader(request.usersFile(), StandardCharsets.UTF_8)) {
                summary = scorer.build().score(new ProgressUsers(job, total, scoringStart,
                        new FileUsers(request.usersFile(), lines)), request.output());
            }
        }
        job.succeed(modelId, String.format(Locale.ROOT, "%,d users, %,d recommendations written to %s",
                summary.users(), summary.recommendations(), request.output().toAbsolutePath()));
    }

    private RecommenderModel load(StoredModel stored) throws IOException {
        String major = stored.strategyVersion().split("\\.", 2)[0];
        String spec = stored.strategyName() + "@[" + major + "," + (Integer.parseInt(major) + 1) + ")";
        try (StrategyLease<?> lease = registry.acquire(Family.FILTERING.strategyType(), spec);
                InputStream in = store.open(stored.id())) {
            return (RecommenderModel) lease.strategy().readModel(in);
        }
    }

    private static long countUsers(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (UncheckedIOException unreadable) {
            throw new ValidationException("users", file + " cannot be read as UTF-8 text: "
                    + unreadable.getCause().getMessage());
        }
    }

    /** The user ids of a text file, one per line, blank lines skipped, each stripped. */
    private static final class FileUsers implements IntFunction<String> {
        private final Path file;
        private final BufferedReader lines;

        FileUsers(Path file, BufferedReader lines) {
            this.file = file;
            this.lines = lines;
        }

        /** @return the next user id, or null at the end of the file */
        @Override
        public String apply(int ignored) {
            try {
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && line.isBlank());
                return line == null ? null : line.strip();
            } catch (IOException unreadable) {
                throw new ValidationException("users", file + " cannot be read: " + unreadable.getMessage());
            }
        }
    }

    /**
     * Hands the users to the scorer one by one, checking for cancellation and moving the job's
     * progress from {@code start} to 1 as they are taken.
     */
    private static final class ProgressUsers implements Iterator<String> {
        private static final int REPORT_EVERY = 1024;
        private final Job job;
        private final long total;
        private final double start;
        private final IntFunction<String> source;
        private String next;
        private int taken;

        /**
         * @param source the user at a position, or null past the last one
         */
        ProgressUsers(Job job, long total, double start, IntFunction<String> source) {
            this.job = job;
            this.total = total;
            this.start = start;
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            if (next == null && taken < total) {
                next = source.apply(taken);
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (taken % REPORT_EVERY == 0) {
                job.checkCancelled();
                job.progress(start + (1 - start) * taken / Math.max(1, total),
                        String.format(Locale.ROOT, "scoring user %,d of %,d", taken + 1, total));
            }
            taken++;
            String user = next;
            next = null;
            return user;
        }
    }

    @Override
    public Optional<JobInfo> find(String id) {
        Job local = jobs.get(id);
        if (local != null) {
            return Optional.of(local.snapshot());
        }
        try {
            return history.find(id);
        } catch (IOException unreadable) {
            throw new IllegalStateException("the job history cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }

    @Override
    public List<JobInfo> list() {
        Map<String, JobInfo> all = new LinkedHashMap<>();
        try {
            history.list().forEach(job -> all.put(job.id(), job));
        } catch (IOException unreadable) {
            throw new IllegalStateException("the job history cannot be read: " + unreadable.getMessage(), unreadable);
        }
        jobs.values().forEach(job -> all.put(job.snapshot().id(), job.snapshot()));
        List<JobInfo> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparing(JobInfo::submittedAt).reversed().thenComparing(JobInfo::id));
        return sorted;
    }

    @Override
    public JobInfo cancel(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            JobInfo elsewhere = find(id).orElseThrow(() -> new ValidationException("job", "no job '" + id + "'"));
            if (elsewhere.state().isFinal()) {
                return elsewhere;
            }
            try {
                if (history.requestCancel(id)) {
                    LOG.info("{} runs on another node, asked it to cancel the job", id);
                }
            } catch (IOException unwritable) {
                throw new IllegalStateException("the job history cannot be written: " + unwritable.getMessage(),
                        unwritable);
            }
            return find(id).orElse(elsewhere);
        }
        if (job.requestCancel()) {
            Future<?> future = job.future;
            if (future != null) {
                future.cancel(false);
            }
            persist(job);
            LOG.info("{} cancelled before it ran", id);
        }
        return job.snapshot();
    }

    /** Asks running jobs to stop, waits a little, and records those still unfinished as FAILED. */
    @Override
    public void close() {
        jobs.values().forEach(Job::stopRequested);
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Training jobs did not stop within 10 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Job job : jobs.values()) {
            if (!job.snapshot().state().isFinal()) {
                job.finish(JobState.FAILED, "stopped", STOPPED_WHILE
                        + job.snapshot().state().name().toLowerCase(Locale.ROOT));
                persist(job);
            }
        }
    }

    /** Records the job as it is; under its monitor, so that records are written in the order of its changes. */
    private void persist(Job job) {
        synchronized (job) {
            JobInfo info = job.snapshot();
            try {
                history.record(info);
            } catch (IOException unwritable) {
                LOG.error("Cannot record job {}: {}", info.id(), unwritable.getMessage());
            }
        }
    }

    /** Records a running job's progress unless it was recorded less than a moment ago. */
    private void persistProgress(Job job) {
        long now = System.nanoTime();
        if (now - job.progressRecordedAt >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_RECORD_MILLIS)) {
            job.progressRecordedAt = now;
            persist(job);
        }
    }

    /** Cancels the job if another node asked for it (through a shared history). */
    private void pollCancelRequest(Job job) {
        try {
            if (history.cancelRequested(job.snapshot().id()) && !job.snapshot().state().isFinal()) {
                job.requestCancel();
                LOG.info("{} cancelled at the request of another node", job.snapshot().id());
            }
        } catch (IOException unreadable) {
            LOG.warn("Cannot check whether job {} was cancelled elsewhere: {}", job.snapshot().id(),
                    unreadable.getMessage());
        }
    }

    /** The time of a change: milliseconds, which every history keeps exactly. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** One job's changing state; every change goes through its monitor. */
    private static final class Job {
        private JobInfo info;
        private volatile boolean cancelRequested;
        volatile boolean stopRequested;
        private volatile Future<?> future;
        volatile long progressRecordedAt = System.nanoTime();

        Job(JobInfo info) {
            this.info = info;
        }

        synchronized JobInfo snapshot() {
            return info;
        }

        /** @return false when the job was cancelled while queued */
        synchronized boolean begin() {
            if (info.state() != JobState.QUEUED) {
                return false;
            }
            info = with(JobState.RUNNING, 0, "starting", now(), null, info.strategyName(),
                    info.strategyVersion(), null, null);
            return true;
        }

        synchronized void resolved(String name, String version) {
            info = with(info.state(), info.progress(), info.message(), info.startedAt(), null, name, version, null,
                    null);
        }

        synchronized void progress(double fraction, String message) {
            if (info.state() == JobState.RUNNING) {
                info = with(JobState.RUNNING, Math.max(info.progress(), Math.min(1, Math.max(0, fraction))),
                        message == null || message.isEmpty() ? info.message() : message, info.startedAt(), null,
                        info.strategyName(), info.strategyVersion(), null, null);
            }
        }

        synchronized void succeed(String modelId, String outcome) {
            info = with(JobState.SUCCEEDED, 1, outcome, info.startedAt(), now(), info.strategyName(),
                    info.strategyVersion(), modelId, null);
        }

        synchronized void finish(JobState state, String message, String error) {
            info = with(state, info.progress(), error == null ? message : message + ": " + error, info.startedAt(),
                    now(), info.strategyName(), info.strategyVersion(), null, error);
        }

        /** @return true when the job was queued and is now cancelled; a running job stops at its next check */
        synchronized boolean requestCancel() {
            if (info.state().isFinal()) {
                return false;
            }
            cancelRequested = true;
            if (info.state() == JobState.QUEUED) {
                info = with(JobState.CANCELLED, 0, "cancelled before it ran", null, now(), null, null, null,
                        null);
                return true;
            }
            info = with(info.state(), info.progress(), "cancelling", info.startedAt(), null, info.strategyName(),
                    info.strategyVersion(), null, null);
            return false;
        }

        void stopRequested() {
            stopRequested = true;
        }

        void checkCancelled() {
            if (cancelRequested || stopRequested) {
                throw new CancellationException(stopRequested ? "Mercator is stopping" : "cancelled");
            }
        }

        /**
         * The context a strategy's fit sees: its 0..1 maps onto {@code from..to} of the job's progress.
         *
         * @param from where the context's 0 lies on the job's progress
         * @param to where its 1 lies
         * @param progressed told after each progress report
         * @param pollElsewhere looks for a cancellation asked for elsewhere; called at most every
         *     {@value JobManager#PROGRESS_RECORD_MILLIS} ms from the strategy's cancellation checks
         */
        TrainingContext stageContext(double from, double to, Runnable progressed, Runnable pollElsewhere) {
            AtomicLong polledAt = new AtomicLong(System.nanoTime());
            return new TrainingContext() {
                @Override
                public void progress(double fraction, String message) {
                    Job.this.progress(from + (to - from) * Math.min(1, Math.max(0, fraction)), message);
                    progressed.run();
                }

                @Override
                public boolean isCancelled() {
                    long now = System.nanoTime();
                    long last = polledAt.get();
                    if (now - last >= TimeUnit.MILLISECONDS.toNanos(PROGRESS_RECORD_MILLIS)
                            && polledAt.compareAndSet(last, now)) {
                        pollElsewhere.run();
                    }
                    return cancelRequested || stopRequested;
                }
            };
        }

        private JobInfo with(JobState state, double progress, String message, Instant startedAt, Instant finishedAt,
                String strategyName, String strategyVersion, String modelId, String error) {
            return new JobInfo(info.id(), info.family(), info.datasetId(), info.strategySpec(), info.parameters(),
                    state, progress, message, info.submittedAt(), startedAt, finishedAt, strategyName,
                    strategyVersion, modelId, error, info.trigger(), info.kind());
        }
    }
}
