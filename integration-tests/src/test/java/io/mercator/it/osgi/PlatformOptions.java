package io.mercator.it.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/** The framework set-up shared by the in-framework tests: the platform's bundles, built by this reactor. */
final class PlatformOptions {

    /** Installed and started in this order, as the launcher does with system/. */
    static final String[] PLATFORM_BUNDLES = {
        "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
        "org.apache.felix.log", "org.apache.felix.configadmin", "org.apache.felix.scr",
        "commons-math3", "commons-csv", "mercator-api", "mercator-platform-registry", "mercator-plugin-forecasting-baselines",
        "mercator-platform-evaluation-segmentation", "mercator-plugin-segmentation-rfm",
        "mercator-plugin-segmentation-clustering", "mercator-plugin-segmentation-clv",
        "mercator-plugin-segmentation-propensity",
        "org.apache.felix.fileinstall",
    };

    private PlatformOptions() {
    }

    static File bundleFile(String name) {
        return new File(System.getProperty("it.bundles"), name + ".jar");
    }

    static File sampleV1() {
        return new File(System.getProperty("it.samples"), "mercator-sample-seasonal-naive.jar");
    }

    static File sampleV2() {
        return new File(System.getProperty("it.samples"), "mercator-sample-seasonal-naive-v2.jar");
    }

    /**
     * @param deployDir the folder FileInstall watches
     * @return the options for a framework running the platform
     */
    static Option platform(Path deployDir) {
        Stream<Option> bundles = Stream.of(PLATFORM_BUNDLES)
                .map(name -> bundle(bundleFile(name).toURI().toString()));
        return composite(
                cleanCaches(),
                junitBundles(),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("it.samples").value(System.getProperty("it.samples")),
                systemProperty("it.bundles").value(System.getProperty("it.bundles")),
                frameworkProperty("felix.fileinstall.dir").value(deployDir.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.log.level").value("2"),
                composite(bundles.toArray(Option[]::new)));
    }
}
