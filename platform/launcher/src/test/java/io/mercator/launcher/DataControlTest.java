package io.mercator.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DataControlTest {

    @Test
    void answersTheDataEndpointsOnly() {
        for (String endpoint : new String[] {"import", "datasets", "datasets/segmentation-0000abcd", "train", "jobs",
            "jobs/job-1/cancel", "models"}) {
            assertTrue(DataControl.handles(endpoint), endpoint);
        }
        for (String endpoint : new String[] {"status", "bundles", "evaluate", "dataset", "importer", ""}) {
            assertFalse(DataControl.handles(endpoint), endpoint);
        }
    }
}
