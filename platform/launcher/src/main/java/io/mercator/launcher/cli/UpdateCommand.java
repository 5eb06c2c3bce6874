package io.mercator.launcher.cli;

import io.mercator.launcher.DeployFolder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mercator update <jar>}. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Replace the deployed bundle of the same symbolic name and wait until the new version is listed.")
public final class UpdateCommand extends DeployCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JAR", description = "The new version of a deployed bundle.")
    Path jar;

    @Override
    public Integer call() throws InterruptedException {
        Optional<ControlClient> running = running();
        DeployFolder.Deployed deployed = deployFolder().update(jar);
        String what = "Updated deploy/" + deployed.file().getFileName() + " to " + deployed.identity();
        if (running.isEmpty()) {
            out().println(what + "; Mercator is not running, it will start it");
        } else {
            out().println(what + ": " + follow(running.get(), "updating to " + deployed.identity(),
                    active(deployed.identity())));
        }
        return 0;
    }
}
