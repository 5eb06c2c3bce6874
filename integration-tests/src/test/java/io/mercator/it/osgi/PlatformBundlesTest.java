package io.mercator.it.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
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
    public void segmentationStrategiesAndEvaluatorAreRegistered() throws Exception {
        List<String> segmentation = registry.list(Family.SEGMENTATION).stream()
                .map(info -> info.descriptor() + " from " + info.bundleSymbolicName()).toList();
        assertEquals(List.of("segmentation/bgnbd@1.0.0 from io.mercator.plugins.segmentation.clv",
                "segmentation/hierarchical@1.0.0 from io.mercator.plugins.segmentation.clustering",
                "segmentation/kmeans@1.0.0 from io.mercator.plugins.segmentation.clustering",
                "segmentation/propensity@1.0.0 from io.mercator.plugins.segmentation.propensity",
                "segmentation/rfm@1.0.0 from io.mercator.plugins.segmentation.rfm"), segmentation);
        assertEquals(1, context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=segmentation)").size());
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
