package io.mercator.it.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyCallStatistics.Use;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyMetrics;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.ConfigurationAdmin;

/** The platform's bundles resolve and start in a real Felix, and the registry answers. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformBundlesTest extends PlatformTest {

    @Test
    public void everyPlatformBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            names.add(bundle.getSymbolicName());
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                notActive.add(bundle.getSymbolicName() + " in state " + bundle.getState());
            }
        }
        assertEquals("bundles not started: " + notActive, List.of(), notActive);
        for (String expected : List.of("io.mercator.api", "io.mercator.platform.registry", "org.apache.felix.scr",
                "org.apache.felix.configadmin", "org.apache.felix.fileinstall", "org.apache.felix.log",
                "org.apache.commons.commons-csv")) {
            assertTrue(expected + " missing from " + names, names.contains(expected));
        }
    }

    @Test
    public void builtInStrategiesAreRegistered() {
        List<String> forecasting = registry.list(Family.FORECASTING).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        assertEquals(List.of("forecasting/arima@1.0.0 from io.mercator.plugins.forecasting.arima",
                "forecasting/combination@2.0.0 from io.mercator.plugins.forecasting.smoothing",
                "forecasting/croston@1.0.0 from io.mercator.plugins.forecasting.intermittent",
                "forecasting/ets@1.0.0 from io.mercator.plugins.forecasting.smoothing",
                "forecasting/holt-winters@1.0.0 from io.mercator.plugins.forecasting.smoothing",
                "forecasting/mean@1.0.0 from io.mercator.plugins.forecasting.baselines",
                "forecasting/moving-average@1.0.0 from io.mercator.plugins.forecasting.baselines",
                "forecasting/naive@1.0.0 from io.mercator.plugins.forecasting.baselines",
                "forecasting/regression@1.0.0 from io.mercator.plugins.forecasting.regression",
                "forecasting/sba@1.0.0 from io.mercator.plugins.forecasting.intermittent",
                "forecasting/snaive@1.0.0 from io.mercator.plugins.forecasting.baselines",
                "forecasting/theta@1.0.0 from io.mercator.plugins.forecasting.smoothing",
                "forecasting/tsb@1.0.0 from io.mercator.plugins.forecasting.intermittent"), forecasting);
    }

    @Test
    public void builtInPricingStrategiesAreRegistered() {
        List<String> pricing = registry.list(Family.PRICING).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        assertEquals(List.of("pricing/log-log@1.1.0 from io.mercator.plugins.pricing.elasticity",
                "pricing/pooled-log-log@1.0.0 from io.mercator.plugins.pricing.elasticity"), pricing);
    }

    @Test
    public void pricingEvaluatorIsRegisteredForItsFamily() throws Exception {
        Collection<ServiceReference<Evaluator>> evaluators = context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=pricing)");
        assertEquals(1, evaluators.size());
        Evaluator evaluator = context.getService(evaluators.iterator().next());
        assertEquals(Family.PRICING, evaluator.family());
        context.ungetService(evaluators.iterator().next());
    }

    @Test
    public void forecastingEvaluatorReadsCsvAndScoresStrategies() throws Exception {
        Collection<ServiceReference<Evaluator>> evaluators = context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=forecasting)");
        assertEquals(1, evaluators.size());
        Evaluator evaluator = context.getService(evaluators.iterator().next());
        StringBuilder csv = new StringBuilder("series_id,week,units\n");
        for (int t = 0; t < 40; t++) {
            csv.append("sku-1,").append(t).append(',').append(10 + t % 4 * 5).append('\n');
        }
        Path data = Files.writeString(Files.createTempFile("series", ".csv"), csv);
        EvaluationReport report = evaluator.evaluate(new EvaluationRequest(data, List.of("naive", "ets"),
                Parameters.resolve(evaluator.options(), Map.of("horizon", 4, "season", 4))), TrainingContext.none());
        Files.delete(data);
        assertEquals(List.of("naive@1.0.0", "ets@1.0.0"), report.rows().stream().map(EvaluationReport.Row::strategy)
                .toList());
        // ETS repeats the pure cycle exactly; naive repeats the last value
        assertEquals(0, report.rows().get(1).values()[0], 1e-3);
        assertTrue(report.rows().get(0).values()[0] > 10);
    }

    @Test
    public void filteringStrategiesAndEvaluatorAreRegistered() throws Exception {
        List<String> filtering = registry.list(Family.FILTERING).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        assertEquals(List.of("filtering/association-rules@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/biased-mf@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/content-tfidf@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/hybrid@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/implicit-als@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/item-knn@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/popularity@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/user-knn@1.0.0 from io.mercator.plugins.filtering.collaborative"), filtering);
        Collection<ServiceReference<Evaluator>> evaluators = context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=filtering)");
        assertEquals(1, evaluators.size());
        Evaluator evaluator = context.getService(evaluators.iterator().next());
        Path data = Files.createTempFile("ratings", ".csv");
        Files.writeString(data, "user_id,item_id,rating\n1,a,5\n1,b,3\n2,a,4\n2,b,2\n3,a,5\n3,c,1\n");
        // the hybrid finds its components through the registry
        EvaluationReport report = evaluator.evaluate(new EvaluationRequest(data, List.of("popularity", "hybrid"),
                Parameters.resolve(evaluator.options(), Map.of("folds", 2))), TrainingContext.none());
        assertEquals(List.of("popularity@1.0.0", "hybrid@1.0.0"), report.rows().stream()
                .map(EvaluationReport.Row::strategy).toList());
        assertTrue("RMSE is a number: " + report, Double.isFinite(report.rows().get(0).values()[0]));
        assertTrue("hybrid RMSE is a number: " + report, Double.isFinite(report.rows().get(1).values()[0]));
    }

    @Test
    public void segmentationStrategiesAndEvaluatorAreRegistered() throws Exception {
        List<String> segmentation = registry.list(Family.SEGMENTATION).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        assertEquals(List.of("segmentation/bgnbd@1.1.0 from io.mercator.plugins.segmentation.clv",
                "segmentation/hierarchical@1.0.0 from io.mercator.plugins.segmentation.clustering",
                "segmentation/kmeans@1.0.0 from io.mercator.plugins.segmentation.clustering",
                "segmentation/propensity@1.1.0 from io.mercator.plugins.segmentation.propensity",
                "segmentation/rfm@1.0.0 from io.mercator.plugins.segmentation.rfm"), segmentation);
        assertEquals(1, context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=segmentation)").size());
    }

    @Test
    public void everyStrategyUseIsMeasuredByTheRegistryWithItsOutcome() {
        StrategyMetrics metrics = context.getService(context.getServiceReference(StrategyMetrics.class));
        long[] before = {uses(metrics, Use.CALL)[0], uses(metrics, Use.LEASE)[0], uses(metrics, Use.LEASE)[1]};
        registry.call(ForecastStrategy.class, "naive", Duration.ofSeconds(5), strategy -> strategy.descriptor());
        try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, "naive")) {
            lease.failed(new IllegalStateException("the holder saw the fit fail"));
        }
        assertEquals(before[0] + 1, uses(metrics, Use.CALL)[0]);
        assertEquals(before[1] + 1, uses(metrics, Use.LEASE)[0]);
        assertEquals(before[2] + 1, uses(metrics, Use.LEASE)[1]);
        assertEquals(metrics.durationBounds().length + 1, metrics.statistics().get(0).durationCounts().length);
    }

    /** @return the calls and failures of forecasting/naive in that use */
    private static long[] uses(StrategyMetrics metrics, Use use) {
        return metrics.statistics().stream()
                .filter(s -> s.family() == Family.FORECASTING && s.strategy().equals("naive") && s.use() == use)
                .map(s -> new long[] {s.calls(), s.failures()}).findFirst().orElse(new long[2]);
    }

    @Test
    public void unknownStrategyErrorNamesWhatIsRegistered() {
        StrategyNotFoundException error = Frameworks.expectThrows(StrategyNotFoundException.class,
                () -> registry.acquire(ForecastStrategy.class, "seasonal-naive"));
        assertEquals("no such strategy: forecasting/seasonal-naive "
                + "(registered: arima, combination, croston, ets, holt-winters, mean, moving-average, naive, regression, "
                + "sba, snaive, theta, tsb)",
                error.getMessage());
        StrategyNotFoundException noDefault = Frameworks.expectThrows(StrategyNotFoundException.class,
                () -> registry.acquire(ForecastStrategy.class, ""));
        assertEquals("no such strategy: forecasting/(default) "
                + "(no default is set and several are registered: arima, combination, croston, ets, holt-winters, "
                + "mean, moving-average, naive, regression, sba, snaive, theta, tsb)",
                noDefault.getMessage());
    }

    @Test
    public void defaultIsStoredInConfigAdmin() throws Exception {
        registry.setDefault(Family.PRICING, "log-log@[1,2)");
        assertEquals("log-log@[1.0.0,2.0.0)", registry.defaultSpec(Family.PRICING).orElse(null));
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        assertNotNull(reference);
        org.osgi.service.cm.Configuration stored = context.getService(reference).getConfiguration("io.mercator.registry", "?");
        Dictionary<String, Object> properties = stored.getProperties();
        assertNotNull("the registry configuration was not written", properties);
        assertEquals("log-log@[1.0.0,2.0.0)", properties.get("default.pricing"));
        // the registry's modified() callback reads the same value back
        Frameworks.awaitTrue("the registry to read its configuration", 5_000,
                () -> registry.defaultSpec(Family.PRICING).isPresent());
        assertEquals("log-log@[1.0.0,2.0.0)", registry.defaultSpec(Family.PRICING).get());
    }

    @Test
    public void optimizationStrategiesAndEvaluatorAreRegistered() throws Exception {
        List<String> optimization = registry.list(Family.OPTIMIZATION).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        String bundle = " from io.mercator.plugins.optimization.policies";
        String allocation = " from io.mercator.plugins.optimization.allocation";
        assertEquals(List.of("optimization/lp-allocation@1.1.0" + allocation, "optimization/min-max@1.0.0" + bundle,
                "optimization/newsvendor@1.0.0" + bundle, "optimization/order-up-to@1.0.0" + bundle,
                "optimization/reorder-point-eoq@1.0.0" + bundle), optimization);
        assertEquals(1, context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=optimization)").size());
    }
}
