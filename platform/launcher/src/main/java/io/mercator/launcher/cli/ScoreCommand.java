package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mercator score}: the nightly batch job that writes every user's top-N recommendations to a
 * file, run by the server as a background job and followed with a progress bar.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Write top-N recommendations for every user of a filtering model (or the users of a file) to "
            + "a CSV (user,rank,item,score) or JSON-lines file, as a background job with a progress bar. The file is "
            + "replaced only when every user has been scored.",
            "e.g. 'mercator score --model M --out recs.csv' or 'mercator score --dataset D -s implicit-als "
                + "--out recs.jsonl --users customers.txt -n 20'"})
public final class ScoreCommand extends ClientCommand implements Callable<Integer> {

    /** At most one source of the model; without either, the newest stored filtering model. */
    static final class Source {
        @Option(names = "--model", paramLabel = "ID",
                description = "A stored filtering model ('mercator models'); default: the newest one.")
        String model;

        @Option(names = "--dataset", paramLabel = "ID",
                description = "A filtering data set to train a model on first (the model is stored too).")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    @Option(names = {"-s", "--strategy"}, paramLabel = "SPEC",
            description = "With --dataset: name or name@version-range (default: the family's default strategy).")
    String strategy = "";

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "With --dataset: a strategy parameter; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
    Path output;

    @Option(names = "--users", paramLabel = "FILE",
            description = "A text file with one user id per line; default: every user the model knows.")
    Path users;

    @Option(names = "-n", defaultValue = "10", paramLabel = "N", description = "Items per user. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Default: jsonl for a file ending in .jsonl or .json, else csv.")
    String format;

    @Option(names = "--history", paramLabel = "ID",
            description = "The data set whose items each user already has, left out of their list "
                    + "(default: the one the model was trained on).")
    String history;

    @Option(names = "--include-seen", description = "Keep the items users already have in their lists.")
    boolean includeSeen;

    @Option(names = "--detach", description = "Return once the job is queued.")
    boolean detach;

    @Override
    public Integer call() throws InterruptedException {
        if (source.dataset == null && (!strategy.isEmpty() || !parameters.isEmpty())) {
            throw new IllegalArgumentException("-s and -p choose what to train: they need --dataset");
        }
        if (source.dataset != null && history != null) {
            throw new IllegalArgumentException("--history is the data set trained on with --dataset; give one of them");
        }
        ControlClient client = client();
        String model = source.model;
        if (source.model == null && source.dataset == null) {
            model = client.models().stream().filter(stored -> stored.family().equals("filtering")).findFirst()
                    .map(ControlApi.ModelEntry::id).orElseThrow(() -> new IllegalArgumentException(
                            "no filtering model is stored yet: train one, or name a data set with --dataset"));
        }
        String dataset = source.dataset != null ? source.dataset : history;
        ControlApi.JobEntry job = client.score(new ControlApi.ScoreRequest(model, dataset, strategy, parameters,
                users == null ? null : users.toAbsolutePath().toString(), output.toAbsolutePath().toString(),
                format != null ? format : formatOf(output), count, !includeSeen));
        job = TrainCommand.follow(this, client, job, detach);
        if (job == null) {
            return 0;
        }
        if (!"SUCCEEDED".equals(job.state())) {
            return TrainCommand.failed(this, job);
        }
        out().printf(Locale.ROOT, "Scored with model %s (%s@%s) in %.1f s: %s%n", job.modelId(), job.strategyName(),
                job.strategyVersion(), job.runMillis() / 1000.0, job.message());
        out().flush();
        return 0;
    }

    static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? "jsonl" : "csv";
    }
}
