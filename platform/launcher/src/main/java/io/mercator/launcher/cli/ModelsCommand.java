package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mercator models}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the stored models: family, strategy and version, when, size, the data set and job.")
public final class ModelsCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Table table = new Table("ID", "FAMILY", "STRATEGY", "VERSION", "CREATED", "BYTES", "DATASET", "JOB");
        for (ControlApi.ModelEntry model : client().models()) {
            table.row(model.id(), model.family(), model.strategyName(), model.strategyVersion(), model.createdAt(),
                    model.sizeBytes(), model.metadata().getOrDefault("dataset", "-"),
                    model.metadata().getOrDefault("job", "-"));
        }
        table.print(out());
        return 0;
    }
}
