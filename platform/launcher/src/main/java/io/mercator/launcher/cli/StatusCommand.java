package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import io.mercator.launcher.Main;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mercator status}. Exit code 0 when running, 3 when not. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show whether Mercator runs, since when, and how many bundles and strategies it has.")
public final class StatusCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Optional<ControlClient> running = running();
        if (running.isEmpty()) {
            out().println("Mercator is not running (home " + home().root() + ")");
            out().flush();
            return Main.NOT_RUNNING;
        }
        ControlApi.Status status = running.get().status();
        PrintWriter out = out();
        out.printf("Mercator is %s (pid %d)%n", status.state(), status.pid());
        out.printf("  home        %s%n", status.home());
        out.printf("  started     %s%s%n", Instant.ofEpochMilli(status.startTimeMs()),
                status.startupMs() >= 0 ? " (ready after " + status.startupMs() + " ms)" : "");
        out.printf("  uptime      %s%n", format(Duration.ofMillis(status.uptimeMs())));
        out.printf("  bundles     %d (%d active)%n", status.bundles(), status.activeBundles());
        out.printf("  strategies  %d%n", status.strategies());
        out.printf("  control     127.0.0.1:%d%n", running.get().contact().port());
        out.flush();
        return 0;
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + "s"
                : seconds < 3600 ? seconds / 60 + "m " + seconds % 60 + "s"
                : seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
