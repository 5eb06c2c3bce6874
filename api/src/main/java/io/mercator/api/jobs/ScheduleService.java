package io.mercator.api.jobs;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Retraining on a schedule: each configuration {@code io.mercator.schedule-<name>} (the file
 * {@code conf/io.mercator.schedule-<name>.cfg}) names a family, a data set, a strategy with its
 * parameters, a cron expression and a time zone; at each occurrence a training job starts through
 * the {@link JobService}, with the trigger {@code schedule:<name>}. Nodes sharing a database run
 * each occurrence once, on one of them. An occurrence missed while no node ran is made up once at
 * the next start (never one job per missed occurrence).
 */
@ProviderType
public interface ScheduleService {

    /**
     * @return every configured schedule, valid or not, by name
     * @throws IOException when the record of past runs cannot be read
     */
    List<ScheduleInfo> list() throws IOException;
}
