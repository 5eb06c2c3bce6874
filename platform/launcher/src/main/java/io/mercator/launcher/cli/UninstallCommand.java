package io.mercator.launcher.cli;

import io.mercator.launcher.DeployFolder;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mercator uninstall <bundle-symbolic-name|file>}. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove a deployed bundle from deploy/ and wait until it and its strategies are gone.")
public final class UninstallCommand extends DeployCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME|FILE", description = "A bundle symbolic name or a jar in deploy/.")
    String target;

    @Override
    public Integer call() throws InterruptedException {
        Optional<ControlClient> running = running();
        DeployFolder.Deployed removed = deployFolder().uninstall(target);
        String what = "Uninstalled " + removed.identity() + " (deleted deploy/" + removed.file().getFileName() + ")";
        if (running.isEmpty()) {
            out().println(what);
        } else {
            out().println(what + ": " + follow(running.get(), "uninstalling " + removed.identity(),
                    gone(removed.identity().symbolicName())));
        }
        return 0;
    }
}
