package io.mercator.api.datasets;

import java.util.List;

/**
 * What an import made of its source.
 *
 * @param rowsRead data rows read from the source (the header not counted)
 * @param rowsImported rows stored
 * @param rowsBelowWatermark rows left out of an incremental import because they were not past
 *     the data set's watermark
 * @param badRowCount rows that failed validation, all of them
 * @param badRows the first of them, at most {@link ImportOptions#maxReportedRows()}
 */
public record ValidationReport(long rowsRead, long rowsImported, long rowsBelowWatermark, long badRowCount,
        List<BadRow> badRows) {

    /** Copies the list. */
    public ValidationReport {
        badRows = List.copyOf(badRows);
    }

    /** @return true when more bad rows were found than listed */
    public boolean truncated() {
        return badRowCount > badRows.size();
    }
}
