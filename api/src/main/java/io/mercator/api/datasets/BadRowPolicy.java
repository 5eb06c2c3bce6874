package io.mercator.api.datasets;

/** What an import does with rows that fail validation. */
public enum BadRowPolicy {
    /**
     * Any bad row rejects the whole import: nothing is stored, and the error lists the bad rows
     * (the whole file is still read so that every bad row is reported at once).
     */
    REJECT_ALL,
    /** Bad rows are left out and listed in the {@link ValidationReport}; the good rows are stored. */
    SKIP_AND_REPORT
}
