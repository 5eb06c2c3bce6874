package io.mercator.platform.jobs;

import io.mercator.api.jobs.JobInfo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the record of every job is kept: a folder ({@link FolderJobHistory}) or Mercator's
 * PostgreSQL database ({@link PostgresJobHistory}), which several nodes share.
 */
interface JobHistory {

    /**
     * Records a job as it is now, replacing its earlier record, as this history's node.
     *
     * @param job the job
     * @throws IOException when it cannot be recorded
     */
    void record(JobInfo job) throws IOException;

    /**
     * @param id a job id
     * @return the job's last record, if there is one
     * @throws IOException when the history cannot be read
     */
    Optional<JobInfo> find(String id) throws IOException;

    /**
     * @return every recorded job (of every node sharing the history), newest first
     * @throws IOException when the history cannot be read
     */
    List<JobInfo> list() throws IOException;

    /**
     * @return this node's jobs recorded as queued or running: at start-up, those a stop or a crash
     *     cut off
     * @throws IOException when the history cannot be read
     */
    List<JobInfo> unfinished() throws IOException;

    /**
     * Asks the node running a job of another node to cancel it, at its next check.
     *
     * @param id a job id
     * @return true when the job is recorded as queued or running and now asked to cancel; false
     *     when it is finished, unknown, or no other node can run jobs on this history
     * @throws IOException when the history cannot be written
     */
    boolean requestCancel(String id) throws IOException;

    /**
     * @param id a job of this node
     * @return true when another node asked to cancel it
     * @throws IOException when the history cannot be read
     */
    boolean cancelRequested(String id) throws IOException;
}
