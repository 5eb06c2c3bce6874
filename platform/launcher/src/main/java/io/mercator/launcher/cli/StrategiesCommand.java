package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mercator strategies}. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the registered strategies: family, name, version, default, protected calls and failures, "
                + "whether they are routed, vendor and bundle.")
public final class StrategiesCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Table table = new Table("FAMILY", "NAME", "VERSION", "DEFAULT", "CALLS", "FAILED", "ROUTING", "VENDOR",
                "BUNDLE");
        for (ControlApi.StrategyEntry strategy : client().strategies()) {
            table.row(strategy.family(), strategy.name(), strategy.version(), strategy.isDefault() ? "*" : "",
                    strategy.calls(), strategy.failures(), strategy.outOfRouting() ? "out" : "in", strategy.vendor(),
                    strategy.bundle() + " " + strategy.bundleVersion());
        }
        table.print(out());
        return 0;
    }
}
