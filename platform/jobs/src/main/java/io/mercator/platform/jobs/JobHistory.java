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
}
