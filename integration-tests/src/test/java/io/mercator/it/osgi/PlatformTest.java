package io.mercator.it.osgi;

import io.mercator.api.runtime.StrategyRegistry;
import java.nio.file.Files;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/** Base of the in-framework tests: a framework running the platform, with its context and registry injected. */
public abstract class PlatformTest {

    @Inject
    protected BundleContext context;

    @Inject
    protected StrategyRegistry registry;

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {PlatformOptions.platform(Files.createTempDirectory("mercator-deploy"))};
    }
}
