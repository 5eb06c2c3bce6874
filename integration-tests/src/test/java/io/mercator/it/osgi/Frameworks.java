package io.mercator.it.osgi;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** Helpers the in-framework tests share: deploying the sample, calling it, waiting for conditions. */
final class Frameworks {

    /** Three seasons of four periods; v1 forecasts 14 for the next period, v2 (mean of two seasons) 13. */
    static final SeriesSet SERIES = SeriesSet.builder(4)
            .add("sku-1", 10, 20, 30, 40, 12, 22, 32, 42, 14, 24, 34, 44)
            .build();
    static final double V1_FORECAST = 14;
    static final double V2_FORECAST = 13;

    private Frameworks() {
    }

    static Bundle install(BundleContext context, File jar) throws BundleException {
        Bundle bundle = context.installBundle(jar.toURI().toString());
        bundle.start();
        return bundle;
    }

    static void update(BundleContext context, Bundle bundle, File jar) throws BundleException, IOException,
            InterruptedException {
        try (InputStream in = new FileInputStream(jar)) {
            bundle.update(in);
        }
        refresh(context, bundle);
    }

    /**
     * Refreshes the bundle's wiring (dropping old revisions) and waits until the framework is done.
     *
     * @param bundle the bundle to refresh, or null for every bundle whose old revisions are pending removal
     */
    static void refresh(BundleContext context, Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundle == null ? null : List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("refresh did not finish within 30 s");
        }
    }

    /** Fits the sample on {@link #SERIES} through the registry and returns the one-step forecast. */
    static double forecastNext(StrategyRegistry registry, String spec) {
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, spec)) {
            ForecastStrategy strategy = lease.strategy();
            ForecastModel model = strategy.fit(SERIES, Parameters.defaults(strategy.descriptor().parameters()),
                    TrainingContext.none());
            return model.forecast("sku-1", 1, 95).mean(0);
        }
    }

    static String registeredVersion(StrategyRegistry registry, String name) {
        return registry.list(Family.FORECASTING).stream()
                .filter(info -> info.descriptor().name().equals(name))
                .map(info -> info.descriptor().version())
                .findFirst().orElse(null);
    }

    /** JUnit 4.12, which Pax Exam installs in the framework, has no assertThrows. */
    static <T extends Throwable> T expectThrows(Class<T> type, Runnable call) {
        try {
            call.run();
        } catch (Throwable thrown) {
            if (type.isInstance(thrown)) {
                return type.cast(thrown);
            }
            throw new AssertionError("expected " + type.getName() + " but got " + thrown, thrown);
        }
        throw new AssertionError("expected " + type.getName() + " but nothing was thrown");
    }

    static void awaitTrue(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
