package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mercator jobs [show ID | cancel ID]}. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List the training and scoring jobs (kept across restarts), show one, or cancel one.")
public final class JobsCommand extends ClientCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "show|cancel", description = "What to do with one job.")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "The job.")
    String id;

    @Override
    public Integer call() {
        if (action == null) {
            Table table = new Table("ID", "KIND", "FAMILY", "DATASET", "STRATEGY", "STATE", "PROGRESS", "SUBMITTED",
                    "SECONDS", "MODEL", "TRIGGER", "MESSAGE");
            for (ControlApi.JobEntry job : client().jobs()) {
                table.row(job.id(), job.kind(), job.family(), job.dataset(), strategy(job), job.state(),
                        Math.round(job.progress() * 100) + "%", job.submittedAt(),
                        String.format(Locale.ROOT, "%.1f", job.runMillis() / 1000.0),
                        job.modelId() == null ? "-" : job.modelId(), job.trigger(), job.message());
            }
            table.print(out());
            return 0;
        }
        if (id == null) {
            throw new IllegalArgumentException("jobs " + action + " needs a job id");
        }
        ControlApi.JobEntry job = switch (action) {
            case "show" -> client().job(id);
            case "cancel" -> client().cancelJob(id);
            default -> throw new IllegalArgumentException("'" + action + "' is not show or cancel");
        };
        out().println(job.id() + "  " + job.state() + "  " + TrainCommand.bar(job));
        out().println(job.kind() + ", family " + job.family() + ", data set " + job.dataset() + ", strategy "
                + strategy(job) + ", parameters " + job.parameters() + ", started by " + job.trigger());
        out().println("submitted " + job.submittedAt() + ", started " + job.startedAt() + ", finished "
                + job.finishedAt());
        if (job.modelId() != null) {
            out().println("model " + job.modelId());
        }
        if (job.error() != null) {
            out().println("error: " + job.error());
        }
        out().flush();
        return 0;
    }

    private static String strategy(ControlApi.JobEntry job) {
        if (job.strategyName() != null) {
            return job.strategyName() + "@" + job.strategyVersion();
        }
        return job.strategySpec().isEmpty() ? "(default)" : job.strategySpec();
    }
}
