package io.mercator.platform.jobs;

import io.mercator.api.datasets.DatasetService;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.ScoringRequest;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers a {@link JobManager} as the platform's {@link JobService}. Its history is kept in
 * Mercator's PostgreSQL database when one is configured (shared with the other nodes), else in the
 * folder named by the framework property {@value #FOLDER_PROPERTY} (the launcher sets
 * {@code <home>/data/jobs}) or the bundle's data area; {@value #WORKERS_PROPERTY} jobs run at once
 * (default 1: training uses every core it is given). The database and the model store are bound
 * greedily: when a database or a better-ranked store arrives the component starts again with it.
 */
@Component(service = JobService.class, immediate = true)
public final class JobServiceComponent implements JobService {

    /** Framework property naming the job history folder. */
    static final String FOLDER_PROPERTY = "io.mercator.jobs.folder";
    /** Framework property: how many jobs run at once. */
    static final String WORKERS_PROPERTY = "io.mercator.jobs.workers";

    private static final Logger LOG = LoggerFactory.getLogger(JobServiceComponent.class);

    private final JobManager manager;

    @Activate
    public JobServiceComponent(BundleContext context, @Reference DatasetService datasets,
            @Reference StrategyRegistry registry,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) ModelStore store,
            @Reference(service = DataSource.class, cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY, target = Database.TARGET)
            Map.Entry<Map<String, Object>, DataSource> database) throws IOException {
        JobHistory history;
        if (database != null) {
            Database shared = Database.of(database);
            history = new PostgresJobHistory(shared.dataSource(), shared.schema(), shared.node());
            LOG.info("Job history in PostgreSQL (schema {}, node {})", shared.schema(), shared.node());
        } else {
            String configured = context.getProperty(FOLDER_PROPERTY);
            Path folder = configured != null && !configured.isBlank() ? Path.of(configured)
                    : context.getDataFile("jobs").toPath();
            history = new FolderJobHistory(folder);
        }
        String workers = context.getProperty(WORKERS_PROPERTY);
        manager = new JobManager(history, datasets, registry, store,
                workers == null || workers.isBlank() ? 1 : Math.max(1, Integer.parseInt(workers.trim())));
    }

    @Deactivate
    void stop() {
        manager.close();
    }

    @Override
    public JobInfo startTraining(TrainingRequest request) {
        return manager.startTraining(request);
    }

    @Override
    public JobInfo startScoring(ScoringRequest request) {
        return manager.startScoring(request);
    }

    @Override
    public Optional<JobInfo> find(String id) {
        return manager.find(id);
    }

    @Override
    public List<JobInfo> list() {
        return manager.list();
    }

    @Override
    public JobInfo cancel(String id) {
        return manager.cancel(id);
    }
}
