package io.mercator.launcher.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mercator forecast}: forecasts of stored series with prediction intervals. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast series of the stored forecasting model (the newest unless --model), with "
                + "prediction intervals, e.g. 'mercator forecast S01/P001'.")
public final class ForecastCommand extends QueryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SERIES", description = "Series ids of the model's training data.")
    List<String> series;

    @Option(names = "--horizon", defaultValue = "7", paramLabel = "N",
            description = "Periods ahead. Default: ${DEFAULT-VALUE}.")
    int horizon;

    @Option(names = "--levels", split = ",", defaultValue = "80,95", paramLabel = "PCT",
            description = "Interval levels in percent. Default: ${DEFAULT-VALUE}.")
    double[] levels;

    @Override
    public Integer call() {
        JsonObject body = new JsonObject();
        JsonArray ids = new JsonArray();
        series.forEach(ids::add);
        body.add("ids", ids);
        body.addProperty("horizon", horizon);
        JsonArray levelArray = new JsonArray();
        for (double level : levels) {
            levelArray.add(level);
        }
        body.add("levels", levelArray);
        JsonObject answer = query("/api/v1/forecasting/forecast", body);
        if (printedAsJson(answer)) {
            return 0;
        }
        out().println(modelLine(answer));
        List<String> header = new ArrayList<>(List.of("SERIES", "STEP", "MEAN"));
        for (double level : levels) {
            String pct = String.format(java.util.Locale.ROOT, "%.0f%%", level);
            header.add("LOW " + pct);
            header.add("HIGH " + pct);
        }
        Table table = new Table(header.toArray(new String[0]));
        for (JsonElement element : answer.getAsJsonArray("forecasts")) {
            JsonObject forecast = element.getAsJsonObject();
            JsonArray mean = forecast.getAsJsonArray("mean");
            JsonArray intervals = forecast.getAsJsonArray("intervals");
            for (int step = 0; step < mean.size(); step++) {
                List<Object> row = new ArrayList<>(List.of(forecast.get("id").getAsString(), step + 1,
                        number(mean.get(step).getAsDouble())));
                for (JsonElement interval : intervals) {
                    row.add(number(interval.getAsJsonObject().getAsJsonArray("lower").get(step).getAsDouble()));
                    row.add(number(interval.getAsJsonObject().getAsJsonArray("upper").get(step).getAsDouble()));
                }
                table.row(row.toArray());
            }
        }
        table.print(out());
        return 0;
    }
}
