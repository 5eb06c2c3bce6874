package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import io.mercator.launcher.DeployFolder;
import io.mercator.launcher.Main;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Version;
import picocli.CommandLine.Option;

/**
 * What install, update and uninstall share: they change deploy/ (FileInstall does the rest) and,
 * when the server runs, follow the change until the bundle is active and its strategies are
 * listed, or gone.
 */
abstract class DeployCommand extends ClientCommand {

    private static final char[] SPINNER = {'|', '/', '-', '\\'};

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the running server to pick the change up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    DeployFolder deployFolder() {
        return new DeployFolder(home().deploy());
    }

    /** Where a bundle is in its deployment, as seen through the control channel. */
    record Observation(boolean done, String progress) {
    }

    /**
     * Polls the server until {@code check} reports done, showing a progress line on a terminal.
     *
     * @param client the running server
     * @param what e.g. "installing io.x 1.0.0"
     * @param check looks at bundles and strategies
     * @return the last observation's text
     */
    String follow(ControlClient client, String what, Check check) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean terminal = System.console() != null;
        PrintWriter err = err();
        int tick = 0;
        while (true) {
            Observation observation = check.observe(client.bundles(), client.strategies());
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            if (observation.done()) {
                if (terminal) {
                    err.print("\r\033[K");
                    err.flush();
                }
                return observation.progress() + " (" + elapsed + " ms)";
            }
            if (System.nanoTime() > deadline) {
                if (terminal) {
                    err.print("\r\033[K");
                    err.flush();
                }
                throw new Main.ExitException(1, what + ": not done after " + timeoutSeconds + " s: "
                        + observation.progress() + "; see logs/mercator.log");
            }
            if (terminal) {
                err.printf("\r%c %s: %s  %.1f s\033[K", SPINNER[tick++ % SPINNER.length], what,
                        observation.progress(), elapsed / 1000.0);
                err.flush();
            }
            Thread.sleep(50);
        }
    }

    /** Looks at the server's bundles and strategies. */
    interface Check {
        Observation observe(List<ControlApi.BundleInfo> bundles, List<ControlApi.StrategyEntry> strategies);
    }

    /** @return a check that is done once the bundle runs in that version and lists all its strategies */
    static Check active(DeployFolder.BundleIdentity identity) {
        Version version = Version.parseVersion(identity.version());
        return (bundles, strategies) -> {
            Optional<ControlApi.BundleInfo> bundle = bundles.stream()
                    .filter(b -> identity.symbolicName().equals(b.symbolicName())).findFirst();
            if (bundle.isEmpty()) {
                return new Observation(false, "waiting for FileInstall");
            }
            ControlApi.BundleInfo b = bundle.get();
            if (!Version.parseVersion(b.version()).equals(version)) {
                return new Observation(false, "bundle " + b.id() + " still at " + b.version());
            }
            if (!"ACTIVE".equals(b.state())) {
                return new Observation(false, "bundle " + b.id() + " is " + b.state());
            }
            List<ControlApi.StrategyEntry> listed = strategies.stream()
                    .filter(s -> s.bundleId() == b.id() && Version.parseVersion(s.bundleVersion()).equals(version))
                    .collect(Collectors.toList());
            String names = listed.isEmpty() ? "no strategies" : "strategies " + listed.stream()
                    .map(s -> s.family() + "/" + s.name() + " " + s.version()).collect(Collectors.joining(", "));
            if (listed.size() < b.strategies()) {
                return new Observation(false, "bundle " + b.id() + " ACTIVE, " + listed.size() + " of "
                        + b.strategies() + " strategies registered");
            }
            return new Observation(true, "bundle " + b.id() + " ACTIVE, " + names);
        };
    }

    /** @return a check that is done once no bundle and no strategy of that symbolic name is left */
    static Check gone(String symbolicName) {
        return (bundles, strategies) -> {
            Optional<ControlApi.BundleInfo> bundle = bundles.stream()
                    .filter(b -> symbolicName.equals(b.symbolicName())).findFirst();
            long listed = strategies.stream().filter(s -> symbolicName.equals(s.bundle())).count();
            if (bundle.isPresent()) {
                return new Observation(false, "bundle " + bundle.get().id() + " is " + bundle.get().state());
            }
            if (listed > 0) {
                return new Observation(false, listed + " strategies still listed");
            }
            return new Observation(true, "bundle and strategies removed");
        };
    }
}
