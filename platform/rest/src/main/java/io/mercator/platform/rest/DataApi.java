package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.BadRow;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.QuerySource;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.ScheduleInfo;
import io.mercator.api.jobs.ScheduleService;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.launcher.ControlApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /api/v1/datasets}, {@code /api/v1/jobs} and {@code /api/v1/models}: import a data set
 * from the request body or from a SQL query on a named connection, train a model from it as a background job, and manage the stored models.
 * The JSON forms are the control channel's ({@link ControlApi}), so that the CLI and the API
 * describe a data set, a job or a model with the same members.
 */
final class DataApi {

    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";
    static final String NDJSON = "application/x-ndjson";
    static final List<String> DATA_TYPES = List.of(CSV, TSV, Reply.JSON, NDJSON);

    private final Services services;
    private final ModelStore store;
    private final ModelCache models;
    private final AuditLog audit;

    /**
     * @param services where the data set and job services are found
     * @param store the model store
     * @param models the models loaded for queries, told about deletions
     * @param audit the audit log
     */
    DataApi(Services services, ModelStore store, ModelCache models, AuditLog audit) {
        this.services = services;
        this.store = store;
        this.models = models;
        this.audit = audit;
    }

    void register(Router router) {
        router.addSpooled("POST", "/api/v1/datasets", Role.OPERATOR, DATA_TYPES,
                "import the body (CSV or JSON) as a family's data set", this::importBody);
        router.add("POST", "/api/v1/datasets/query", Role.OPERATOR, List.of(Reply.JSON),
                "import the result of a SQL query on a named database connection as a family's data set",
                this::importQuery);
        router.add("GET", "/api/v1/datasets", Role.VIEWER, List.of(), "list the data sets", this::listDatasets);
        router.add("GET", "/api/v1/datasets/{id}", Role.VIEWER, List.of(),
                "a data set: rows, columns and its last import's validation report", this::dataset);
        router.add("DELETE", "/api/v1/datasets/{id}", Role.OPERATOR, List.of(), "delete a data set",
                this::deleteDataset);
        router.add("POST", "/api/v1/jobs", Role.OPERATOR, List.of(Reply.JSON),
                "start training a strategy on a data set, in the background", this::startJob);
        router.add("GET", "/api/v1/jobs", Role.VIEWER, List.of(), "list the training jobs", this::listJobs);
        router.add("GET", "/api/v1/jobs/{id}", Role.VIEWER, List.of(), "a training job with its progress", this::job);
        router.add("POST", "/api/v1/jobs/{id}/cancel", Role.OPERATOR, List.of(), "cancel a training job",
                this::cancelJob);
        router.add("GET", "/api/v1/schedules", Role.VIEWER, List.of(),
                "list the schedules of retraining with their next and last run", this::listSchedules);
        router.add("GET", "/api/v1/models", Role.VIEWER, List.of(), "list the stored models, optionally of one family",
                this::listModels);
        router.add("GET", "/api/v1/models/{id}", Role.VIEWER, List.of(), "describe a stored model", this::model);
        router.add("DELETE", "/api/v1/models/{id}", Role.OPERATOR, List.of(), "delete a stored model",
                this::deleteModel);
    }

    private Reply importBody(Call call) throws Exception {
        Family family = StrategiesApi.family(required(call, "family"), "family");
        String contentType = call.contentType();
        Format format = contentType.equals(CSV) || contentType.equals(TSV) ? Format.CSV : Format.JSON;
        String name = call.queryParameter("name", "upload." + (format == Format.CSV ? "csv" : "json"));
        ImportOptions options = importOptions(call, contentType.equals(TSV) ? '\t' : ',');
        Path spooled = call.spooledBody();
        try {
            DatasetInfo imported = services.with(DatasetService.class,
                    datasets -> datasets.importData(family, new FileSource(spooled, format, name), options,
                            TrainingContext.none()));
            audit.record(call.caller().name(), "dataset.import", imported.id() + " (" + family.id() + ", " + name + ")",
                    "ok");
            return Reply.json(201, Reply.tree(ControlApi.DatasetEntry.of(imported)))
                    .withHeader("Location", "/api/v1/datasets/" + imported.id());
        } catch (ImportException rejected) {
            audit.record(call.caller().name(), "dataset.import", family.id() + " (" + name + ")",
                    "rejected: " + rejected.report().badRowCount() + " bad rows");
            throw rejected(rejected).exception();
        }
    }

    /**
     * Imports a query's result: {@code family}, {@code connection}, {@code query} and optionally
     * {@code mapping} (field to column), {@code policy}, {@code dateFormat}, {@code label},
     * {@code appendTo}, {@code watermark} (a field), {@code maxReportedRows}, {@code seasonLength}.
     */
    private Reply importQuery(Call call) throws Exception {
        JsonBody body = call.json();
        Family family = StrategiesApi.family(body.string("family"), "family");
        QuerySource source = new QuerySource(body.string("connection"), body.string("query"));
        ImportOptions.Builder options = ImportOptions.builder().dateFormat(body.string("dateFormat", null))
                .label(body.string("label", "")).appendTo(body.string("appendTo", null))
                .watermarkField(body.string("watermark", null))
                .maxReportedRows(body.integer("maxReportedRows", ImportOptions.DEFAULT_MAX_REPORTED_ROWS, 0, 100_000))
                .seasonLength(body.integer("seasonLength", 0, 0, 100_000))
                .badRowPolicy(policy(body.string("policy", "reject")));
        body.textObject("mapping").forEach(options::column);
        ImportOptions built = options.build();
        String what = family.id() + " (" + source.name() + ")";
        try {
            DatasetInfo imported = services.with(DatasetService.class,
                    datasets -> datasets.importData(family, source, built, TrainingContext.none()));
            audit.record(call.caller().name(), "dataset.import", imported.id() + " (" + family.id() + ", "
                    + source.name() + ")", "ok");
            return Reply.json(201, Reply.tree(ControlApi.DatasetEntry.of(imported)))
                    .withHeader("Location", "/api/v1/datasets/" + imported.id());
        } catch (ImportException rejected) {
            audit.record(call.caller().name(), "dataset.import", what, "rejected: " + rejected.getMessage());
            throw rejected(rejected).exception();
        }
    }

    private static BadRowPolicy policy(String text) {
        String policy = text.toLowerCase(Locale.ROOT);
        return switch (policy) {
            case "reject" -> BadRowPolicy.REJECT_ALL;
            case "skip" -> BadRowPolicy.SKIP_AND_REPORT;
            default -> throw new ValidationException("policy", "'" + text + "' is not reject or skip");
        };
    }

    /** A rejected import: the first bad row's position at the top, every reported bad row in {@code badRows}. */
    static Problem rejected(ImportException rejected) {
        ControlApi.ImportReport report = ControlApi.ImportReport.of(rejected.report());
        Problem problem = Problem.of("import-rejected", "Import rejected", 400, rejected.getMessage())
                .with("badRowCount", report.badRowCount())
                .with("badRows", Reply.tree(report.badRows()))
                .with("report", Reply.tree(report));
        List<BadRow> rows = rejected.report().badRows();
        if (!rows.isEmpty()) {
            BadRow first = rows.get(0);
            problem = problem.with("file", first.source()).with("line", first.line())
                    .with("column", first.column()).with("field", first.field());
        }
        return problem;
    }

    private static ImportOptions importOptions(Call call, char defaultDelimiter) {
        ImportOptions.Builder options = ImportOptions.builder().delimiter(defaultDelimiter);
        String delimiter = call.queryParameter("delimiter", null);
        if (delimiter != null) {
            String value = delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (value.length() != 1) {
                throw new ValidationException("delimiter", "'" + delimiter + "' is not one character (tab for a tab)");
            }
            options.delimiter(value.charAt(0));
        }
        Optional.ofNullable(call.queryParameter("encoding", null)).ifPresent(options::encoding);
        options.dateFormat(call.queryParameter("dateFormat", null));
        options.label(call.queryParameter("label", ""));
        for (String mappings : call.query().getOrDefault("mapping", List.of())) {
            for (String mapping : mappings.split(",")) {
                String[] fieldAndColumn = mapping.split("=", 2);
                if (fieldAndColumn.length != 2 || fieldAndColumn[0].isBlank() || fieldAndColumn[1].isBlank()) {
                    throw new ValidationException("mapping", "'" + mapping + "' is not FIELD=COLUMN");
                }
                options.column(fieldAndColumn[0].trim(), fieldAndColumn[1].trim());
            }
        }
        options.badRowPolicy(policy(call.queryParameter("policy", "reject")));
        return options.build();
    }

    private Reply listDatasets(Call call) throws Exception {
        List<DatasetInfo> all = services.with(DatasetService.class, DatasetService::list);
        JsonObject body = new JsonObject();
        body.add("datasets", Reply.tree(all.stream().map(ControlApi.DatasetEntry::of).toList()));
        return Reply.ok(body);
    }

    private Reply dataset(Call call) throws Exception {
        String id = call.pathParameter("id");
        DatasetInfo info = services.with(DatasetService.class, datasets -> datasets.find(id))
                .orElseThrow(() -> noDataset(id, "id"));
        JsonObject body = Reply.tree(ControlApi.DatasetEntry.of(info)).getAsJsonObject();
        body.add("columns", columns(info));
        return Reply.ok(body);
    }

    /** The family's fields with the data set's columns, whether each is present and required. */
    private JsonArray columns(DatasetInfo info) throws Exception {
        JsonArray columns = new JsonArray();
        services.with(DatasetService.class, datasets -> datasets.fields(info.family())).forEach(spec -> {
            JsonObject column = Reply.tree(spec).getAsJsonObject();
            column.addProperty("present", info.fields().contains(spec.name()));
            columns.add(column);
        });
        return columns;
    }

    private Reply deleteDataset(Call call) throws Exception {
        String id = call.pathParameter("id");
        boolean deleted = services.with(DatasetService.class, datasets -> datasets.delete(id));
        audit.record(call.caller().name(), "dataset.delete", id, deleted ? "ok" : "refused: unknown");
        if (!deleted) {
            throw noDataset(id, "id");
        }
        return Reply.noContent();
    }

    private Reply startJob(Call call) throws Exception {
        JsonBody body = call.json();
        Family family = StrategiesApi.family(body.string("family"), "family");
        String dataset = body.string("dataset");
        services.with(DatasetService.class, datasets -> datasets.find(dataset)).orElseThrow(() ->
                noDataset(dataset, "dataset"));
        TrainingRequest request = new TrainingRequest(family, dataset, body.string("strategy", ""),
                body.textObject("parameters"));
        JobInfo job = services.with(JobService.class, jobs -> jobs.startTraining(request));
        return Reply.json(202, Reply.tree(ControlApi.JobEntry.of(job))).withHeader("Location", "/api/v1/jobs/" + job.id());
    }

    private Reply listJobs(Call call) throws Exception {
        List<JobInfo> all = services.with(JobService.class, JobService::list);
        JsonObject body = new JsonObject();
        body.add("jobs", Reply.tree(all.stream().map(ControlApi.JobEntry::of).toList()));
        return Reply.ok(body);
    }

    private Reply listSchedules(Call call) throws Exception {
        List<ScheduleInfo> all = services.with(ScheduleService.class, ScheduleService::list);
        JsonObject body = new JsonObject();
        body.add("schedules", Reply.tree(all.stream().map(ControlApi.ScheduleEntry::of).toList()));
        return Reply.ok(body);
    }

    private Reply job(Call call) throws Exception {
        return Reply.ok(Reply.tree(ControlApi.JobEntry.of(existingJob(call.pathParameter("id")))));
    }

    private Reply cancelJob(Call call) throws Exception {
        JobInfo job = existingJob(call.pathParameter("id"));
        if (job.state().isFinal()) {
            throw Problem.conflict("job '" + job.id() + "' has already finished: " + job.state()).exception();
        }
        String id = job.id();
        JobInfo cancelled = services.with(JobService.class, jobs -> jobs.cancel(id));
        return Reply.ok(Reply.tree(ControlApi.JobEntry.of(cancelled)));
    }

    private JobInfo existingJob(String id) throws Exception {
        return services.with(JobService.class, jobs -> jobs.find(id)).orElseThrow(() ->
                Problem.notFound("no job '" + id + "'").with("field", "id").exception());
    }

    private Reply listModels(Call call) throws Exception {
        String family = call.queryParameter("family", null);
        List<StoredModel> all = new ArrayList<>();
        for (Family each : family == null ? List.of(Family.values()) : List.of(StrategiesApi.family(family, "family"))) {
            all.addAll(store.list(each));
        }
        all.sort(Comparator.comparing(StoredModel::createdAt).reversed());
        JsonObject body = new JsonObject();
        body.add("models", Reply.tree(all.stream().map(ControlApi.ModelEntry::of).toList()));
        return Reply.ok(body);
    }

    private Reply model(Call call) throws Exception {
        StoredModel model = existingModel(call.pathParameter("id"));
        JsonObject body = Reply.tree(ControlApi.ModelEntry.of(model)).getAsJsonObject();
        body.addProperty("sha256", model.sha256());
        return Reply.ok(body);
    }

    private Reply deleteModel(Call call) throws Exception {
        String id = call.pathParameter("id");
        Optional<StoredModel> model = store.find(id);
        boolean deleted = model.isPresent() && store.delete(id);
        audit.record(call.caller().name(), "model.delete", model.map(m -> id + " (" + m.family().id() + ", "
                + m.strategyName() + ")").orElse(id), deleted ? "ok" : "refused: unknown");
        if (!deleted) {
            throw noModel(id);
        }
        models.forget(id);
        return Reply.noContent();
    }

    private StoredModel existingModel(String id) throws Exception {
        return store.find(id).orElseThrow(() -> noModel(id));
    }

    private static Problem.ProblemException noModel(String id) {
        return Problem.notFound("no stored model '" + id + "'").with("field", "id").exception();
    }

    private static Problem.ProblemException noDataset(String id, String field) {
        return Problem.notFound("no data set '" + id + "'").with("field", field).exception();
    }

    private static String required(Call call, String parameter) {
        String value = call.queryParameter(parameter, null);
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(parameter, "the query parameter '" + parameter + "' is required, e.g. ?"
                    + parameter + "=forecasting").exception();
        }
        return value;
    }
}
