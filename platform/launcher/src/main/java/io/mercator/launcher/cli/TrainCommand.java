package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mercator train}: starts a training job and follows it with a progress bar. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a strategy on a data set in the background; waits with a progress bar unless --detach.")
public final class TrainCommand extends ClientCommand implements Callable<Integer> {

    private static final int BAR_WIDTH = 30;
    private static final long POLL_MILLIS = 250;

    @Parameters(index = "0", paramLabel = "FAMILY",
            description = "filtering, forecasting, optimization, segmentation or pricing")
    String family;

    @Parameters(index = "1", paramLabel = "DATASET", description = "The data set id (see mercator datasets).")
    String dataset;

    @Option(names = {"-s", "--strategy"}, paramLabel = "SPEC",
            description = "name or name@version-range (default: the family's default strategy).")
    String strategy = "";

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "A strategy parameter, e.g. -p k=4; repeatable. Default: the strategy's own.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--detach", description = "Return once the job is queued.")
    boolean detach;

    @Override
    public Integer call() throws InterruptedException {
        ControlClient client = client();
        ControlApi.JobEntry job = client.train(new ControlApi.TrainRequest(family, dataset, strategy, parameters));
        job = follow(this, client, job, detach);
        if (job == null) {
            return 0;
        }
        if ("SUCCEEDED".equals(job.state())) {
            out().printf("Model %s trained by %s@%s in %.1f s%n", job.modelId(), job.strategyName(),
                    job.strategyVersion(), job.runMillis() / 1000.0);
            out().flush();
            return 0;
        }
        return failed(this, job);
    }

    /**
     * Prints that a job was queued and, unless {@code detach}, follows it with a progress bar.
     *
     * @return the job in its final state, or null when detached
     */
    static ControlApi.JobEntry follow(ClientCommand command, ControlClient client, ControlApi.JobEntry queued,
            boolean detach) throws InterruptedException {
        ControlApi.JobEntry job = queued;
        command.out().println("Job " + job.id() + " queued");
        command.out().flush();
        if (detach) {
            return null;
        }
        String lastLine = "";
        while (!isFinal(job.state())) {
            Thread.sleep(POLL_MILLIS);
            job = client.job(job.id());
            String line = bar(job);
            if (!line.equals(lastLine)) {
                command.out().print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
                command.out().flush();
                lastLine = line;
            }
        }
        command.out().println();
        return job;
    }

    /** Prints why a job did not succeed; @return the exit code 1 */
    static int failed(ClientCommand command, ControlApi.JobEntry job) {
        command.err().println("mercator: job " + job.id() + " " + job.state().toLowerCase(Locale.ROOT)
                + (job.error() != null ? ": " + job.error() : ""));
        command.err().flush();
        return 1;
    }

    static boolean isFinal(String state) {
        return "SUCCEEDED".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
    }

    /** @return e.g. {@code [###########-------------------]  37% fitting kmeans} */
    static String bar(ControlApi.JobEntry job) {
        int filled = (int) Math.round(job.progress() * BAR_WIDTH);
        String message = job.message().length() > 50 ? job.message().substring(0, 47) + "..." : job.message();
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
                + String.format("%3d%%", Math.round(job.progress() * 100)) + " " + message;
    }
}
