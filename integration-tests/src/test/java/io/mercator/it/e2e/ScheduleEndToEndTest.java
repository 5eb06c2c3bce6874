package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Scheduled retraining in the shipped distribution: a schedule file dropped into {@code conf/}
 * (every minute, on a data set named by its label) is listed by {@code mercator schedules} and
 * {@code GET /api/v1/schedules} with its next run, a broken one with its file and field, and the job
 * it starts appears in {@code mercator jobs} and {@code GET /api/v1/jobs} with its trigger.
 */
public class ScheduleEndToEndTest extends StartedInstallation {

    @Test
    public void aScheduleFromConfStartsJobsListedWithTheirTrigger() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,period,value\n");
        for (int week = 1; week <= 12; week++) {
            csv.append("A-1,").append(week).append(',').append(10 + week % 3).append('\n');
        }
        Path data = TEMP.getRoot().toPath().resolve("weekly.csv");
        Files.writeString(data, csv);
        Installation.Result imported = installation.cli("import", "forecasting", data.toString(), "--label",
                "weekly-sales");
        assertEquals(imported.toString(), 0, imported.exit());
        Matcher id = Pattern.compile("(forecasting-[0-9a-f]{8})").matcher(imported.out());
        assertTrue(imported.toString(), id.find());

        Path broken = writeConf("broken", "family = forecasting\ndataset = weekly-sales\ncron = 0 25 * * *\n");
        writeConf("every-minute", "family = forecasting\ndataset = weekly-sales\nstrategy = naive\n"
                + "cron = * * * * *\ntimezone = UTC\n");

        String schedules = await(() -> installation.cli("schedules").out(),
                out -> out.contains("every-minute") && out.contains("broken"), 30);
        assertTrue(schedules, schedules.lines().anyMatch(line -> line.startsWith("every-minute ")
                && line.contains(" forecasting ") && line.contains(" weekly-sales ") && line.contains(" * * * * * ")
                && line.contains(" UTC ") && line.endsWith(" ok")));
        assertTrue(schedules, schedules.lines().anyMatch(line -> line.startsWith("broken ")
                && line.contains("invalid: " + broken + ": field 'cron' '0 25 * * *' is not a cron expression")));

        String jobs = await(() -> installation.cli("jobs").out(), out -> out.lines().anyMatch(line ->
                line.contains(" schedule:every-minute ") && line.contains(" SUCCEEDED ")), 150);
        assertTrue(jobs, jobs.lines().anyMatch(line -> line.contains(id.group(1)) && line.contains(" naive@")));

        JsonObject access = JsonParser.parseString(Files.readString(installation.home().resolve("run/rest.json")))
                .getAsJsonObject();
        JsonArray restJobs = get(access, "/api/v1/jobs").getAsJsonArray("jobs");
        Optional<JsonElement> scheduled = restJobs.asList().stream().filter(job -> job.getAsJsonObject()
                .get("trigger").getAsString().equals("schedule:every-minute")).findFirst();
        assertTrue(restJobs.toString(), scheduled.isPresent());
        assertEquals(id.group(1), scheduled.get().getAsJsonObject().get("dataset").getAsString());
        JsonArray restSchedules = get(access, "/api/v1/schedules").getAsJsonArray("schedules");
        assertEquals(2, restSchedules.size());
        JsonObject everyMinute = restSchedules.get(1).getAsJsonObject();
        assertEquals("every-minute", everyMinute.get("name").getAsString());
        assertTrue(everyMinute.toString(), everyMinute.has("nextRun") && everyMinute.has("lastRun")
                && everyMinute.has("lastJobId"));
        assertTrue(restSchedules.get(0).getAsJsonObject().get("configurationError").getAsString()
                .contains("field 'cron'"));
    }

    /** Writes conf/io.mercator.schedule-NAME.cfg under a hidden name first, as FileInstall wants. */
    private static Path writeConf(String name, String text) throws Exception {
        Path conf = installation.home().resolve("conf");
        Path hidden = Files.writeString(conf.resolve(".schedule-" + name + ".tmp"), text);
        return Files.move(hidden, conf.resolve("io.mercator.schedule-" + name + ".cfg"),
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonObject get(JsonObject access, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(access.get("url").getAsString() + path))
                .header("Authorization", "Bearer " + access.get("token").getAsString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(response.body(), 200, response.statusCode());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** A CLI call that may be repeated. */
    private interface Call {
        String run() throws Exception;
    }

    private static String await(Call call, Predicate<String> done, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String last = call.run();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            last = call.run();
        }
        assertTrue(last, done.test(last));
        return last;
    }
}
