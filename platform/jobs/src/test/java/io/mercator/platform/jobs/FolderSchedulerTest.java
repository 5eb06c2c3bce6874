package io.mercator.platform.jobs;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled retraining with its runs recorded in a folder. */
class FolderSchedulerTest extends SchedulerContract {

    @TempDir
    Path folder;

    @Override
    protected ScheduleLedger openLedger() throws Exception {
        return new FolderScheduleLedger(folder);
    }
}
