package io.mercator.it.osgi;

import static io.mercator.it.osgi.PlatformOptions.sampleV1;
import static io.mercator.it.osgi.PlatformOptions.sampleV2;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyLease;
import java.io.InputStream;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

/** Models outlive bundles: a stored model is read back after its bundle was updated to a new version. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ModelStoreTest extends PlatformTest {

    @Inject
    private ModelStore store;

    @Test
    public void modelStoredByVersionOneIsServedAfterTheUpdate() throws Exception {
        Bundle sample = Frameworks.install(context, sampleV1());
        StoredModel stored;
        double[] upperBefore;
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, "seasonal-naive")) {
            ForecastStrategy strategy = lease.strategy();
            ForecastModel model = strategy.fit(Frameworks.SERIES, Parameters.defaults(strategy.descriptor().parameters()),
                    TrainingContext.none());
            upperBefore = model.forecast("sku-1", 8, 95).upper(0);
            stored = store.save(Family.FORECASTING, model, Map.of("dataset", "it-series"));
        }
        assertEquals("seasonal-naive", stored.strategyName());
        assertEquals("1.0.0", stored.strategyVersion());
        assertEquals(stored, store.list(Family.FORECASTING).get(0));

        Frameworks.update(context, sample, sampleV2());
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, "seasonal-naive");
                InputStream bytes = store.open(stored.id())) {
            assertEquals("2.0.0", lease.info().descriptor().version());
            ForecastModel read = lease.strategy().readModel(bytes);
            assertEquals("the model keeps the version that fitted it", "1.0.0", read.strategyVersion());
            assertEquals(Frameworks.V1_FORECAST, read.forecast("sku-1", 1).mean(0), 1e-12);
            assertArrayEquals(upperBefore, read.forecast("sku-1", 8, 95).upper(0), 1e-12);
        }
        assertEquals(true, store.delete(stored.id()));
        assertEquals(0, store.list(Family.FORECASTING).size());
    }
}
