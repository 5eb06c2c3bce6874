package io.mercator.launcher;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
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
    }

    /** One strategy's figures; null stands for a metric that does not apply. */
    public record ReportRow(String strategy, List<Double> values) {
    }

    /** The body of every error answer. */
    public record Error(String error) {
    }
}
