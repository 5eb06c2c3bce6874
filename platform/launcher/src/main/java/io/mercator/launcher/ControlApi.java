package io.mercator.launcher;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;

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

    /** One element of {@code GET strategies}. */
    public record StrategyEntry(String family, String name, String version, String vendor, String description,
            String bundle, long bundleId, String bundleVersion, @SerializedName("default") boolean isDefault) {
    }

    /** The body of every error answer. */
    public record Error(String error) {
    }
}
