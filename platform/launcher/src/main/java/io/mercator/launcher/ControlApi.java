package io.mercator.launcher;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.ValidationReport;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.ScheduleInfo;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.StoredModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of the local control channel ({@code /api/v1/...}), shared by the server and
 * the CLI.
 */
public final class ControlApi {

    /** Path prefix of every endpoint. */
    public static final String PREFIX = "/api/v1/";

    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ControlApi() {
    }

    /** {@code GET status}. */
    public record Status(long pid, String state, long startTimeMs, long startupMs, long uptimeMs,
            int bundles, int activeBundles, int strategies, String home) {
    }

    /** One element of {@code GET bundles}; {@code strategies} is the number of strategy services it declares. */
    public record BundleInfo(long id, String symbolicName, String version, String state, String location,
            int strategies) {
    }

    /**
     * One element of {@code GET strategies}; {@code calls}, {@code failures} and
     * {@code outOfRouting} count the protected calls made through the registry.
     */
    public record StrategyEntry(String family, String name, String version, String vendor, String description,
            String bundle, long bundleId, String bundleVersion, @SerializedName("default") boolean isDefault,
            long calls, long failures, boolean outOfRouting) {
    }

    /**
     * {@code POST evaluate}: compare strategies of a family on a data file.
     *
     * @param family the family id
     * @param data absolute path of the data file, readable by the server
     * @param strategies strategy specs; empty for every registered strategy of the family
     * @param options the evaluator's options by name, as text
     * @param parameters strategy parameters as text, by strategy name and then parameter name
     */
    public record EvaluateRequest(String family, String data, List<String> strategies, Map<String, String> options,
            Map<String, Map<String, String>> parameters) {
    }

    /** The answer to {@code POST evaluate}: one row per strategy. */
    public record Report(String title, List<String> columns, List<ReportRow> rows, List<String> notes) {
        /** @return the evaluator's report with non-finite values as null (JSON has no NaN) */
        public static Report of(EvaluationReport report) {
            List<ReportRow> rows = new ArrayList<>();
            for (EvaluationReport.Row row : report.rows()) {
                List<Double> values = new ArrayList<>();
                for (double value : row.values()) {
                    values.add(Double.isFinite(value) ? value : null);
                }
                rows.add(new ReportRow(row.strategy(), values));
            }
            return new Report(report.title(), report.columns(), rows, report.notes());
        }
    }

    /** One strategy's figures; null stands for a metric that does not apply. */
    public record ReportRow(String strategy, List<Double> values) {
    }

    /**
     * {@code POST import}: import a file, or a SQL query's result, into a data set. Null members
     * take the defaults of {@code io.mercator.api.datasets.ImportOptions}.
     *
     * @param family the family id
     * @param file absolute path of the file, readable by the server; null for a query
     * @param format {@code csv} or {@code json}; null to tell from the file name
     * @param delimiter the CSV delimiter, one character
     * @param encoding the character set
     * @param columns source column by field name
     * @param dateFormat a date pattern
     * @param skipBadRows true to skip bad rows and report them instead of rejecting the import
     * @param maxReportedRows how many bad rows to list
     * @param label a label for the data set
     * @param appendTo a data set to append to
     * @param watermarkField the field to keep the watermark on
     * @param seasonLength periods per season for series data
     * @param connection the named database connection to run {@code query} on; null for a file
     * @param query the SQL query whose result to import; null for a file
     */
    public record ImportRequest(String family, String file, String format, String delimiter, String encoding,
            Map<String, String> columns, String dateFormat, Boolean skipBadRows, Integer maxReportedRows, String label,
            String appendTo, String watermarkField, Integer seasonLength, String connection, String query) {
    }

    /** One bad row of an import. */
    public record BadRowEntry(String source, long line, String column, String field, String value, String reason) {
    }

    /** What an import read and left out. */
    public record ImportReport(long rowsRead, long rowsImported, long rowsBelowWatermark, long badRowCount,
            List<BadRowEntry> badRows) {
        /** @return the report of an import, bad rows with their source, line, column and field */
        public static ImportReport of(ValidationReport report) {
            return new ImportReport(report.rowsRead(), report.rowsImported(), report.rowsBelowWatermark(),
                    report.badRowCount(), report.badRows().stream().map(row -> new BadRowEntry(row.source(),
                            row.line(), row.column(), row.field(), row.value(), row.reason())).toList());
        }
    }

    /** One data set ({@code GET datasets}, {@code GET datasets/ID}, the answer to {@code POST import}). */
    public record DatasetEntry(String id, String family, String label, List<String> sources, String createdAt,
            String updatedAt, long rows, List<String> fields, long sizeBytes, String watermarkField, String watermark,
            ImportReport lastImport) {
        /** @return the data set with its last import's report */
        public static DatasetEntry of(DatasetInfo info) {
            return new DatasetEntry(info.id(), info.family().id(), info.label(), info.sources(),
                    info.createdAt().toString(), info.updatedAt().toString(), info.rows(), info.fields(),
                    info.sizeBytes(), info.watermarkField(), info.watermark(), ImportReport.of(info.lastImport()));
        }
    }

    /** {@code POST train}: start a training job. */
    public record TrainRequest(String family, String dataset, String strategy, Map<String, String> parameters) {
    }

    /**
     * {@code POST score}: write top-N recommendations for many users to a file, as a background job.
     *
     * @param model a stored filtering model; null to train one on {@code dataset}
     * @param dataset the data set to train on, or the history of the items to leave out
     * @param strategy the strategy to train (empty for the default)
     * @param parameters its parameters as text
     * @param users absolute path of a file with one user id per line; null for every user of the model
     * @param output absolute path of the file to write
     * @param format {@code csv} or {@code jsonl}
     * @param count items per user
     * @param excludeSeen whether to leave out each user's items in the history
     */
    public record ScoreRequest(String model, String dataset, String strategy, Map<String, String> parameters,
            String users, String output, String format, int count, boolean excludeSeen) {
    }

    /** One job ({@code GET jobs}, {@code GET jobs/ID}, the answer to {@code POST train} and {@code POST score}). */
    public record JobEntry(String id, String kind, String family, String dataset, String strategySpec,
            Map<String, String> parameters, String state, double progress, String message, String submittedAt,
            String startedAt, String finishedAt, long runMillis, String strategyName, String strategyVersion,
            String modelId, String error, String trigger) {
        /** @return the job with its progress, timings, model and what started it */
        public static JobEntry of(JobInfo job) {
            return new JobEntry(job.id(), job.kind().name().toLowerCase(java.util.Locale.ROOT), job.family().id(),
                    job.datasetId(), job.strategySpec(), job.parameters(), job.state().name(), job.progress(),
                    job.message(), text(job.submittedAt()), text(job.startedAt()), text(job.finishedAt()),
                    job.runTime().toMillis(), job.strategyName(), job.strategyVersion(), job.modelId(), job.error(),
                    job.trigger());
        }
    }

    /** One schedule of retraining ({@code GET schedules}); see {@link ScheduleInfo}. */
    public record ScheduleEntry(String name, String source, String family, String dataset, String strategy,
            Map<String, String> parameters, String cron, String timeZone, String nextRun, String lastRun,
            String lastJobId, String lastError, String configurationError) {
        /** @return the schedule with its next and last run */
        public static ScheduleEntry of(ScheduleInfo schedule) {
            return new ScheduleEntry(schedule.name(), schedule.source(),
                    schedule.family() == null ? null : schedule.family().id(), schedule.dataset(),
                    schedule.strategySpec(), schedule.parameters(), schedule.cron(), schedule.timeZone(),
                    text(schedule.nextRun()), text(schedule.lastRun()), schedule.lastJobId(), schedule.lastError(),
                    schedule.configurationError());
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One stored model ({@code GET models}). */
    public record ModelEntry(String id, String family, String strategyName, String strategyVersion, String createdAt,
            long sizeBytes, Map<String, String> metadata) {
        /** @return the stored model's description */
        public static ModelEntry of(StoredModel model) {
            return new ModelEntry(model.id(), model.family().id(), model.strategyName(), model.strategyVersion(),
                    model.createdAt().toString(), model.sizeBytes(), model.metadata());
        }
    }

    /** The answer to a rejected {@code POST import}: the reason and the bad rows. */
    public record ImportFailure(String error, ImportReport report) {
    }

    /** The body of every error answer. */
    public record Error(String error) {
    }
}
