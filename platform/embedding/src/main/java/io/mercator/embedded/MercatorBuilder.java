package io.mercator.embedded;

import io.mercator.api.Family;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Configures and starts an embedded {@link Mercator}. Only {@link #home} is required; a builder
 * may be reused, each {@link #build()} starts a new runtime (give each its own home folder).
 */
public final class MercatorBuilder {

    Path home;
    Path deployFolder;
    final Map<String, String> configuration = new LinkedHashMap<>();
    final Set<Family> families = EnumSet.allOf(Family.class);
    final Set<String> excludedBundles = new TreeSet<>();
    boolean hotDeploy = true;
    boolean restApi;
    Duration startupTimeout = Duration.ofSeconds(30);
    Duration shutdownTimeout = Duration.ofSeconds(15);
    Duration callTimeout = Duration.ofMinutes(2);

    MercatorBuilder() {
    }

    /**
     * @param home the folder the runtime keeps its state in: {@code conf/} (configurations, such as
     *     the default strategy per family), {@code data/} (trained models, configuration store,
     *     framework cache) and, unless set otherwise, {@code deploy/}. Created when missing.
     * @return this builder
     */
    public MercatorBuilder home(Path home) {
        this.home = Objects.requireNonNull(home, "home");
        return this;
    }

    /**
     * @param deployFolder the folder of strategy bundles to deploy, watched while running when
     *     {@link #hotDeploy} is on; {@code home/deploy} by default. Created when missing.
     * @return this builder
     */
    public MercatorBuilder deployFolder(Path deployFolder) {
        this.deployFolder = Objects.requireNonNull(deployFolder, "deployFolder");
        return this;
    }

    /**
     * Sets one runtime setting: a framework property passed to Felix and the runtime's bundles,
     * such as {@code felix.fileinstall.poll} (milliseconds between deploy folder scans, 250 by
     * default) or {@code io.mercator.store.folder} (where trained models are kept).
     *
     * @param key the setting
     * @param value its value
     * @return this builder
     */
    public MercatorBuilder configuration(String key, String value) {
        configuration.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * @param settings settings as for {@link #configuration(String, String)}
     * @return this builder
     */
    public MercatorBuilder configuration(Map<String, String> settings) {
        settings.forEach(this::configuration);
        return this;
    }

    /**
     * Starts the built-in strategies of these families only (all five by default). The platform's
     * own bundles (registry, model store, evaluators, libraries) always start; strategies deployed
     * to the deploy folder start whatever their family.
     *
     * @param selected the families whose built-in strategies to start
     * @return this builder
     */
    public MercatorBuilder families(Family... selected) {
        return families(Set.of(selected));
    }

    /**
     * @param selected the families whose built-in strategies to start
     * @return this builder
     * @see #families(Family...)
     */
    public MercatorBuilder families(Collection<Family> selected) {
        families.clear();
        families.addAll(selected);
        return this;
    }

    /**
     * Leaves built-in bundles out, for example one whose strategies the host replaces with its own.
     *
     * @param symbolicNames the bundles' symbolic names, such as
     *     {@code io.mercator.plugins.forecasting.smoothing}
     * @return this builder
     */
    public MercatorBuilder withoutBundles(String... symbolicNames) {
        excludedBundles.addAll(Set.of(symbolicNames));
        return this;
    }

    /**
     * @param enabled true to serve the REST API and the web console from inside the host (on the
     *     port of {@code home/conf/io.mercator.rest.cfg}, 8641 unless changed there); false (the
     *     default) leaves the API and its HTTP server out, so that embedding opens no port
     * @return this builder
     */
    public MercatorBuilder restApi(boolean enabled) {
        this.restApi = enabled;
        return this;
    }

    /**
     * @param enabled true (the default) to watch the deploy folder and install, update and remove
     *     strategy bundles while running; false to install what it holds at start only
     * @return this builder
     */
    public MercatorBuilder hotDeploy(boolean enabled) {
        this.hotDeploy = enabled;
        return this;
    }

    /**
     * @param timeout how long {@link #build()} waits for the built-in and deployed strategies to
     *     be registered (30 s by default); past it, {@code build()} returns with what is there
     * @return this builder
     */
    public MercatorBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = positive(timeout, "startupTimeout");
        return this;
    }

    /**
     * @param timeout how long {@link Mercator#close()} waits for the runtime to stop (15 s by default)
     * @return this builder
     */
    public MercatorBuilder shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = positive(timeout, "shutdownTimeout");
        return this;
    }

    /**
     * @param timeout the deadline of one family call, fit included (2 minutes by default)
     * @return this builder
     */
    public MercatorBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive(timeout, "callTimeout");
        return this;
    }

    /**
     * Starts the runtime and waits until it is ready.
     *
     * @return the running Mercator
     * @throws IllegalStateException when no home is set or the runtime does not start
     * @throws IllegalArgumentException when {@link #withoutBundles} names a bundle that is not built in
     * @throws java.io.UncheckedIOException when a folder cannot be created or written
     */
    public Mercator build() {
        if (home == null) {
            throw new IllegalStateException("Mercator.builder(): home(...) is required");
        }
        return EmbeddedMercator.start(this);
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, is " + value);
        }
        return value;
    }
}
