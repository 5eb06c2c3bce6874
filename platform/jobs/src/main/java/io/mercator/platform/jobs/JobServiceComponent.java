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
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Offers a {@link JobManager} as the platform's {@link JobService}. Its history is kept in the
 * folder named by the framework property {@value #FOLDER_PROPERTY} (the launcher sets
 * {@code <home>/data/jobs}), else in the bundle's data area; {@value #WORKERS_PROPERTY} jobs run at
 * once (default 1: training uses every core it is given).
 */
@Component(service = JobService.class, immediate = true)
public final class JobServiceComponent implements JobService {

    /** Framework property naming the job history folder. */
    static final String FOLDER_PROPERTY = "io.mercator.jobs.folder";
    /** Framework property: how many jobs run at once. */
    static final String WORKERS_PROPERTY = "io.mercator.jobs.workers";

    private final JobManager manager;

    @Activate
    public JobServiceComponent(BundleContext context, @Reference DatasetService datasets,
            @Reference StrategyRegistry registry, @Reference ModelStore store) throws IOException {
        String configured = context.getProperty(FOLDER_PROPERTY);
        Path folder = configured != null && !configured.isBlank() ? Path.of(configured)
                : context.getDataFile("jobs").toPath();
        String workers = context.getProperty(WORKERS_PROPERTY);
        manager = new JobManager(folder, datasets, registry, store,
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
