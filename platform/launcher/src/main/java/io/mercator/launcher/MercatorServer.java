package io.mercator.launcher;

import io.mercator.api.datasets.DatasetService;
import io.mercator.api.jobs.JobService;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.boot.FrameworkBoot;
import io.mercator.boot.FrameworkBoot.BundleJar;
import io.mercator.boot.StrategyCapabilities;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Mercator: the embedded Felix framework with its system bundles, FileInstall watching
 * {@code deploy/}, and the local control channel. {@link #start()} returns once every deployed
 * bundle is active and every strategy they declare is registered (or the start-up timeout has
 * passed); {@link #stop(String)} is idempotent and may be called from any thread, including a
 * shutdown hook.
 */
public final class MercatorServer implements ControlServer.Backend {

    private static final Logger LOG = LoggerFactory.getLogger(MercatorServer.class);

    private final Home home;
    private final Settings settings;
    private final int port;
    private final Demo.Size demo;
    private final RunFiles runFiles;
    private final DeployFolder deployFolder;
    private final long pid = ProcessHandle.current().pid();
    private final long processStartMs = processStartMillis();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object stopLock = new Object();

    private volatile String state = "starting";
    private volatile boolean stopRequested;
    private volatile Framework framework;
    private volatile ServiceTracker<StrategyRegistry, StrategyRegistry> registryTracker;
    private volatile ControlServer control;
    private volatile DataControl data;
    private volatile long startupMs = -1;

    /**
     * @param home the home folder
     * @param settings its settings
     * @param port the control channel port
     * @param demo whether to run the small demo (see {@link Demo})
     */
    public MercatorServer(Home home, Settings settings, int port, boolean demo) {
        this(home, settings, port, demo ? Demo.Size.SMALL : null);
    }

    /**
     * @param home the home folder
     * @param settings its settings
     * @param port the control channel port
     * @param demo which demo retailer to generate, register and train on; null for none
     */
    public MercatorServer(Home home, Settings settings, int port, Demo.Size demo) {
        this.home = home;
        this.settings = settings;
        this.port = port;
        this.demo = demo;
        this.runFiles = new RunFiles(home.run());
        this.deployFolder = new DeployFolder(home.deploy());
    }

    /**
     * Starts everything and waits for readiness.
     *
     * @throws IllegalStateException with a user-facing message when Mercator cannot start
     */
    public void start() {
        runFiles.pid().filter(other -> other != pid)
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .ifPresent(other -> {
                    throw new IllegalStateException("Mercator is already running from " + home.root()
                            + " (pid " + other.pid() + ")");
                });
        home.createRuntimeFolders();
        Demo demoRun = demo != null ? Demo.prepare(home, deployFolder, demo) : null;

        String token = RunFiles.newToken();
        control = ControlServer.start(port, token, this);
        runFiles.write(new RunFiles.Contact(pid, control.port(), token));

        Framework fw = FrameworkBoot.start(settings.frameworkProperties(), BundleJar.referencesIn(home.system()));
        framework = fw;
        registryTracker = new ServiceTracker<>(fw.getBundleContext(), StrategyRegistry.class, null);
        registryTracker.open();
        data = new DataControl(fw.getBundleContext());

        Readiness readiness = awaitReady(settings.startupTimeout());
        if (stopRequested) {
            return;
        }
        startupMs = System.currentTimeMillis() - processStartMs;
        state = "running";
        LOG.info("Mercator started in {} ms: {} bundles, {} strategies registered{}", startupMs,
                readiness.bundles(), readiness.registered(),
                !readiness.ready() ? " (not ready, see above)"
                : !readiness.failed().isEmpty() ? " (" + readiness.failed().size() + " deployed bundles failed, see above)"
                : "");
        LOG.info("Home {}, control channel on 127.0.0.1:{}, deploy folder {}", home.root(), control.port(),
                home.deploy());
        if (demoRun != null) {
            BundleContext context = fw.getBundleContext();
            try {
                demoRun.run(new Demo.Services(registry(), service(context, ModelStore.class),
                        service(context, DatasetService.class), service(context, JobService.class)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the service, waiting up to two seconds for it to be registered; null when it is not */
    private static <S> S service(BundleContext context, Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            return tracker.waitForService(2000);
        } finally {
            tracker.close();
        }
    }

    /** Blocks until the framework has stopped, then finishes the shutdown. */
    public void awaitStop() throws InterruptedException {
        Framework fw = framework;
        if (fw != null) {
            fw.waitForStop(0);
        }
        stop("framework stopped");
        stopped.await();
    }

    /**
     * Stops the framework, the control channel and removes the run/ files. Idempotent.
     *
     * @param reason for the log
     */
    public void stop(String reason) {
        stopRequested = true;
        synchronized (stopLock) {
            if (stopped.getCount() == 0) {
                return;
            }
            long begin = System.nanoTime();
            state = "stopping";
            LOG.info("Stopping Mercator ({})", reason);
            try {
                ServiceTracker<?, ?> tracker = registryTracker;
                if (tracker != null) {
                    tracker.close();
                }
                FrameworkBoot.stop(framework, settings.shutdownTimeout());
            } finally {
                ControlServer channel = control;
                if (channel != null) {
                    channel.stop();
                }
                runFiles.remove(pid);
                state = "stopped";
                LOG.info("Mercator stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
                stopped.countDown();
            }
        }
    }

    /**
     * The state of start-up: what is still missing, and the deployed bundles that cannot resolve
     * (they will not become active by waiting, so start-up does not wait for them).
     */
    record Readiness(int bundles, int declared, int registered, List<String> missing, List<String> failed) {
        boolean ready() {
            return missing.isEmpty();
        }
    }

    private Readiness awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Readiness readiness = readiness();
            if (readiness.ready() || stopRequested) {
                if (!readiness.failed().isEmpty()) {
                    LOG.error("Deployed bundles that cannot resolve: {}", String.join("; ", readiness.failed()));
                }
                return readiness;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("Not ready after {} ms: {}", timeout.toMillis(), String.join("; ", readiness.missing()));
                return readiness;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return readiness;
            }
        }
    }

    /** @return what is deployed and registered now, and what is still missing */
    Readiness readiness() {
        List<String> missing = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Bundle[] bundles = framework.getBundleContext().getBundles();
        List<DeployFolder.Deployed> deployedJars = deployFolder.list();
        Map<DeployFolder.Deployed, Bundle> installed = new LinkedHashMap<>();
        for (DeployFolder.Deployed deployed : deployedJars) {
            find(deployed.identity(), bundles).ifPresent(bundle -> installed.put(deployed, bundle));
        }
        boolean allInstalled = installed.size() == deployedJars.size();
        for (DeployFolder.Deployed deployed : deployedJars) {
            Bundle bundle = installed.get(deployed);
            String name = home.root().relativize(deployed.file()) + " (" + deployed.identity() + ")";
            if (bundle == null) {
                missing.add(name + " is not installed");
            } else if (!isActive(bundle)) {
                // once everything in deploy/ is installed, a bundle that cannot resolve now never will by itself
                if (allInstalled && bundle.getState() == Bundle.INSTALLED
                        && !framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle))) {
                    failed.add(name + " cannot resolve");
                } else {
                    missing.add(name + " is " + stateName(bundle.getState()));
                }
            }
        }
        StrategyRegistry registry = registry();
        Map<Long, Long> registeredByBundle = registry == null ? Map.of()
                : registry.list().stream().collect(Collectors.groupingBy(StrategyInfo::bundleId, Collectors.counting()));
        int declared = 0;
        for (Bundle bundle : bundles) {
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            int count = StrategyCapabilities.declared(bundle);
            declared += count;
            long registered = registeredByBundle.getOrDefault(bundle.getBundleId(), 0L);
            if (registered < count) {
                missing.add(bundle.getSymbolicName() + " declares " + count + " strategies, "
                        + registered + " registered" + (registry == null ? " (no StrategyRegistry service)" : ""));
            }
        }
        int registered = registeredByBundle.values().stream().mapToInt(Long::intValue).sum();
        return new Readiness(bundles.length - 1, declared, registered, missing, failed);
    }

    private static Optional<Bundle> find(DeployFolder.BundleIdentity identity, Bundle[] bundles) {
        Version version = Version.parseVersion(identity.version());
        for (Bundle bundle : bundles) {
            if (identity.symbolicName().equals(bundle.getSymbolicName()) && version.equals(bundle.getVersion())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private static boolean isActive(Bundle bundle) {
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        return bundle.getState() == Bundle.ACTIVE || (fragment && bundle.getState() == Bundle.RESOLVED);
    }

    /**
     * @return the running strategy registry (for in-process callers such as benchmarks), or null
     *     before start and after stop
     */
    public StrategyRegistry registry() {
        ServiceTracker<StrategyRegistry, StrategyRegistry> tracker = registryTracker;
        return tracker == null ? null : tracker.getService();
    }

    @Override
    public ControlApi.Status status() {
        Framework fw = framework;
        Bundle[] bundles = fw == null || fw.getBundleContext() == null ? new Bundle[0] : fw.getBundleContext().getBundles();
        int active = 0;
        for (Bundle bundle : bundles) {
            if (bundle.getBundleId() != 0 && bundle.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        StrategyRegistry registry = registry();
        return new ControlApi.Status(pid, state, processStartMs, startupMs,
                System.currentTimeMillis() - processStartMs, Math.max(0, bundles.length - 1), active,
                registry == null ? 0 : registry.list().size(), home.root().toString());
    }

    @Override
    public List<ControlApi.BundleInfo> bundles() {
        Framework fw = framework;
        List<ControlApi.BundleInfo> infos = new ArrayList<>();
        if (fw == null || fw.getBundleContext() == null) {
            return infos;
        }
        for (Bundle bundle : fw.getBundleContext().getBundles()) {
            infos.add(new ControlApi.BundleInfo(bundle.getBundleId(), bundle.getSymbolicName(),
                    bundle.getVersion().toString(), stateName(bundle.getState()), bundle.getLocation(),
                    bundle.getState() == Bundle.ACTIVE ? StrategyCapabilities.declared(bundle) : 0));
        }
        return infos;
    }

    @Override
    public List<ControlApi.StrategyEntry> strategies() {
        StrategyRegistry registry = registry();
        if (registry == null) {
            return List.of();
        }
        return registry.list().stream().map(info -> new ControlApi.StrategyEntry(
                info.descriptor().family().id(), info.descriptor().name(), info.descriptor().version(),
                info.descriptor().vendor(), info.descriptor().description(), info.bundleSymbolicName(),
                info.bundleId(), info.bundleVersion(), info.isDefault(), info.health().calls(),
                info.health().failures(), info.health().outOfRouting())).collect(Collectors.toList());
    }

    @Override
    public DataControl data() {
        return state.equals("stopping") || state.equals("stopped") ? null : data;
    }

    @Override
    public ControlApi.Report evaluate(ControlApi.EvaluateRequest request) {
        Framework fw = framework;
        if (fw == null || fw.getBundleContext() == null || !"running".equals(state)) {
            throw new IllegalStateException("Mercator is not running");
        }
        return Evaluations.run(fw.getBundleContext(), request);
    }

    @Override
    public void requestShutdown() {
        Thread stopper = new Thread(() -> stop("stop requested through the control channel"), "mercator-stop");
        stopper.start();
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    /** @return when the JVM started; ProcessHandle's start instant is only accurate to the second of boot time */
    private static long processStartMillis() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

}
