package io.mercator.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.launcher.ControlApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainCommandTest {

    private static ControlApi.JobEntry job(String state, double progress, String message) {
        return new ControlApi.JobEntry("job-1", "training", "forecasting", "forecasting-0000abcd", "", Map.of(), state,
                progress, message, "2026-01-01T00:00:00Z", null, null, 0, null, null, null, null, "manual");
    }

    @Test
    void theBarFillsWithProgressAndShortensLongMessages() {
        assertEquals("[------------------------------]   0% queued", TrainCommand.bar(job("QUEUED", 0, "queued")));
        assertEquals("[###########-------------------]  37% fitting kmeans",
                TrainCommand.bar(job("RUNNING", 0.37, "fitting kmeans")));
        assertEquals("[##############################] 100% " + "x".repeat(47) + "...",
                TrainCommand.bar(job("SUCCEEDED", 1, "x".repeat(80))));
    }

    @Test
    void onlyTheThreeEndStatesAreFinal() {
        assertTrue(TrainCommand.isFinal("SUCCEEDED"));
        assertTrue(TrainCommand.isFinal("FAILED"));
        assertTrue(TrainCommand.isFinal("CANCELLED"));
        assertFalse(TrainCommand.isFinal("RUNNING"));
        assertFalse(TrainCommand.isFinal("QUEUED"));
    }
}
