package io.mercator.platform.jobs;

import io.mercator.api.datasets.DatasetService;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.ScheduleInfo;
import io.mercator.api.jobs.ScheduleService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled retraining: receives every configuration of the factory PID {@value Schedule#FACTORY_PID}
 * (the files {@code conf/io.mercator.schedule-<name>.cfg}) and checks every
 * {@value #TICK_SECONDS} seconds which schedules are due. Claimed runs are recorded in Mercator's
 * PostgreSQL database when one is configured (so that one node of those sharing it runs each
 * occurrence), else in the folder named by the framework property {@value #FOLDER_PROPERTY} (the
 * launcher sets {@code <home>/data/schedules}) or the bundle's data area.
 */
@Component(service = {ScheduleService.class, ManagedServiceFactory.class}, immediate = true,
        property = Constants.SERVICE_PID + "=" + Schedule.FACTORY_PID)
public final class SchedulerComponent implements ScheduleService, ManagedServiceFactory {

    /** Framework property naming the folder of the schedules' run records. */
    static final String FOLDER_PROPERTY = "io.mercator.schedules.folder";
    /** How often due schedules are looked for: a job starts at most this long after its time. */
    static final int TICK_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerComponent.class);

    private final Scheduler scheduler;
    private final ScheduledExecutorService ticker;

    @Activate
    public SchedulerComponent(BundleContext context, @Reference JobService jobs, @Reference DatasetService datasets,
            @Reference(service = DataSource.class, cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY, target = Database.TARGET)
            Map.Entry<Map<String, Object>, DataSource> database) throws IOException {
        ScheduleLedger ledger;
        if (database != null) {
            Database shared = Database.of(database);
            ledger = new PostgresScheduleLedger(shared.dataSource(), shared.schema(), shared.node());
        } else {
            String configured = context.getProperty(FOLDER_PROPERTY);
            ledger = new FolderScheduleLedger(configured != null && !configured.isBlank() ? Path.of(configured)
                    : context.getDataFile("schedules").toPath());
        }
        scheduler = new Scheduler(Clock.systemDefaultZone(), ledger, jobs, datasets);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mercator-scheduler");
            thread.setDaemon(true);
            // not the class loader of whoever activated the component (an embedding host's, say)
            thread.setContextClassLoader(SchedulerComponent.class.getClassLoader());
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, TICK_SECONDS, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            scheduler.runDue();
        } catch (RuntimeException unexpected) {
            LOG.error("Scheduled retraining failed to check its schedules", unexpected);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        ticker.shutdownNow();
        if (!ticker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The scheduler did not stop within 10 s");
        }
    }

    @Override
    public String getName() {
        return "Mercator scheduled retraining";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        Map<String, Object> copy = new HashMap<>();
        for (String key : Collections.list(properties.keys())) {
            copy.put(key, properties.get(key));
        }
        scheduler.configure(pid, copy);
    }

    @Override
    public void deleted(String pid) {
        scheduler.remove(pid);
    }

    @Override
    public List<ScheduleInfo> list() throws IOException {
        return scheduler.list();
    }
}
