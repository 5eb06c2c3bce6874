package io.mercator.it.osgi;

import static io.mercator.it.osgi.Frameworks.V1_FORECAST;
import static io.mercator.it.osgi.Frameworks.V2_FORECAST;
import static io.mercator.it.osgi.Frameworks.forecastNext;
import static io.mercator.it.osgi.PlatformOptions.sampleV1;
import static io.mercator.it.osgi.PlatformOptions.sampleV2;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

/** Install, call, update, call, uninstall the sample strategy bundle through the Bundle API. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotDeploymentTest extends PlatformTest {

    @Test
    public void installCallUpdateCallUninstall() throws Exception {
        Bundle sample = Frameworks.install(context, sampleV1());
        assertEquals("1.0.0", registry.resolve(Family.FORECASTING, "seasonal-naive").descriptor().version());
        assertEquals(V1_FORECAST, forecastNext(registry, "seasonal-naive"), 1e-12);

        Frameworks.update(context, sample, sampleV2());
        assertEquals(V2_FORECAST, forecastNext(registry, "seasonal-naive"), 1e-12);
        assertEquals("2.0.0", registry.resolve(Family.FORECASTING, "seasonal-naive").descriptor().version());
        assertEquals(V2_FORECAST, forecastNext(registry, "seasonal-naive@[2,3)"), 1e-12);

        sample.uninstall();
        long start = System.nanoTime();
        StrategyNotFoundException gone = Frameworks.expectThrows(StrategyNotFoundException.class,
                () -> forecastNext(registry, "seasonal-naive"));
        String builtIns = registry.list(Family.FORECASTING).stream().map(info -> info.descriptor().name())
                .distinct().sorted().collect(Collectors.joining(", "));
        assertFalse(builtIns.contains("seasonal-naive"));
        assertEquals("no such strategy: forecasting/seasonal-naive (registered: " + builtIns + ")",
                gone.getMessage());
        assertTrue("an uninstalled strategy must fail at once, not after the swap grace period",
                System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    public void callStartedBeforeAnUpdateFinishesOnTheOldVersion() throws Exception {
        Bundle sample = Frameworks.install(context, sampleV1());
        CountDownLatch insideFit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TrainingContext blocking = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
                insideFit.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<ForecastModel> running = caller.submit(() -> {
                try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, "seasonal-naive")) {
                    ForecastStrategy strategy = lease.strategy();
                    return strategy.fit(Frameworks.SERIES, Parameters.defaults(strategy.descriptor().parameters()),
                            blocking);
                }
            });
            assertTrue("the call did not start", insideFit.await(10, TimeUnit.SECONDS));

            Frameworks.update(context, sample, sampleV2());
            assertEquals("new calls go to the new version", V2_FORECAST, forecastNext(registry, "seasonal-naive"), 1e-12);

            release.countDown();
            ForecastModel oldModel = running.get(10, TimeUnit.SECONDS);
            assertEquals("1.0.0", oldModel.strategyVersion());
            assertEquals("the running call finished on the old version", V1_FORECAST,
                    oldModel.forecast("sku-1", 1, 80, 95).mean(0), 1e-12);
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
    }

    @Test
    public void oldClassLoadersAreCollectedAfterUpdatesAndUninstall() throws Exception {
        Bundle sample = Frameworks.install(context, sampleV1());
        List<WeakReference<ClassLoader>> oldLoaders = new ArrayList<>();
        for (int update = 0; update < 5; update++) {
            oldLoaders.add(currentStrategyLoader());
            Frameworks.update(context, sample, update % 2 == 0 ? sampleV2() : sampleV1());
        }
        oldLoaders.add(currentStrategyLoader());
        sample.uninstall();
        Frameworks.refresh(context, null);

        for (int attempt = 0; attempt < 100 && oldLoaders.stream().anyMatch(ref -> ref.get() != null); attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        for (int i = 0; i < oldLoaders.size(); i++) {
            assertNull("class loader of revision " + i + " is still reachable", oldLoaders.get(i).get());
        }
    }

    /** Calls the strategy once, then keeps only a weak reference to its class loader. */
    private WeakReference<ClassLoader> currentStrategyLoader() {
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, "seasonal-naive")) {
            ForecastStrategy strategy = lease.strategy();
            strategy.fit(Frameworks.SERIES, Parameters.defaults(strategy.descriptor().parameters()),
                    TrainingContext.none());
            return new WeakReference<>(strategy.getClass().getClassLoader());
        }
    }
}
