package io.mercator.launcher.cli;

import io.mercator.launcher.DeployFolder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mercator install <jar>}. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Deploy a strategy bundle: copy it into deploy/ and wait until its strategies are listed.")
public final class InstallCommand extends DeployCommand implements Callable<Integer> {

    @Parameters(paramLabel = "JAR", description = "The bundle to deploy.")
    Path jar;

    @Override
    public Integer call() throws InterruptedException {
        Optional<ControlClient> running = running();
        DeployFolder.Deployed deployed = deployFolder().install(jar);
        String what = "Installed " + deployed.identity() + " as deploy/" + deployed.file().getFileName();
        if (running.isEmpty()) {
            out().println(what + "; Mercator is not running, it will start it");
        } else {
            out().println(what + ": " + follow(running.get(), "installing " + deployed.identity(),
                    active(deployed.identity())));
        }
        return 0;
    }
}
