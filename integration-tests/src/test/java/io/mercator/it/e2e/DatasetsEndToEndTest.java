package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Import, train and keep, through the CLI of the shipped distribution: a weekly sales file with one
 * bad row is rejected naming the row, imported with {@code --skip-bad-rows}, a forecaster is trained
 * on it as a background job, and the data set, the job and the model are still listed after a
 * restart.
 */
public class DatasetsEndToEndTest extends StartedInstallation {

    @Test
    public void importTrainAndKeepTheModelAcrossARestart() throws Exception {
        StringBuilder csv = new StringBuilder("Article;Week;Units\n");
        for (int week = 1; week <= 20; week++) {
            csv.append("A-1;").append(week).append(';').append(10 + week % 3).append('\n');
            csv.append("B-2;").append(week).append(';').append(week == 7 ? "lots" : String.valueOf(5 + week % 2))
                    .append('\n');
        }
        Path data = TEMP.getRoot().toPath().resolve("weekly.csv");
        Files.writeString(data, csv);
        String[] mapping = {"--delimiter", ";", "-c", "series_id=Article", "-c", "period=Week", "-c", "value=Units"};

        Installation.Result rejected = installation.cli(concat(new String[] {"import", "forecasting",
            data.toString()}, mapping));
        assertEquals(rejected.toString(), 1, rejected.exit());
        assertTrue(rejected.toString(), rejected.err().contains("weekly.csv: 1 bad row; nothing was imported (the first:"
                + " weekly.csv line 15 column Units (field value): 'lots' is not a number)"));
        assertTrue(rejected.toString(), rejected.err().lines().anyMatch(line -> line.matches(
                "\\s+15\\s+Units\\s+value\\s+lots\\s+'lots' is not a number")));
        assertEquals("ID  FAMILY  ROWS  FIELDS  CREATED  SOURCES  LABEL", installation.cli("datasets").out().strip()
                .replaceAll("\\s+", "  "));

        Installation.Result imported = installation.cli(concat(new String[] {"import", "forecasting",
            data.toString(), "--skip-bad-rows", "--label", "weekly sales"}, mapping));
        assertEquals(imported.toString(), 0, imported.exit());
        Matcher id = Pattern.compile("Imported 39 rows into (forecasting-[0-9a-f]{8})").matcher(imported.out());
        assertTrue(imported.toString(), id.find());
        String dataset = id.group(1);
        assertTrue(imported.out(), imported.out().contains("1 bad rows (the first 1):")
                || imported.out().contains("1 bad rows:"));

        Installation.Result shown = installation.cli("datasets", "show", dataset);
        assertTrue(shown.toString(), shown.out().contains("rows:      39"));
        assertTrue(shown.toString(), shown.out().contains("fields:    series_id, period, value"));

        Installation.Result trained = installation.cli("train", "forecasting", dataset, "-s", "moving-average",
                "-p", "window=4");
        assertEquals(trained.toString(), 0, trained.exit());
        Matcher model = Pattern.compile("Model (\\S+) trained by moving-average@1\\.0\\.0").matcher(trained.out());
        assertTrue(trained.toString(), model.find());
        assertTrue(trained.out(), trained.out().contains("] 100% "));

        Installation.Result badParameter = installation.cli("train", "forecasting", dataset, "-s", "moving-average",
                "-p", "window=0");
        assertEquals(badParameter.toString(), 1, badParameter.exit());
        assertTrue(badParameter.toString(), badParameter.err().contains("window"));

        installation.close();
        installation.start();
        String models = installation.cli("models").out();
        assertTrue(models, models.lines().anyMatch(line -> line.startsWith(model.group(1) + " ")
                && line.contains(" moving-average ") && line.contains(dataset)));
        String jobs = installation.cli("jobs").out();
        assertTrue(jobs, jobs.lines().anyMatch(line -> line.contains(dataset) && line.contains(" SUCCEEDED ")
                && line.contains(model.group(1))));
        assertTrue(installation.cli("datasets").out().contains(dataset));

        Installation.Result deleted = installation.cli("datasets", "delete", dataset);
        assertEquals(deleted.toString(), 0, deleted.exit());
        assertFalse(installation.cli("datasets").out().contains(dataset));
        assertEquals(1, installation.cli("datasets", "show", dataset).exit());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
