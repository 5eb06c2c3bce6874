package io.mercator.platform.jobs;

import io.mercator.api.ValidationException;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.ScheduleInfo;
import io.mercator.api.jobs.ScheduleService;
import io.mercator.api.jobs.TrainingRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a training job at each occurrence of each configured {@link Schedule}, when
 * {@link #runDue()} is called (every few seconds by its component, at will by tests, with the
 * clock they set). An occurrence runs once among the nodes sharing the {@link ScheduleLedger}: the
 * one that claims it. Occurrences missed while Mercator was stopped collapse into one run, of the
 * latest of them, at the first call after the start; a new schedule waits for its next occurrence.
 */
final class Scheduler implements ScheduleService {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Clock clock;
    private final ScheduleLedger ledger;
    private final JobService jobs;
    private final DatasetService datasets;
    /** By configuration PID: a valid schedule with its next due time, or a configuration error. */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A configured schedule: valid (schedule and due) or not (error, name and source). */
    private record Entry(String name, String source, Schedule schedule, Instant due, String error) {
    }

    Scheduler(Clock clock, ScheduleLedger ledger, JobService jobs, DatasetService datasets) {
        this.clock = clock;
        this.ledger = ledger;
        this.jobs = jobs;
        this.datasets = datasets;
    }

    /**
     * Adds or replaces a schedule's configuration; an invalid one is logged and listed with its
     * error, and never runs.
     *
     * @param pid the configuration's PID
     * @param properties its properties
     */
    void configure(String pid, Map<String, Object> properties) {
        Schedule schedule;
        try {
            schedule = Schedule.parse(pid, properties);
        } catch (Schedule.Invalid invalid) {
            LOG.error("Schedule not started: {}", invalid.getMessage());
            entries.put(pid, new Entry(Schedule.name(pid, properties), Schedule.source(pid, properties), null, null,
                    invalid.getMessage()));
            return;
        }
        Instant now = clock.instant();
        Instant baseline = now;
        try {
            Optional<ScheduleLedger.Run> last = ledger.last(schedule.name());
            if (last.isPresent() && last.get().occurrence().isBefore(now)) {
                baseline = last.get().occurrence();
            }
        } catch (IOException unreadable) {
            LOG.warn("Schedule {}: its past runs cannot be read, a run missed while stopped is not made up: {}",
                    schedule.name(), unreadable.getMessage());
        }
        Instant due = schedule.nextAfter(baseline).orElse(null);
        entries.put(pid, new Entry(schedule.name(), schedule.source(), schedule, due, null));
        LOG.info("Schedule {}: train {} on {} at '{}' ({}), next {}", schedule.name(), schedule.family().id(),
                schedule.dataset(), schedule.cron(), schedule.zone(), due == null ? "never" : due);
    }

    /** @param pid the PID of a configuration that was deleted */
    void remove(String pid) {
        Entry removed = entries.remove(pid);
        if (removed != null) {
            LOG.info("Schedule {} removed", removed.name());
        }
    }

    /** Starts the jobs of the schedules that are due, at most one per schedule. */
    synchronized void runDue() {
        Instant now = clock.instant();
        entries.forEach((pid, entry) -> {
            if (entry.schedule() != null && entry.due() != null && !entry.due().isAfter(now)) {
                Schedule schedule = entry.schedule();
                Instant occurrence = schedule.latestUntil(now).filter(latest -> latest.isAfter(entry.due()))
                        .orElse(entry.due());
                try {
                    if (ledger.claim(schedule.name(), occurrence)) {
                        start(schedule, occurrence);
                    } else {
                        LOG.debug("Schedule {}: {} was claimed by another node", schedule.name(), occurrence);
                    }
                } catch (IOException unreachable) {
                    LOG.error("Schedule {}: cannot claim its run of {}, it is skipped: {}", schedule.name(), occurrence,
                            unreachable.getMessage());
                }
                entries.replace(pid, entry, new Entry(entry.name(), entry.source(), schedule,
                        schedule.nextAfter(now).orElse(null), null));
            }
        });
    }

    private void start(Schedule schedule, Instant occurrence) throws IOException {
        String jobId = null;
        String error = null;
        try {
            DatasetInfo dataset = resolveDataset(schedule);
            JobInfo job = jobs.startTraining(new TrainingRequest(schedule.family(), dataset.id(), schedule.strategy(),
                    schedule.parameters(), schedule.trigger()));
            jobId = job.id();
            LOG.info("Schedule {}: started {} for its run of {}", schedule.name(), job.id(), occurrence);
        } catch (IOException | RuntimeException failed) {
            error = failed.getMessage() == null ? failed.toString() : failed.getMessage();
            LOG.error("Schedule {}: its run of {} could not start a job: {}", schedule.name(), occurrence, error);
        }
        ledger.recordOutcome(schedule.name(), occurrence, jobId, error);
    }

    /** The data set with the schedule's id, else the family's newest with that label. */
    private DatasetInfo resolveDataset(Schedule schedule) throws IOException {
        Optional<DatasetInfo> byId = datasets.find(schedule.dataset());
        if (byId.isPresent()) {
            return byId.get();
        }
        return datasets.list().stream()
                .filter(each -> each.family() == schedule.family() && each.label().equals(schedule.dataset()))
                .findFirst().orElseThrow(() -> new ValidationException("dataset", "no " + schedule.family().id()
                        + " data set has the id or label '" + schedule.dataset() + "'"));
    }

    @Override
    public List<ScheduleInfo> list() throws IOException {
        List<ScheduleInfo> all = new ArrayList<>();
        for (Entry entry : entries.values()) {
            Schedule schedule = entry.schedule();
            if (schedule == null) {
                all.add(new ScheduleInfo(entry.name(), entry.source(), null, null, "", Map.of(), null, null, null, null,
                        null, null, entry.error()));
                continue;
            }
            Optional<ScheduleLedger.Run> last = ledger.last(schedule.name());
            all.add(new ScheduleInfo(schedule.name(), schedule.source(), schedule.family(), schedule.dataset(),
                    schedule.strategy(), schedule.parameters(), schedule.cron(), schedule.zone().getId(), entry.due(),
                    last.map(ScheduleLedger.Run::occurrence).orElse(null),
                    last.map(ScheduleLedger.Run::jobId).orElse(null), last.map(ScheduleLedger.Run::error).orElse(null),
                    null));
        }
        all.sort(Comparator.comparing(ScheduleInfo::name));
        return all;
    }
}
