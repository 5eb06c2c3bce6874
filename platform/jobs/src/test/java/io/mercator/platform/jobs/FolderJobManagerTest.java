package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.TrainingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job manager's contract on a folder history. */
class FolderJobManagerTest extends JobManagerContract {

    @TempDir
    Path folder;

    @Override
    protected JobHistory openHistory() throws Exception {
        return new FolderJobHistory(folder);
    }

    @Test
    void aRecordWrittenBeforeTriggersExistedReadsAsManual() throws Exception {
        Files.writeString(folder.resolve("job-0000beef.json"), """
                {"id": "job-0000beef", "family": "FORECASTING", "datasetId": "%s", "strategySpec": "",
                 "parameters": {}, "state": "SUCCEEDED", "progress": 1.0, "message": "model m stored",
                 "submittedAt": "2026-01-02T03:04:05Z", "startedAt": "2026-01-02T03:04:06Z",
                 "finishedAt": "2026-01-02T03:05:00Z", "strategyName": "ets", "strategyVersion": "1.0.0",
                 "modelId": "m"}""".formatted(DATASET));
        JobInfo old = manager().find("job-0000beef").orElseThrow();
        assertEquals(JobState.SUCCEEDED, old.state());
        assertEquals(TrainingRequest.MANUAL, old.trigger());
        assertEquals(Map.of(), old.parameters());
    }
}
