package io.mercator.platform.datasets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.mercator.api.Family;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.ValidationReport;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a {@link DatasetCatalogue} records about a data set beside its rows: what the service
 * shows ({@link DatasetInfo}) and what opening it needs (the season length).
 *
 * @param sizeBytes the size of the stored (gzip-compressed) rows
 */
record DatasetManifest(String id, Family family, String label, List<String> sources, Instant createdAt,
        Instant updatedAt, long rows, List<String> fields, long sizeBytes, int seasonLength, String watermarkField,
        String watermark, ValidationReport lastImport) {

    /** Manifests as JSON, times as ISO instants. */
    static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe()).create();

    DatasetManifest {
        sources = List.copyOf(sources);
        fields = List.copyOf(fields);
    }

    /** @return the time of a change, in the microseconds every catalogue keeps exactly */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    DatasetInfo info() {
        return new DatasetInfo(id, family, label, sources, createdAt, updatedAt, rows, fields, sizeBytes, watermarkField,
                watermark, lastImport);
    }

    DatasetManifest withReport(ValidationReport report) {
        return new DatasetManifest(id, family, label, sources, createdAt, updatedAt, rows, fields, sizeBytes,
                seasonLength, watermarkField, watermark, report);
    }

    JsonElement toJson() {
        return JSON.toJsonTree(this);
    }

    /**
     * @param json a manifest as {@link #toJson} wrote it (other members are ignored)
     * @param where what holds it, for the error
     * @return the manifest
     * @throws IOException when it is not one
     */
    static DatasetManifest fromJson(JsonElement json, String where) throws IOException {
        try {
            DatasetManifest manifest = JSON.fromJson(json, DatasetManifest.class);
            if (manifest == null || manifest.id() == null || manifest.family() == null || manifest.createdAt() == null) {
                throw new JsonParseException("id, family or createdAt is missing");
            }
            return manifest;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException corrupt) {
            throw new IOException("the manifest of " + where + " cannot be read: " + corrupt.getMessage(), corrupt);
        }
    }

    /** Instants as ISO-8601 text. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
