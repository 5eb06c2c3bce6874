package io.mercator.platform.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of which occurrences of each schedule were claimed, and what they started: a folder
 * ({@link FolderScheduleLedger}) or Mercator's PostgreSQL database ({@link PostgresScheduleLedger}),
 * where an occurrence is claimed by exactly one of the nodes sharing it.
 */
interface ScheduleLedger {

    /**
     * One claimed occurrence.
     *
     * @param occurrence when it was due
     * @param node the node that claimed it
     * @param jobId the job it started; null when none (yet, or it could not start)
     * @param error why it could not start a job; null when it did (or has not tried yet)
     */
    record Run(Instant occurrence, String node, String jobId, String error) {
    }

    /**
     * @param schedule a schedule's name
     * @return its latest claimed occurrence, if any
     * @throws IOException when the ledger cannot be read
     */
    Optional<Run> last(String schedule) throws IOException;

    /**
     * Claims an occurrence for this node.
     *
     * @param schedule a schedule's name
     * @param occurrence when it is due
     * @return true when this node claimed it and must run it; false when it was claimed already
     * @throws IOException when the ledger cannot be written
     */
    boolean claim(String schedule, Instant occurrence) throws IOException;

    /**
     * Records what a claimed occurrence started.
     *
     * @param schedule a schedule's name
     * @param occurrence the claimed occurrence
     * @param jobId the job it started, or null
     * @param error why it could not start one, or null
     * @throws IOException when the ledger cannot be written
     */
    void recordOutcome(String schedule, Instant occurrence, String jobId, String error) throws IOException;
}
