package io.mercator.launcher;

import com.google.gson.JsonParseException;
import io.mercator.api.Family;
import io.mercator.api.ValidationException;
import io.mercator.api.datasets.BadRowPolicy;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.Format;
import io.mercator.api.datasets.ImportException;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.QuerySource;
import io.mercator.api.filtering.BatchScorer;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.ScheduleService;
import io.mercator.api.jobs.ScoringRequest;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control channel's data endpoints: {@code import}, {@code datasets[/ID]},
 * {@code train}, {@code score}, {@code jobs[/ID[/cancel]]}, {@code schedules} and {@code models}, answered
 * by the {@link DatasetService}, {@link JobService}, {@link ScheduleService} and {@link ModelStore} services.
 */
final class DataControl {

    private static final Logger LOG = LoggerFactory.getLogger(DataControl.class);
    private static final List<String> ROOTS = List.of("import", "datasets", "train", "score", "jobs", "schedules",
            "models");

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, Object body) {
    }

    private final BundleContext context;

    DataControl(BundleContext context) {
        this.context = context;
    }

    /** @return true for the endpoints this class answers */
    static boolean handles(String endpoint) {
        int slash = endpoint.indexOf('/');
        return ROOTS.contains(slash < 0 ? endpoint : endpoint.substring(0, slash));
    }

    Answer handle(String method, String endpoint, String body) {
        List<String> path = List.of(endpoint.split("/"));
        try {
            return switch (path.get(0)) {
                case "import" -> post(method, () -> importFile(ControlApi.GSON.fromJson(body,
                        ControlApi.ImportRequest.class)));
                case "datasets" -> datasets(method, path);
                case "train" -> post(method, () -> train(ControlApi.GSON.fromJson(body, ControlApi.TrainRequest.class)));
                case "score" -> post(method, () -> score(ControlApi.GSON.fromJson(body, ControlApi.ScoreRequest.class)));
                case "jobs" -> jobs(method, path);
                case "schedules" -> get(method, () -> withService(ScheduleService.class, service -> service.list()
                        .stream().map(ControlApi.ScheduleEntry::of).toList()));
                default -> get(method, this::models);
            };
        } catch (JsonParseException malformed) {
            return error(400, "the request is not valid JSON: " + malformed.getMessage());
        } catch (ImportException rejected) {
            return new Answer(400, new ControlApi.ImportFailure(rejected.getMessage(),
                    ControlApi.ImportReport.of(rejected.report())));
        } catch (ValidationException invalid) {
            return error(400, invalid.getMessage());
        } catch (StrategyNotFoundException missing) {
            return error(404, missing.getMessage());
        } catch (MissingService missing) {
            return error(503, missing.getMessage());
        } catch (IOException failed) {
            LOG.warn("Control request {} {} failed", method, endpoint, failed);
            return error(500, failed.getMessage());
        }
    }

    private Answer datasets(String method, List<String> path) throws IOException {
        if (path.size() == 1) {
            return get(method, () -> withService(DatasetService.class, service -> service.list().stream()
                    .map(ControlApi.DatasetEntry::of).toList()));
        }
        String id = path.get(1);
        if ("DELETE".equals(method)) {
            boolean deleted = withService(DatasetService.class, service -> service.delete(id));
            return deleted ? new Answer(200, Map.of("deleted", id)) : error(404, "no data set '" + id + "'");
        }
        return get(method, () -> withService(DatasetService.class, service -> service.find(id)).map(ControlApi.DatasetEntry::of)
                .<Object>map(found -> found).orElseThrow(() -> new NotFound("no data set '" + id + "'")));
    }

    private Answer jobs(String method, List<String> path) throws IOException {
        if (path.size() == 1) {
            return get(method, () -> withService(JobService.class, service -> service.list().stream()
                    .map(ControlApi.JobEntry::of).toList()));
        }
        String id = path.get(1);
        if (path.size() == 3 && "cancel".equals(path.get(2))) {
            return post(method, () -> ControlApi.JobEntry.of(withService(JobService.class, service -> service.cancel(id))));
        }
        return get(method, () -> withService(JobService.class, service -> service.find(id)).map(ControlApi.JobEntry::of)
                .<Object>map(found -> found).orElseThrow(() -> new NotFound("no job '" + id + "'")));
    }

    private Object importFile(ControlApi.ImportRequest request) throws IOException {
        if (request == null || request.family() == null || (request.file() == null) == (request.connection() == null)) {
            throw new ValidationException("request", "needs a family and either a file or a connection and a query");
        }
        Family family = Family.fromId(request.family());
        DataSource source;
        if (request.connection() != null) {
            source = new QuerySource(request.connection(), request.query() == null ? "" : request.query());
        } else {
            Path file = Path.of(request.file());
            source = request.format() == null ? FileSource.of(file) : new FileSource(file, format(request.format()));
        }
        ImportOptions.Builder options = ImportOptions.builder();
        if (request.delimiter() != null) {
            options.delimiter(delimiter(request.delimiter()));
        }
        if (request.encoding() != null) {
            options.encoding(request.encoding());
        }
        if (request.columns() != null) {
            request.columns().forEach(options::column);
        }
        if (request.maxReportedRows() != null) {
            options.maxReportedRows(request.maxReportedRows());
        }
        if (request.seasonLength() != null) {
            options.seasonLength(request.seasonLength());
        }
        options.dateFormat(request.dateFormat()).label(request.label()).appendTo(request.appendTo())
                .watermarkField(request.watermarkField())
                .badRowPolicy(Boolean.TRUE.equals(request.skipBadRows()) ? BadRowPolicy.SKIP_AND_REPORT
                        : BadRowPolicy.REJECT_ALL);
        ImportOptions built = options.build();
        return ControlApi.DatasetEntry.of(withService(DatasetService.class, service -> service.importData(family, source, built,
                new LoggingProgress("Importing " + source.name()))));
    }

    private static Format format(String name) {
        try {
            return Format.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException("format", "'" + name + "' is not csv or json");
        }
    }

    private static char delimiter(String text) {
        String value = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
        if (value.length() != 1) {
            throw new ValidationException("delimiter", "'" + text + "' is not one character (use \\t or tab for a tab)");
        }
        return value.charAt(0);
    }

    private Object train(ControlApi.TrainRequest request) throws IOException {
        if (request == null || request.family() == null || request.dataset() == null) {
            throw new ValidationException("request", "needs a family and a data set");
        }
        TrainingRequest training = new TrainingRequest(Family.fromId(request.family()), request.dataset(),
                request.strategy(), request.parameters() == null ? Map.of() : request.parameters());
        return ControlApi.JobEntry.of(withService(JobService.class, service -> service.startTraining(training)));
    }

    private Object score(ControlApi.ScoreRequest request) throws IOException {
        if (request == null || request.output() == null) {
            throw new ValidationException("request", "needs an output file");
        }
        ScoringRequest scoring = new ScoringRequest(request.model(), request.dataset(), request.strategy(),
                request.parameters(), request.users() == null ? null : Path.of(request.users()),
                Path.of(request.output()), scoringFormat(request.format()), request.count(), request.excludeSeen());
        return ControlApi.JobEntry.of(withService(JobService.class, service -> service.startScoring(scoring)));
    }

    private static BatchScorer.Format scoringFormat(String name) {
        return switch (name == null ? "csv" : name.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> BatchScorer.Format.CSV;
            case "jsonl", "json-lines", "json" -> BatchScorer.Format.JSON_LINES;
            default -> throw new ValidationException("format", "'" + name + "' is not csv or jsonl");
        };
    }

    private Object models() throws IOException {
        return withService(ModelStore.class, store -> {
            List<StoredModel> all = new ArrayList<>();
            for (Family family : Family.values()) {
                all.addAll(store.list(family));
            }
            all.sort(Comparator.comparing(StoredModel::createdAt).reversed());
            return all.stream().map(ControlApi.ModelEntry::of).toList();
        });
    }

    /** Code that uses a service and may fail with an I/O error. */
    private interface ServiceCall<S, R> {
        R apply(S service) throws IOException;
    }

    /** An answer's body, computed with possible I/O errors. */
    private interface Body {
        Object get() throws IOException;
    }

    private <S, R> R withService(Class<S> type, ServiceCall<S, R> call) throws IOException {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new MissingService("no " + type.getSimpleName() + " service is running");
        }
        try {
            return call.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }

    private static Answer get(String method, Body body) throws IOException {
        return "GET".equals(method) ? answer(body) : error(405, "use GET");
    }

    private static Answer post(String method, Body body) throws IOException {
        return "POST".equals(method) ? answer(body) : error(405, "use POST");
    }

    private static Answer answer(Body body) throws IOException {
        try {
            return new Answer(200, body.get());
        } catch (NotFound missing) {
            return error(404, missing.getMessage());
        }
    }

    private static Answer error(int status, String message) {
        return new Answer(status, new ControlApi.Error(message));
    }

    /** A named data set or job does not exist. */
    private static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** A service the endpoint needs is not registered (its bundle is missing or stopped). */
    private static final class MissingService extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingService(String message) {
            super(message);
        }
    }
}
