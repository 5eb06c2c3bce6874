package io.mercator.api.jobs;

/** Where a job is in its life. QUEUED → RUNNING → one of the three final states. */
public enum JobState {
    /** Waiting for a worker. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished with an error (see {@link JobInfo#error()}), or interrupted by a shutdown. */
    FAILED,
    /** Cancelled before it finished; nothing was stored. */
    CANCELLED;

    /** @return true for the three states a job does not leave */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
