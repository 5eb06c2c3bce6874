package io.mercator.api.datasets;

import io.mercator.api.Family;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link DatasetService} knows about one data set.
 *
 * @param id the data set's id, unique across families
 * @param family the family whose input it is
 * @param label the label given at import; may be empty
 * @param sources the names of the sources imported into it, oldest first
 * @param createdAt when it was first imported
 * @param updatedAt when rows were last appended (equal to {@code createdAt} before that)
 * @param rows the number of stored rows
 * @param fields the family fields stored, in column order
 * @param sizeBytes the size of the stored rows on disk (compressed)
 * @param watermarkField the field the watermark is kept on; null for none
 * @param watermark the largest value of the watermark field; null when there is no watermark
 * @param lastImport the report of the last import into it
 */
public record DatasetInfo(String id, Family family, String label, List<String> sources, Instant createdAt,
        Instant updatedAt, long rows, List<String> fields, long sizeBytes, String watermarkField, String watermark,
        ValidationReport lastImport) {

    /** Checks that nothing is missing and copies the lists. */
    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        label = label == null ? "" : label;
        sources = List.copyOf(sources);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fields = List.copyOf(fields);
        Objects.requireNonNull(lastImport, "lastImport");
    }
}
