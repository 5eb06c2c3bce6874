package io.mercator.launcher.cli;

import io.mercator.launcher.ControlApi;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mercator schedules}. */
@Command(name = "schedules", mixinStandardHelpOptions = true,
        description = "List the schedules of retraining (conf/io.mercator.schedule-<name>.cfg) with their next and "
                + "last run; an invalid configuration is listed with its file and field.")
public final class SchedulesCommand extends ClientCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Table table = new Table("NAME", "FAMILY", "DATASET", "STRATEGY", "CRON", "TIME ZONE", "NEXT RUN", "LAST RUN",
                "LAST JOB", "STATUS");
        for (ControlApi.ScheduleEntry schedule : client().schedules()) {
            table.row(schedule.name(), dash(schedule.family()), dash(schedule.dataset()),
                    schedule.strategy().isEmpty() ? "(default)" : schedule.strategy(), dash(schedule.cron()),
                    dash(schedule.timeZone()), dash(schedule.nextRun()), dash(schedule.lastRun()),
                    dash(schedule.lastJobId()), status(schedule));
        }
        table.print(out());
        return 0;
    }

    private static String status(ControlApi.ScheduleEntry schedule) {
        if (schedule.configurationError() != null) {
            return "invalid: " + schedule.configurationError();
        }
        return schedule.lastError() != null ? "last run started no job: " + schedule.lastError() : "ok";
    }

    private static String dash(String text) {
        return text == null ? "-" : text;
    }
}
