package io.mercator.api.jobs;

import io.mercator.api.Family;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One schedule of retraining, as configured and as it ran.
 *
 * @param name the schedule's name (of {@code conf/io.mercator.schedule-<name>.cfg})
 * @param source where it is configured: the configuration file, else its configuration PID
 * @param family the family trained; null when the configuration is invalid
 * @param dataset the data set trained on, by id or by label (the family's newest data set with
 *     that label when the job starts); null when the configuration is invalid
 * @param strategySpec the strategy spec, {@code ""} for the family's default at the time
 * @param parameters the strategy's parameter values as text
 * @param cron the cron expression (minute hour day-of-month month day-of-week)
 * @param timeZone the time zone the expression is read in
 * @param nextRun when it runs next; null when the configuration is invalid or it never runs again
 * @param lastRun the occurrence last claimed by any node sharing the records; null before the first
 * @param lastJobId the job that occurrence started; null when none was started
 * @param lastError why that occurrence could not start a job; null when it did
 * @param configurationError what is wrong with the configuration; null when it is valid (an
 *     invalid schedule never runs)
 */
public record ScheduleInfo(String name, String source, Family family, String dataset, String strategySpec,
        Map<String, String> parameters, String cron, String timeZone, Instant nextRun, Instant lastRun,
        String lastJobId, String lastError, String configurationError) {

    /** Checks that the name and source are there and copies the parameters. */
    public ScheduleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        strategySpec = strategySpec == null ? "" : strategySpec;
        parameters = Map.copyOf(parameters);
    }
}
