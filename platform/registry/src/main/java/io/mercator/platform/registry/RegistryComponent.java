package io.mercator.platform.registry;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyCallStatistics;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyMetrics;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The OSGi face of the registry: tracks strategy services of every family into a {@link StrategyTable},
 * and measures every use of them ({@link StrategyMetrics}).
 */
@Component(service = {StrategyRegistry.class, StrategyMetrics.class}, immediate = true,
        configurationPid = RegistryComponent.PID)
@Designate(ocd = RegistryComponent.Config.class)
public final class RegistryComponent implements StrategyRegistry, StrategyMetrics {

    static final String PID = "io.mercator.registry";
    private static final String DEFAULT_PREFIX = "default.";

    @ObjectClassDefinition(name = "Mercator strategy registry",
            description = "Defaults per family and how long callers wait for a strategy being redeployed")
    @interface Config {
        @AttributeDefinition(description = "Default filtering strategy: name or name@version-range")
        String default_filtering() default "";

        @AttributeDefinition(description = "Default forecasting strategy: name or name@version-range")
        String default_forecasting() default "";

        @AttributeDefinition(description = "Default optimization strategy: name or name@version-range")
        String default_optimization() default "";

        @AttributeDefinition(description = "Default segmentation strategy: name or name@version-range")
        String default_segmentation() default "";

        @AttributeDefinition(description = "Default pricing strategy: name or name@version-range")
        String default_pricing() default "";

        @AttributeDefinition(description = "Milliseconds a call waits for a strategy whose bundle is being "
                + "updated before it fails with 'no such strategy'", min = "0")
        long swap_grace_ms() default 3000;

        @AttributeDefinition(description = "Failures in a row after which a strategy is taken out of routing", min = "1")
        int breaker_failures() default 5;

        @AttributeDefinition(description = "Milliseconds a strategy stays out of routing before it is tried again",
                min = "0")
        long breaker_cooldown_ms() default 30_000;
    }

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurationAdmin;

    private BundleContext context;
    private StrategyTable table;
    private ProtectedCalls calls;
    private final CallMetrics metrics = new CallMetrics();
    private ServiceTracker<Object, StrategyTable.Entry> tracker;

    private final SynchronousBundleListener uninstallListener = event -> {
        if (event.getType() == BundleEvent.UNINSTALLED) {
            table.bundleUninstalled(event.getBundle().getBundleId());
        }
    };

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) throws InvalidSyntaxException {
        this.context = context;
        this.table = new StrategyTable(config.swap_grace_ms(), config.breaker_failures(),
                config.breaker_cooldown_ms());
        this.calls = new ProtectedCalls(table, metrics, logger);
        table.setDefaults(defaultsFrom(properties));
        context.addBundleListener(uninstallListener);
        tracker = new ServiceTracker<>(context, strategyFilter(context), new Customizer());
        tracker.open();
        logger.info("Strategy registry active: {} strategies", tracker.size());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        table.setDefaults(defaultsFrom(properties));
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(uninstallListener);
        tracker.close();
        table.close();
        calls.close();
    }

    private Map<Family, StrategySpec> defaultsFrom(Map<String, Object> properties) {
        Map<Family, StrategySpec> defaults = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            Object value = properties.get(DEFAULT_PREFIX + family.id());
            if (value != null && !value.toString().isBlank()) {
                try {
                    defaults.put(family, StrategySpec.parse(value.toString()));
                } catch (ValidationException malformed) {
                    logger.error("Ignoring configured default for {}: {}", family.id(), malformed.getMessage());
                }
            }
        }
        return defaults;
    }

    private static Filter strategyFilter(BundleContext context) throws InvalidSyntaxException {
        String anyFamily = Stream.of(Family.values())
                .map(f -> "(" + Constants.OBJECTCLASS + "=" + f.strategyType().getName() + ")")
                .collect(Collectors.joining("", "(|", ")"));
        return context.createFilter(anyFamily);
    }

    @Override
    public double[] durationBounds() {
        return metrics.durationBounds();
    }

    @Override
    public List<StrategyCallStatistics> statistics() {
        return metrics.statistics();
    }

    @Override
    public List<StrategyInfo> list() {
        List<StrategyInfo> all = new ArrayList<>();
        for (Family family : Family.values()) {
            all.addAll(table.list(family));
        }
        return all;
    }

    @Override
    public List<StrategyInfo> list(Family family) {
        return table.list(family);
    }

    @Override
    public StrategyInfo resolve(Family family, String spec) {
        return table.describe(table.resolve(family, spec));
    }

    @Override
    public <S extends Strategy<?, ?>> StrategyLease<S> acquire(Class<S> strategyType, String spec) {
        StrategyTable.Entry entry = table.await(familyOf(strategyType), spec == null ? "" : spec);
        entry.callsInFlight.incrementAndGet();
        return new Lease<>(strategyType.cast(entry.service), entry, table.describe(entry),
                metrics.recorder(entry.descriptor, StrategyCallStatistics.Use.LEASE));
    }

    @Override
    public <S extends Strategy<?, ?>, R> R call(Class<S> strategyType, String spec, Duration deadline,
            StrategyCall<S, R> call) {
        StrategyTable.Entry entry = table.await(familyOf(strategyType), spec == null ? "" : spec);
        return calls.run(entry, strategyType.cast(entry.service), deadline, call);
    }

    private static Family familyOf(Class<?> strategyType) {
        return Stream.of(Family.values()).filter(f -> f.strategyType() == strategyType).findFirst()
                .orElseThrow(() -> new ValidationException("strategyType",
                        strategyType.getName() + " is not the strategy interface of a family"));
    }

    @Override
    public Optional<String> defaultSpec(Family family) {
        return table.defaultSpec(family).map(StrategySpec::toString);
    }

    @Override
    public void setDefault(Family family, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new ValidationException("strategy", "a default needs a strategy name");
        }
        StrategySpec parsed = StrategySpec.parse(spec);
        table.setDefault(family, parsed);
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            logger.warn("No Config Admin: the default for {} holds until restart only", family.id());
            return;
        }
        try {
            Configuration configuration = admin.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put(DEFAULT_PREFIX + family.id(), parsed.toString());
            configuration.update(properties);
            // the file FileInstall applies at every start holds the defaults: change it too
            Optional<ConfigurationFile> file = ConfigurationFile.of(properties.get(ConfigurationFile.FILE_PROPERTY));
            if (file.isPresent()) {
                file.get().set(DEFAULT_PREFIX + family.id(), parsed.toString());
            }
            logger.info("Default {} strategy set to {}", family.id(), parsed);
        } catch (IOException e) {
            throw new IllegalStateException("could not store the default for " + family.id() + ": " + e.getMessage(), e);
        }
    }

    /** Reads each new strategy service's descriptor once and keeps the service while it is registered. */
    private final class Customizer implements ServiceTrackerCustomizer<Object, StrategyTable.Entry> {

        @Override
        public StrategyTable.Entry addingService(ServiceReference<Object> reference) {
            Bundle bundle = reference.getBundle();
            Object service = context.getService(reference);
            if (bundle == null || service == null) {
                return null;
            }
            try {
                StrategyDescriptor descriptor = ((Strategy<?, ?>) service).descriptor();
                if (!descriptor.family().strategyType().isInstance(service)) {
                    logger.error("Ignoring {} from bundle {}: it says it is {} but does not implement {}",
                            descriptor, bundle.getSymbolicName(), descriptor.family().id(),
                            descriptor.family().strategyType().getName());
                    context.ungetService(reference);
                    return null;
                }
                StrategyTable.Entry entry = new StrategyTable.Entry(descriptor, service, bundle.getBundleId(),
                        bundle.getSymbolicName(), bundle.getVersion().toString(),
                        (Long) reference.getProperty(Constants.SERVICE_ID));
                table.add(entry);
                logger.info("Strategy registered: {} from {} {}", descriptor, bundle.getSymbolicName(),
                        bundle.getVersion());
                return entry;
            } catch (RuntimeException | LinkageError broken) {
                logger.error("Ignoring a strategy service of bundle {}: its descriptor failed: {}",
                        bundle.getSymbolicName(), broken.toString());
                context.ungetService(reference);
                return null;
            }
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, StrategyTable.Entry entry) {
            // descriptors are fixed for the life of a service
        }

        @Override
        public void removedService(ServiceReference<Object> reference, StrategyTable.Entry entry) {
            Bundle bundle = context.getBundle(entry.bundleId);
            boolean expectedBack = bundle != null && bundle.getState() != Bundle.UNINSTALLED;
            table.remove(entry, expectedBack);
            context.ungetService(reference);
            logger.info("Strategy unregistered: {} ({} calls in flight)", entry.descriptor,
                    entry.callsInFlight.get());
        }
    }

    /** Holds one strategy for one call. */
    private static final class Lease<S extends Strategy<?, ?>> implements StrategyLease<S> {
        private final S strategy;
        private final StrategyTable.Entry entry;
        private final StrategyInfo info;
        private final CallMetrics.Recorder recorder;
        private final long start = System.nanoTime();
        private boolean closed;
        private boolean failed;

        Lease(S strategy, StrategyTable.Entry entry, StrategyInfo info, CallMetrics.Recorder recorder) {
            this.strategy = strategy;
            this.entry = entry;
            this.info = info;
            this.recorder = recorder;
        }

        @Override
        public S strategy() {
            return strategy;
        }

        @Override
        public StrategyInfo info() {
            return info;
        }

        /** Counted once per lease, whether reported before or after closing. */
        @Override
        public synchronized void failed(Throwable cause) {
            if (!failed) {
                failed = true;
                if (closed) {
                    recorder.failedLater();
                }
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                entry.callsInFlight.decrementAndGet();
                recorder.finished(System.nanoTime() - start, failed);
            }
        }
    }
}
