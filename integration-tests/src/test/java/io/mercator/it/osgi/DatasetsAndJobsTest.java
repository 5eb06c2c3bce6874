package io.mercator.it.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyLease;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * Inside the framework: the data set service imports a CSV file, the job service trains a built-in
 * forecaster on it in the background, and the model in the store forecasts what the data says.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DatasetsAndJobsTest extends PlatformTest {

    @Inject
    private DatasetService datasets;

    @Inject
    private JobService jobs;

    @Inject
    private ModelStore store;

    @Test
    public void importTrainAndReadTheStoredModel() throws Exception {
        Path csv = Files.createTempFile("series", ".csv");
        StringBuilder text = new StringBuilder("series_id,period,value\n");
        for (int period = 1; period <= 12; period++) {
            text.append("flat,").append(period).append(",7\n");
        }
        Files.writeString(csv, text);
        DatasetInfo dataset = datasets.importData(Family.FORECASTING, FileSource.of(csv), ImportOptions.defaults(),
                TrainingContext.none());
        assertEquals(12, dataset.rows());
        assertEquals(SeriesSet.class, datasets.inputType(Family.FORECASTING));

        JobInfo job = jobs.startTraining(new TrainingRequest(Family.FORECASTING, dataset.id(), "naive", Map.of()));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!jobs.find(job.id()).orElseThrow().state().isFinal() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        JobInfo done = jobs.find(job.id()).orElseThrow();
        assertEquals(done.toString(), JobState.SUCCEEDED, done.state());

        StoredModel stored = store.find(done.modelId()).orElseThrow();
        assertEquals("naive", stored.strategyName());
        assertEquals(dataset.id(), stored.metadata().get(JobService.DATASET_METADATA));
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, "naive");
                InputStream bytes = store.open(stored.id())) {
            ForecastModel model = lease.strategy().readModel(bytes);
            assertEquals(7, model.forecast("flat", 3).mean(2), 1e-12);
        }
        assertTrue(datasets.delete(dataset.id()));
    }
}
