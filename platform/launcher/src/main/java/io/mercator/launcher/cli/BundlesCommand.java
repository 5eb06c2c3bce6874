package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mercator bundles}. */
@Command(name = "bundles", mixinStandardHelpOptions = true,
        description = "List the installed bundles with their state and version.")
public final class BundlesCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        String homeUri = home().root().toUri().toString();
        Table table = new Table("ID", "STATE", "VERSION", "SYMBOLIC-NAME", "STRATEGIES", "LOCATION");
        for (ControlApi.BundleInfo bundle : client().bundles()) {
            String location = bundle.location().replace("reference:", "").replace(homeUri, "")
                    .replace("file:" + home().root() + "/", "");
            table.row(bundle.id(), bundle.state(), bundle.version(), bundle.symbolicName(),
                    bundle.strategies() == 0 ? "" : bundle.strategies(), location);
        }
        table.print(out());
        return 0;
    }
}
