package io.mercator.it.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/** The framework set-up shared by the in-framework tests: the API and the distribution's system/ bundles. */
final class PlatformOptions {

    private PlatformOptions() {
    }

    static File bundleFile(String name) {
        return new File(System.getProperty("it.bundles"), name + ".jar");
    }

    /** @return the distribution's system/ bundles, in the order the launcher starts them */
    static Stream<File> systemBundles() {
        File[] jars = new File(System.getProperty("it.system")).listFiles((folder, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + System.getProperty("it.system")
                    + "; build the distribution module first");
        }
        return Stream.of(jars).sorted();
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
        // the API first (the distribution exports it from the launcher), then system/ in file-name order
        Stream<Option> bundles = Stream.concat(Stream.of(bundleFile("mercator-api")), systemBundles())
                .map(file -> bundle(file.toURI().toString()));
        return composite(
                cleanCaches(),
                // as in the distribution, SLF4J comes from the class path through the system bundle
                systemPackages("org.slf4j;version=2.0.17", "org.slf4j.event;version=2.0.17",
                        "org.slf4j.spi;version=2.0.17"),
                junitBundles(),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("it.samples").value(System.getProperty("it.samples")),
                systemProperty("it.bundles").value(System.getProperty("it.bundles")),
                systemProperty("it.system").value(System.getProperty("it.system")),
                frameworkProperty("felix.fileinstall.dir").value(deployDir.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.log.level").value("2"),
                composite(bundles.toArray(Option[]::new)));
    }
}
