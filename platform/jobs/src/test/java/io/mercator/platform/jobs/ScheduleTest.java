package io.mercator.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.Family;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading schedule configurations, and errors naming the file and the field. */
class ScheduleTest {

    private static final String FILE = "file:/opt/mercator/conf/io.mercator.schedule-nightly.cfg";

    private static Map<String, Object> config(String... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("felix.fileinstall.filename", FILE);
        properties.put("service.pid", "io.mercator.schedule~nightly");
        properties.put("service.factoryPid", "io.mercator.schedule");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static Map<String, Object> valid(String... more) {
        Map<String, Object> properties = config("family", "Forecasting", "dataset", "demo-forecasting",
                "strategy", "ets", "parameter.damped", "true", "cron", "30 2 * * 1-5", "timezone", "Europe/Paris");
        properties.putAll(config(more));
        return properties;
    }

    @Test
    void readsEveryFieldAndNamesTheScheduleAfterItsFile() {
        Schedule schedule = Schedule.parse("io.mercator.schedule~nightly", valid());
        assertEquals("nightly", schedule.name());
        assertEquals("/opt/mercator/conf/io.mercator.schedule-nightly.cfg", schedule.source());
        assertEquals(Family.FORECASTING, schedule.family());
        assertEquals("demo-forecasting", schedule.dataset());
        assertEquals("ets", schedule.strategy());
        assertEquals(Map.of("damped", "true"), schedule.parameters());
        assertEquals(ZoneId.of("Europe/Paris"), schedule.zone());
        assertEquals("schedule:nightly", schedule.trigger());
    }

    @Test
    void occurrencesFollowTheCronInItsTimeZone() {
        Schedule schedule = Schedule.parse("pid", valid());
        // Friday 2026-03-27 in Paris (UTC+1 until Sunday's change to summer time)
        Instant friday = Instant.parse("2026-03-27T01:30:00Z");
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), schedule.nextAfter(friday).orElseThrow(),
                "Monday 02:30 in Paris, now UTC+2");
        assertEquals(friday, schedule.latestUntil(friday).orElseThrow(), "an occurrence exactly now counts");
        assertEquals(friday, schedule.latestUntil(Instant.parse("2026-03-29T12:00:00Z")).orElseThrow(),
                "the weekend has none");
    }

    @Test
    void withoutAFileTheNameComesFromThePid() {
        Map<String, Object> properties = valid();
        properties.remove("felix.fileinstall.filename");
        Schedule schedule = Schedule.parse("io.mercator.schedule~weekly", properties);
        assertEquals("weekly", schedule.name());
        assertEquals("configuration io.mercator.schedule~weekly", schedule.source());
    }

    private static void assertRejected(Map<String, Object> properties, String field, String message) {
        Schedule.Invalid bad = assertThrows(Schedule.Invalid.class, () -> Schedule.parse("pid", properties));
        assertEquals(field, bad.field());
        assertEquals("/opt/mercator/conf/io.mercator.schedule-nightly.cfg: field '" + field + "' " + message,
                bad.getMessage());
    }

    @Test
    void badConfigurationsNameTheFileAndTheField() {
        Map<String, Object> noCron = valid();
        noCron.remove("cron");
        assertRejected(noCron, "cron", "is missing");
        Map<String, Object> noDataset = valid();
        noDataset.put("dataset", " ");
        assertRejected(noDataset, "dataset", "is missing");
        assertRejected(valid("family", "weather"), "family",
                "'weather' is not a family (filtering, forecasting, optimization, segmentation, pricing)");
        assertRejected(valid("timezone", "Mars/Olympus"), "timezone",
                "'Mars/Olympus' is not a time zone (e.g. Europe/Paris, UTC, +02:00)");
        assertRejected(valid("crom", "0 2 * * *"), "crom",
                "is not a field of a schedule (family, dataset, strategy, cron, timezone, parameter.<name>)");
        assertRejected(valid("parameter.", "1"), "parameter.", "names no parameter (parameter.<name> = <value>)");
    }

    @Test
    void aBadCronExpressionIsExplained() {
        for (String cron : new String[] {"0 2 * *", "61 2 * * *", "0 2 * * * *", "every night"}) {
            Schedule.Invalid bad = assertThrows(Schedule.Invalid.class,
                    () -> Schedule.parse("pid", valid("cron", cron)));
            assertEquals("cron", bad.field());
            String expected = "field 'cron' '" + cron + "' is not a cron expression of five fields (minute hour "
                    + "day-of-month month day-of-week, e.g. '0 2 * * *' for 02:00 every day): ";
            assertEquals(true, bad.getMessage().contains(expected), bad.getMessage());
        }
    }
}
