package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.launcher.ControlApi;
import io.mercator.launcher.Evaluations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * {@code /api/v1/evaluations}: compare a family's strategies on a data file with the family's
 * evaluator (the same one {@code mercator evaluate} uses), and read the results as a leaderboard.
 *
 * <p>An evaluation runs in the background, one at a time, and is polled like a training job: a
 * backtest of every strategy on real data takes from seconds to many minutes, longer than an HTTP
 * client (or a proxy in front of it) should hold a connection and a server thread. The most recent
 * evaluations are kept in memory until the runtime stops; the report itself is what matters, and
 * {@code mercator evaluate} reproduces it.
 */
final class EvaluationsApi {

    /** How many evaluations are remembered; the oldest finished ones are forgotten first. */
    static final int KEPT = 50;

    /** The column a family's leaderboard is sorted by, and whether more is better. */
    record MainMetric(String columnPrefix, boolean higherIsBetter) {
    }

    static final Map<Family, MainMetric> MAIN_METRICS = Map.of(
            Family.FORECASTING, new MainMetric("MASE", false),
            Family.FILTERING, new MainMetric("nDCG@", true),
            Family.OPTIMIZATION, new MainMetric("total cost", false),
            Family.SEGMENTATION, new MainMetric("silhouette", true),
            Family.PRICING, new MainMetric("MAPE %", false));

    private enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** One evaluation, updated by its worker and read by the API. */
    private static final class Run implements TrainingContext {
        final String id = UUID.randomUUID().toString();
        final ControlApi.EvaluateRequest request;
        final String requestedBy;
        final Instant submittedAt = Instant.now();
        volatile State state = State.RUNNING;
        volatile double progress;
        volatile String message = "queued";
        volatile boolean cancelled;
        volatile Instant finishedAt;
        volatile String error;
        volatile ControlApi.Report report;

        Run(ControlApi.EvaluateRequest request, String requestedBy) {
            this.request = request;
            this.requestedBy = requestedBy;
        }

        @Override
        public void progress(double fraction, String text) {
            progress = Math.max(0, Math.min(1, fraction));
            message = text == null ? "" : text;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private final BundleContext context;
    private final Path dataFolder;
    private final Logger logger;
    private final ExecutorService worker;
    private final Map<String, Run> runs = new LinkedHashMap<>();

    /**
     * @param context where the evaluators are found
     * @param dataFolder the runtime's data folder: evaluations read files inside it only
     * @param logger for failed evaluations
     */
    EvaluationsApi(BundleContext context, Path dataFolder, Logger logger) {
        this.context = context;
        this.dataFolder = dataFolder.toAbsolutePath().normalize();
        this.logger = logger;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "mercator-rest-evaluation");
            thread.setDaemon(true);
            return thread;
        });
    }

    void register(Router router) {
        router.add("POST", "/api/v1/evaluations", Role.OPERATOR, List.of(Reply.JSON),
                "evaluate a family's strategies on a data file, in the background", this::start);
        router.add("GET", "/api/v1/evaluations", Role.VIEWER, List.of(), "list the evaluations", this::list);
        router.add("GET", "/api/v1/evaluations/{id}", Role.VIEWER, List.of(),
                "an evaluation with its progress and, when done, its leaderboard", this::get);
        router.add("POST", "/api/v1/evaluations/{id}/cancel", Role.OPERATOR, List.of(), "cancel an evaluation",
                this::cancel);
    }

    /** Stops the running evaluation (it is cancelled) and the worker. */
    void close() {
        synchronized (runs) {
            runs.values().forEach(run -> run.cancelled = true);
        }
        worker.shutdownNow();
    }

    private Reply start(Call call) {
        JsonBody body = call.json();
        Family family = StrategiesApi.family(body.string("family"), "family");
        Path data = dataFile(body.string("data"));
        ControlApi.EvaluateRequest request = new ControlApi.EvaluateRequest(family.id(), data.toString(),
                List.copyOf(body.strings("strategies")), body.textObject("options"), body.textObjects("parameters"));
        Run run = new Run(request, call.caller().name());
        synchronized (runs) {
            runs.put(run.id, run);
            forgetOldest();
        }
        worker.submit(() -> evaluate(run));
        return Reply.json(202, json(run)).withHeader("Location", "/api/v1/evaluations/" + run.id);
    }

    /** @return the file, which must lie inside the data folder and exist */
    private Path dataFile(String given) {
        Path file = dataFolder.resolve(given).toAbsolutePath().normalize();
        if (!file.startsWith(dataFolder)) {
            throw Problem.badRequest("data", "data: '" + given + "' is outside the data folder " + dataFolder
                    + "; give a path inside it").exception();
        }
        if (!Files.isRegularFile(file)) {
            throw Problem.notFound("data: no file '" + given + "' in the data folder " + dataFolder)
                    .with("field", "data").exception();
        }
        return file;
    }

    private void evaluate(Run run) {
        if (run.cancelled) {
            finish(run, State.CANCELLED, null);
            return;
        }
        run.message = "evaluating";
        try {
            run.report = ControlApi.Report.of(Evaluations.evaluate(context, run.request, run));
            run.progress = 1;
            finish(run, State.SUCCEEDED, null);
        } catch (CancellationException cancelled) {
            finish(run, State.CANCELLED, null);
        } catch (RuntimeException failed) {
            Problem problem = Problem.from(failed);
            if (problem == null && !(failed instanceof Evaluations.NoEvaluatorException)) {
                logger.error("Evaluation {} of {} failed", run.id, run.request.family(), failed);
            }
            finish(run, State.FAILED, problem != null ? problem.detail() : failed.getMessage());
        }
    }

    private static void finish(Run run, State state, String error) {
        run.error = error;
        run.message = state == State.SUCCEEDED ? "done" : state.name().toLowerCase(Locale.ROOT);
        run.finishedAt = Instant.now();
        run.state = state;
    }

    private void forgetOldest() {
        List<String> finished = runs.values().stream().filter(run -> run.state != State.RUNNING)
                .map(run -> run.id).toList();
        for (int i = 0; runs.size() > KEPT && i < finished.size(); i++) {
            runs.remove(finished.get(i));
        }
    }

    private Reply list(Call call) {
        JsonArray array = new JsonArray();
        List<Run> newestFirst;
        synchronized (runs) {
            newestFirst = new ArrayList<>(runs.values());
        }
        newestFirst.sort(Comparator.comparing((Run run) -> run.submittedAt).reversed());
        newestFirst.forEach(run -> array.add(json(run)));
        JsonObject body = new JsonObject();
        body.add("evaluations", array);
        return Reply.ok(body);
    }

    private Reply get(Call call) {
        return Reply.ok(json(existing(call.pathParameter("id"))));
    }

    private Reply cancel(Call call) {
        Run run = existing(call.pathParameter("id"));
        if (run.state != State.RUNNING) {
            throw Problem.conflict("evaluation '" + run.id + "' has already finished: " + run.state).exception();
        }
        run.cancelled = true;
        return Reply.ok(json(run));
    }

    private Run existing(String id) {
        Run run;
        synchronized (runs) {
            run = runs.get(id);
        }
        if (run == null) {
            throw Problem.notFound("no evaluation '" + id + "' (evaluations are kept until the runtime stops)")
                    .with("field", "id").exception();
        }
        return run;
    }

    private JsonObject json(Run run) {
        JsonObject json = new JsonObject();
        json.addProperty("id", run.id);
        json.addProperty("family", run.request.family());
        json.addProperty("data", dataFolder.relativize(Path.of(run.request.data())).toString());
        json.add("strategies", Reply.tree(run.request.strategies()));
        json.add("options", Reply.tree(run.request.options()));
        json.addProperty("requestedBy", run.requestedBy);
        json.addProperty("state", run.state.name());
        json.addProperty("progress", run.progress);
        json.addProperty("message", run.message);
        json.addProperty("submittedAt", run.submittedAt.toString());
        if (run.finishedAt != null) {
            json.addProperty("finishedAt", run.finishedAt.toString());
        }
        if (run.error != null) {
            json.addProperty("error", run.error);
        }
        ControlApi.Report report = run.report;
        if (report != null) {
            json.add("report", Reply.tree(report));
            json.add("leaderboard", leaderboard(Family.fromId(run.request.family()), report));
        }
        return json;
    }

    /**
     * @return the report's rows ranked by the family's main metric (rows without a value last), with
     *     the metric named so that a reader knows the order
     */
    static JsonObject leaderboard(Family family, ControlApi.Report report) {
        JsonObject json = new JsonObject();
        json.add("columns", Reply.tree(report.columns()));
        if (report.columns().isEmpty()) {
            json.add("rows", Reply.tree(report.rows()));
            return json;
        }
        MainMetric metric = MAIN_METRICS.get(family);
        int column = metric == null ? -1 : indexOf(report.columns(), metric.columnPrefix());
        if (column < 0) {
            column = 0;
        }
        boolean higherIsBetter = metric != null && metric.higherIsBetter()
                && report.columns().get(column).startsWith(metric.columnPrefix());
        int sortColumn = column;
        Comparator<ControlApi.ReportRow> byValue = Comparator.comparing(row -> row.values().get(sortColumn),
                Comparator.nullsLast(higherIsBetter ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder()));
        List<ControlApi.ReportRow> ranked = new ArrayList<>(report.rows());
        ranked.sort(byValue);
        JsonArray rows = new JsonArray();
        for (int rank = 0; rank < ranked.size(); rank++) {
            JsonObject row = Reply.tree(ranked.get(rank)).getAsJsonObject();
            row.addProperty("rank", rank + 1);
            JsonElement value = Reply.tree(ranked.get(rank).values().get(sortColumn));
            row.add("score", value);
            rows.add(row);
        }
        json.addProperty("metric", report.columns().get(column));
        json.addProperty("higherIsBetter", higherIsBetter);
        json.add("rows", rows);
        return json;
    }

    private static int indexOf(List<String> columns, String prefix) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
