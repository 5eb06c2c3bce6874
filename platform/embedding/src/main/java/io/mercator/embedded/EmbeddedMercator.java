package io.mercator.embedded;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.Strategy;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingRules;
import io.mercator.api.pricing.PricingStrategy;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import io.mercator.boot.FrameworkBoot;
import io.mercator.boot.FrameworkBoot.BundleJar;
import io.mercator.boot.FrameworkDefaults;
import io.mercator.boot.StrategyCapabilities;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running embedded runtime behind {@link Mercator}. */
final class EmbeddedMercator implements Mercator {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMercator.class);
    private static final String REGISTRY_CONFIGURATION = "io.mercator.registry.cfg";
    /** The bundle that passes the runtime's log entries to SLF4J. */
    private static final String LOG_BRIDGE = "io.mercator.platform.logging";
    /** The REST API bundle and the HTTP server it runs on, left out unless the host asks for the API. */
    private static final Set<String> REST_API = Set.of("io.mercator.platform.rest", "org.eclipse.jetty.server",
            "org.eclipse.jetty.http", "org.eclipse.jetty.io", "org.eclipse.jetty.util");

    private final Framework framework;
    private final HomeLock homeLock;
    private final ServiceTracker<StrategyRegistry, StrategyRegistry> registryTracker;
    private final ServiceTracker<ModelStore, ModelStore> storeTracker;
    private final Path deployFolder;
    private final Duration callTimeout;
    private final Duration shutdownTimeout;
    private final Object closeLock = new Object();
    private volatile boolean closed;

    private EmbeddedMercator(Framework framework, HomeLock homeLock, Path deployFolder,
            Duration callTimeout, Duration shutdownTimeout) {
        this.framework = framework;
        this.homeLock = homeLock;
        this.deployFolder = deployFolder;
        this.callTimeout = callTimeout;
        this.shutdownTimeout = shutdownTimeout;
        this.registryTracker = new ServiceTracker<>(framework.getBundleContext(), StrategyRegistry.class, null);
        registryTracker.open();
        this.storeTracker = new ServiceTracker<>(framework.getBundleContext(), ModelStore.class, null);
        storeTracker.open();
    }

    static Mercator start(MercatorBuilder builder) {
        long begin = System.nanoTime();
        Path home = builder.home.toAbsolutePath().normalize();
        Path deploy = (builder.deployFolder == null ? home.resolve("deploy") : builder.deployFolder)
                .toAbsolutePath().normalize();
        Path conf = home.resolve("conf");
        for (Path folder : List.of(conf, home.resolve("data"), deploy)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
            }
        }
        HomeLock lock = HomeLock.acquire(home);
        try {
            return start(builder, home, deploy, lock, begin);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static Mercator start(MercatorBuilder builder, Path home, Path deploy, HomeLock lock, long begin) {
        Path conf = home.resolve("conf");
        RuntimeArchive runtime = RuntimeArchive.load();
        runtime.writeMissingConfigurations(conf);

        Map<String, String> properties = new LinkedHashMap<>();
        FrameworkDefaults.properties().forEach((key, value) ->
                properties.put(key, value.replace(FrameworkDefaults.HOME, home.toString())));
        properties.put("felix.fileinstall.dir", builder.hotDeploy ? deploy + "," + conf : conf.toString());
        // bundles see the JDK and what the system bundle exports, never the host's class path: no
        // parent class loader, and no Felix guess that a load started by host code wants host classes
        properties.put("org.osgi.framework.bundle.parent", "boot");
        properties.put("felix.bootdelegation.implicit", "false");
        // resolve on the calling thread: Felix's resolver pool is never shut down, its idle threads
        // would outlive close() by a minute
        properties.put("felix.resolver.parallelism", "1");
        // the JVM-wide URL stream handler factory belongs to the host
        properties.put("felix.service.urlhandlers", "false");
        properties.putAll(builder.configuration);

        Set<String> excluded = new HashSet<>(builder.excludedBundles);
        if (!builder.restApi) {
            excluded.addAll(REST_API);
        }
        if (!hostHasSlf4j2()) {
            LOG.warn("The host's SLF4J API is older than 2.0: the runtime's log bridge ({}) needs 2.x and is left out, "
                    + "so the runtime's own log messages are not passed on", LOG_BRIDGE);
            excluded.add(LOG_BRIDGE);
        }
        List<BundleJar> bundles = new ArrayList<>(runtime.bundles(builder.families, excluded));
        if (!builder.hotDeploy) {
            bundles.addAll(BundleJar.referencesIn(deploy));
        }
        Path registryConfiguration = conf.resolve(REGISTRY_CONFIGURATION);
        long read = System.nanoTime();
        // the framework's, Declarative Services' and FileInstall's threads are created on this thread
        // and inherit its context class loader: let them see the JDK only, not the host's class path
        Thread thread = Thread.currentThread();
        ClassLoader hostContext = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        Framework framework;
        try {
            framework = FrameworkBoot.start(properties, bundles);
        } finally {
            thread.setContextClassLoader(hostContext);
        }
        EmbeddedMercator mercator = new EmbeddedMercator(framework, lock, deploy,
                builder.callTimeout, builder.shutdownTimeout);
        long started = System.nanoTime();
        try {
            mercator.awaitReady(builder.startupTimeout, configuredDefaults(registryConfiguration));
        } catch (RuntimeException e) {
            mercator.close();
            throw e;
        }
        long ready = System.nanoTime();
        LOG.info("Mercator started in {} ms: {} strategies registered, home {}, deploy folder {}{}",
                (ready - begin) / 1_000_000, mercator.strategies().size(), home, deploy,
                builder.hotDeploy ? " (hot deployment on)" : "");
        LOG.debug("Start-up: {} ms reading the runtime, {} ms installing and starting {} bundles, {} ms until ready",
                (read - begin) / 1_000_000, (started - read) / 1_000_000, bundles.size(), (ready - started) / 1_000_000);
        return mercator;
    }

    /** @return whether the SLF4J API on the host's class path is 2.x, which the log bridge bundle imports */
    private static boolean hostHasSlf4j2() {
        try {
            Class.forName("org.slf4j.spi.LoggingEventBuilder", false, LoggerFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException olderThan2) {
            return false;
        }
    }

    /** @return the families whose default the registry configuration file sets */
    private static Set<Family> configuredDefaults(Path file) {
        Properties configuration = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            configuration.load(reader);
        } catch (NoSuchFileException absent) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (Family family : Family.values()) {
            if (!configuration.getProperty("default." + family.id(), "").isBlank()) {
                families.add(family);
            }
        }
        return families;
    }

    /**
     * Waits until the registry is there, every active bundle's declared strategies are registered
     * and the configured defaults have reached the registry (Config Admin delivers them
     * asynchronously).
     */
    private void awaitReady(Duration timeout, Set<Family> configuredDefaults) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing = List.of();
        while (System.nanoTime() < deadline) {
            StrategyRegistry registry = registryTracker.getService();
            missing = registry == null ? List.of("the strategy registry") : missing(registry, configuredDefaults);
            if (missing.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Mercator was starting");
            }
        }
        if (registryTracker.getService() == null) {
            throw new IllegalStateException("Mercator did not start within " + timeout.toMillis()
                    + " ms: the strategy registry is not running (see the log of org.apache.felix.framework)");
        }
        LOG.warn("Mercator is not fully ready after {} ms, missing: {}", timeout.toMillis(), String.join("; ", missing));
    }

    private List<String> missing(StrategyRegistry registry, Set<Family> configuredDefaults) {
        List<String> missing = new ArrayList<>();
        Map<Long, Long> registeredByBundle = registry.list().stream()
                .collect(Collectors.groupingBy(StrategyInfo::bundleId, Collectors.counting()));
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE) {
                int declared = StrategyCapabilities.declared(bundle);
                long registered = registeredByBundle.getOrDefault(bundle.getBundleId(), 0L);
                if (registered < declared) {
                    missing.add(bundle.getSymbolicName() + " declares " + declared + " strategies, " + registered
                            + " registered");
                }
            }
        }
        for (Family family : configuredDefaults) {
            if (registry.defaultSpec(family).isEmpty()) {
                missing.add("the configured default of " + family.id());
            }
        }
        return missing;
    }

    @Override
    public Map<String, Forecast> forecast(String strategy, SeriesSet history, int horizon, double... levels) {
        present(history, "history");
        present(levels, "levels");
        return call(ForecastStrategy.class, strategy, forecaster -> {
            ForecastModel model = forecaster.fit(history, defaults(forecaster), TrainingContext.none());
            Map<String, Forecast> forecasts = new LinkedHashMap<>();
            for (int series = 0; series < history.size(); series++) {
                String id = history.ids().id(series);
                forecasts.put(id, model.forecast(id, horizon, levels));
            }
            return forecasts;
        });
    }

    @Override
    public ReplenishmentPlan planReplenishment(String strategy, SeriesSet demandHistory, ReplenishmentInput input) {
        present(demandHistory, "demandHistory");
        present(input, "input");
        return call(ReplenishmentStrategy.class, strategy, planner ->
                planner.fit(demandHistory, defaults(planner), TrainingContext.none()).plan(input));
    }

    @Override
    public Recommendations recommend(String strategy, Interactions interactions, String userId, int count) {
        present(interactions, "interactions");
        present(userId, "userId");
        Set<String> seen = new HashSet<>();
        int user = interactions.users().indexOf(userId);
        for (int row = 0; user >= 0 && row < interactions.size(); row++) {
            if (interactions.user(row) == user) {
                seen.add(interactions.items().id(interactions.item(row)));
            }
        }
        return call(RecommenderStrategy.class, strategy, recommender ->
                recommender.fit(interactions, defaults(recommender), TrainingContext.none())
                        .recommend(userId, count, seen));
    }

    @Override
    public Segments segment(String strategy, Transactions transactions) {
        present(transactions, "transactions");
        return call(SegmentationStrategy.class, strategy, segmenter -> {
            SegmentationModel model = segmenter.fit(transactions, defaults(segmenter), TrainingContext.none());
            return new Segments(model.segments(), model.assign(transactions));
        });
    }

    @Override
    public PriceRecommendations recommendPrices(String strategy, PriceObservations history, PriceRequest request) {
        present(history, "history");
        present(request, "request");
        return call(PricingStrategy.class, strategy, pricer ->
                pricer.fit(history, defaults(pricer), TrainingContext.none()).recommend(request));
    }

    @Override
    public PriceRecommendations recommendPrices(String strategy, PriceObservations history, PriceRequest request,
            PricingRules rules) {
        present(history, "history");
        present(request, "request");
        present(rules, "rules");
        return call(PricingStrategy.class, strategy, pricer ->
                pricer.fit(history, defaults(pricer), TrainingContext.none()).recommend(request, rules));
    }

    @Override
    public Map<String, PriceRecommendations> recommendPricesBySegment(String strategy, PriceObservations history,
            PriceRequest request, PricingRules rules, List<String> segments) {
        present(history, "history");
        present(request, "request");
        present(rules, "rules");
        present(segments, "segments");
        return call(PricingStrategy.class, strategy, pricer -> pricer.fit(history, defaults(pricer),
                TrainingContext.none()).recommendBySegment(request, rules, segments));
    }

    @Override
    public List<StrategyInfo> strategies() {
        return registry().list();
    }

    @Override
    public List<StrategyInfo> strategies(Family family) {
        return registry().list(family);
    }

    @Override
    public Optional<String> defaultStrategy(Family family) {
        return registry().defaultSpec(family);
    }

    @Override
    public void setDefault(Family family, String spec) {
        registry().setDefault(family, spec);
    }

    @Override
    public StrategyRegistry registry() {
        if (closed) {
            throw new IllegalStateException("this Mercator is closed");
        }
        StrategyRegistry registry = registryTracker.getService();
        if (registry == null) {
            throw new IllegalStateException("the strategy registry is not running");
        }
        return registry;
    }

    @Override
    public ModelStore models() {
        if (closed) {
            throw new IllegalStateException("this Mercator is closed");
        }
        ModelStore store = storeTracker.getService();
        if (store == null) {
            throw new IllegalStateException("the model store is not running");
        }
        return store;
    }

    @Override
    public Path deployFolder() {
        return deployFolder;
    }

    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            long begin = System.nanoTime();
            registryTracker.close();
            storeTracker.close();
            FrameworkBoot.stop(framework, shutdownTimeout);
            homeLock.close();
            LOG.info("Mercator stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /** A missing argument is the caller's error, checked before the call so it does not count against the strategy. */
    private static void present(Object argument, String name) {
        if (argument == null) {
            throw new ValidationException(name, "is required, was null");
        }
    }

    private <S extends Strategy<?, ?>, R> R call(Class<S> type, String spec, StrategyCall<S, R> call) {
        return registry().call(type, spec == null ? "" : spec, callTimeout, call);
    }

    private static Parameters defaults(Strategy<?, ?> strategy) {
        return Parameters.defaults(strategy.descriptor().parameters());
    }
}
