package io.mercator.benchmarks;

import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.platform.evaluation.forecasting.Backtest;
import io.mercator.platform.evaluation.forecasting.ForecastAccuracy;
import io.mercator.platform.evaluation.forecasting.SeriesFiles;
import io.mercator.plugins.forecasting.arima.ArimaStrategy;
import io.mercator.plugins.forecasting.baselines.NaiveStrategy;
import io.mercator.plugins.forecasting.baselines.SeasonalNaiveStrategy;
import io.mercator.plugins.forecasting.smoothing.CombinationStrategy;
import io.mercator.plugins.forecasting.smoothing.EtsStrategy;
import io.mercator.plugins.forecasting.smoothing.ThetaStrategy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Accuracy and speed of the built-in forecasting strategies on the shared data sets (default: the
 * M3 subset and the Australian retail series), with the evaluator's own backtest and metrics, per
 * period group of {@code series.csv} and overall. Each strategy runs twice; the speed column is
 * the faster run. Output goes to stdout: this is a command-line tool.
 *
 * <p>Arguments: the distribution archive (unused: strategies run in-process without a framework),
 * then data folders, and optionally {@code --strategies=ets,arima} and {@code --groups=MONTHLY}
 * to run only some strategies or period groups.
 */
public final class ForecastingBenchmark {

    private ForecastingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<String> strategyNames = List.of();
        List<String> groupNames = List.of();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--strategies=")) {
                strategyNames = List.of(args[i].substring("--strategies=".length()).split(","));
            } else if (args[i].startsWith("--groups=")) {
                groupNames = List.of(args[i].substring("--groups=".length()).split(","));
            } else {
                folders.add(Path.of(args[i]));
            }
        }
        if (folders.isEmpty()) {
            Path shared = sharedData();
            folders.add(shared.resolve("m3"));
            folders.add(shared.resolve("aus-retail-turnover"));
        }
        List<String> selected = strategyNames;
        ThetaStrategy theta = new ThetaStrategy();
        EtsStrategy ets = new EtsStrategy();
        ArimaStrategy arima = new ArimaStrategy();
        List<ForecastStrategy> strategies = Stream.of(new NaiveStrategy(), new SeasonalNaiveStrategy(),
                theta, ets, arima, CombinationStrategy.of(ets, theta, arima))
                .filter(strategy -> selected.isEmpty() || selected.contains(strategy.descriptor().name()))
                .map(ForecastStrategy.class::cast).toList();
        System.out.printf(Locale.ROOT, "Mercator forecasting benchmark on %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        for (Path folder : folders) {
            SeriesFiles.Data all = SeriesFiles.read(folder);
            Map<String, SeriesFiles.Data> groups = byPeriod(folder, all);
            for (Map.Entry<String, SeriesFiles.Data> group : groups.entrySet()) {
                if (!groupNames.isEmpty() && !groupNames.contains(group.getKey())) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "%n%s %s: %d series%n%-10s", folder.getFileName(), group.getKey(),
                        group.getValue().ids().size(), "strategy");
                for (String column : ForecastAccuracy.COLUMNS) {
                    System.out.printf(Locale.ROOT, "%9s", column);
                }
                System.out.printf(Locale.ROOT, "%10s%n", "series/s");
                // a season length of 12 for data without a frequency column: the monthly retail series
                Backtest backtest = new Backtest(group.getValue(), new Backtest.Split(12, 1, 12));
                for (ForecastStrategy strategy : strategies) {
                    Backtest.Result first = backtest.run(strategy, TrainingContext.none());
                    Backtest.Result second = backtest.run(strategy, TrainingContext.none());
                    System.out.printf(Locale.ROOT, "%-10s", strategy.descriptor().name());
                    for (double value : second.metrics()) {
                        System.out.printf(Locale.ROOT, "%9.3f", value);
                    }
                    System.out.printf(Locale.ROOT, "%10.1f%n",
                            second.forecasts() / Math.min(first.seconds(), second.seconds()));
                }
            }
        }
    }

    /** @return the shared data folder: {@code shared/data} beside the checkout or one of its parents */
    private static Path sharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/data"))) {
                return dir.resolve("shared/data");
            }
        }
        throw new IllegalStateException("no shared/data folder above " + Path.of("").toAbsolutePath());
    }

    /** Splits the series by the {@code period} column of {@code series.csv} when there is one; "ALL" always. */
    private static Map<String, SeriesFiles.Data> byPeriod(Path folder, SeriesFiles.Data all) throws IOException {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        Path catalogue = folder.resolve("series.csv");
        if (Files.isRegularFile(catalogue)) {
            Map<String, String> period = new LinkedHashMap<>();
            try (Reader reader = Files.newBufferedReader(catalogue)) {
                for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
                    if (record.isMapped("period")) {
                        period.put(record.get(0), record.get("period"));
                    }
                }
            }
            for (int s = 0; s < all.ids().size() && !period.isEmpty(); s++) {
                members.computeIfAbsent(period.get(all.ids().get(s)), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, SeriesFiles.Data> groups = new LinkedHashMap<>();
        members.forEach((name, indices) -> groups.put(name, subset(all, indices)));
        groups.put("ALL", all);
        return groups;
    }

    private static SeriesFiles.Data subset(SeriesFiles.Data all, List<Integer> indices) {
        List<String> ids = new ArrayList<>();
        List<double[]> training = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        int[] seasonLength = new int[indices.size()];
        for (int i = 0; i < indices.size(); i++) {
            int s = indices.get(i);
            ids.add(all.ids().get(s));
            training.add(all.training().get(s));
            test.add(all.test().get(s));
            seasonLength[i] = all.seasonLength()[s];
        }
        return new SeriesFiles.Data(ids, training, test, seasonLength);
    }
}
