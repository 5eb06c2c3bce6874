package io.mercator.api.jobs;

/** What a job does. */
public enum JobKind {
    /** Fits a strategy on a data set and stores the model ({@link JobService#startTraining}). */
    TRAINING,
    /** Writes top-N recommendations for many users to a file ({@link JobService#startScoring}). */
    SCORING
}
