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
import io.mercator.api.runtime.StrategyNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(List.of("forecasting/mean@1.0.0 from io.mercator.plugins.forecasting.baselines",
                "forecasting/naive@1.0.0 from io.mercator.plugins.forecasting.baselines"), forecasting);
        assertEquals(List.of(), registry.list(Family.PRICING));
    }

    @Test
    public void filteringStrategiesAndEvaluatorAreRegistered() throws Exception {
        List<String> filtering = registry.list(Family.FILTERING).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        assertEquals(List.of("filtering/association-rules@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/biased-mf@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/implicit-als@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/item-knn@1.0.0 from io.mercator.plugins.filtering.collaborative",
                "filtering/popularity@1.0.0 from io.mercator.plugins.filtering.collaborative"), filtering);
        Collection<ServiceReference<Evaluator>> evaluators = context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=filtering)");
        assertEquals(1, evaluators.size());
        Evaluator evaluator = context.getService(evaluators.iterator().next());
        Path data = Files.createTempFile("ratings", ".csv");
        Files.writeString(data, "user_id,item_id,rating\n1,a,5\n1,b,3\n2,a,4\n2,b,2\n3,a,5\n3,c,1\n");
        EvaluationReport report = evaluator.evaluate(new EvaluationRequest(data, List.of("popularity"),
                Parameters.resolve(evaluator.options(), Map.of("folds", 2))), TrainingContext.none());
        assertEquals(List.of("popularity@1.0.0"), report.rows().stream().map(EvaluationReport.Row::strategy).toList());
        assertTrue("RMSE is a number: " + report, Double.isFinite(report.rows().get(0).values()[0]));
    }

    @Test
    public void unknownStrategyErrorNamesWhatIsRegistered() {
        StrategyNotFoundException error = Frameworks.expectThrows(StrategyNotFoundException.class,
                () -> registry.acquire(ForecastStrategy.class, "seasonal-naive"));
        assertEquals("no such strategy: forecasting/seasonal-naive (registered: mean, naive)", error.getMessage());
        StrategyNotFoundException noDefault = Frameworks.expectThrows(StrategyNotFoundException.class,
                () -> registry.acquire(ForecastStrategy.class, ""));
        assertEquals("no such strategy: forecasting/(default) "
                + "(no default is set and several are registered: mean, naive)", noDefault.getMessage());
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
}
