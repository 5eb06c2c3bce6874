package io.mercator.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots the Mercator runtime's OSGi framework: Felix with the given framework properties, the
 * system bundle exporting the JDK, the Mercator API and SLF4J (see {@link SystemPackages}), the
 * given bundles installed in order and every non-fragment among them started. Shared by the
 * launcher (bundles from {@code system/}) and the embedding API (bundles carried as resources).
 */
public final class FrameworkBoot {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkBoot.class);

    /**
     * A bundle to install.
     *
     * @param location its bundle location
     * @param content opens its bytes; null to let the framework read the location itself
     */
    public record BundleJar(String location, Content content) {

        /** Opens a bundle's bytes. */
        @FunctionalInterface
        public interface Content {
            InputStream open() throws IOException;
        }

        /**
         * @param folder a folder of bundle jars
         * @return its {@code *.jar} files in file-name order (the start order), installed in place
         *     ({@code reference:} locations) rather than copied into the framework's cache; none when
         *     the folder does not exist
         * @throws UncheckedIOException when the folder cannot be listed
         */
        public static List<BundleJar> referencesIn(Path folder) {
            List<Path> jars = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
                    stream.forEach(jars::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
                }
            }
            jars.sort(null);
            return jars.stream().map(jar -> new BundleJar("reference:" + jar.toFile().toURI(), null)).toList();
        }
    }

    private FrameworkBoot() {
    }

    /**
     * Creates, initialises and starts the framework and the bundles. A bundle that cannot be
     * installed or started is logged and skipped: the rest of the runtime still starts.
     *
     * @param properties framework properties; the system packages and the framework logger are added
     * @param bundles what to install, in install and start order
     * @return the started framework
     * @throws IllegalStateException when no framework is on the class path or it does not start
     */
    public static Framework start(Map<String, String> properties, List<BundleJar> bundles) {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SystemPackages.extra());
        // Felix takes its logger as an object in the configuration, beyond the standard's strings
        config.put("felix.log.logger", new FelixLogger());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, FrameworkBoot.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(stringMap(config));
        try {
            long begin = System.nanoTime();
            framework.init();
            long initialised = System.nanoTime();
            List<Bundle> installed = install(framework, bundles);
            long installing = System.nanoTime();
            framework.start();
            for (Bundle bundle : installed) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    try {
                        bundle.start();
                    } catch (BundleException e) {
                        LOG.error("Bundle {} did not start: {}", bundle.getLocation(), e.getMessage(), e);
                    }
                }
            }
            LOG.debug("Framework initialised in {} ms, {} bundles installed in {} ms and started in {} ms",
                    (initialised - begin) / 1_000_000, installed.size(), (installing - initialised) / 1_000_000,
                    (System.nanoTime() - installing) / 1_000_000);
            return framework;
        } catch (BundleException | RuntimeException e) {
            stop(framework, Duration.ofSeconds(10));
            throw new IllegalStateException("the OSGi framework did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the framework and waits for it to stop. Logs instead of throwing.
     *
     * @param framework the framework, may be null
     * @param timeout how long to wait
     * @return true when it stopped within the timeout
     */
    public static boolean stop(Framework framework, Duration timeout) {
        if (framework == null) {
            return true;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeout.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("The framework did not stop within {} ms", timeout.toMillis());
                return false;
            }
            return true;
        } catch (BundleException | RuntimeException e) {
            LOG.error("Error while stopping the framework: {}", e.getMessage(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Bundle> install(Framework framework, List<BundleJar> jars) {
        List<Bundle> bundles = new ArrayList<>();
        for (BundleJar jar : jars) {
            try {
                if (jar.content() == null) {
                    bundles.add(framework.getBundleContext().installBundle(jar.location()));
                } else {
                    try (InputStream in = jar.content().open()) {
                        bundles.add(framework.getBundleContext().installBundle(jar.location(), in));
                    }
                }
            } catch (BundleException | IOException e) {
                LOG.error("Cannot install bundle {}: {}", jar.location(), e.getMessage());
            }
        }
        return bundles;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> stringMap(Map<String, Object> config) {
        return (Map) config;
    }
}
