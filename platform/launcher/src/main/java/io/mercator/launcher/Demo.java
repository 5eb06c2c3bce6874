package io.mercator.launcher;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small demo behind {@code start --demo}: deploys the sample strategy from {@code samples/}
 * and, once the runtime is ready, forecasts a generated data set with the forecasting default and
 * logs the result.
 */
final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final String SAMPLE = "seasonal-naive-1.0.0.jar";
    static final int SEASON = 7;
    static final int HORIZON = 7;

    private final Path series;

    private Demo(Path series) {
        this.series = series;
    }

    /**
     * Before the framework starts: deploys the sample strategy (unless a bundle of that name is
     * already deployed) and writes the demo data if it is missing.
     */
    static Demo prepare(Home home, DeployFolder deploy) {
        Path sample = home.samples().resolve(SAMPLE);
        if (!Files.isRegularFile(sample)) {
            sample = firstJar(home.samples());
        }
        if (sample == null) {
            LOG.warn("Demo: no sample strategy in {}", home.samples());
        } else {
            DeployFolder.BundleIdentity identity = DeployFolder.identify(sample);
            if (deploy.find(identity.symbolicName()).isEmpty()) {
                deploy.install(sample);
                LOG.info("Demo: deployed {} ({})", sample.getFileName(), identity);
            }
        }
        Path series = home.data().resolve("demo").resolve("series.csv");
        if (!Files.isRegularFile(series)) {
            writeSeries(series, 42L);
            LOG.info("Demo: wrote {}", home.root().relativize(series));
        }
        return new Demo(series);
    }

    private static Path firstJar(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            return null;
        }
        jars.sort(null);
        return jars.isEmpty() ? null : jars.get(0);
    }

    /**
     * Writes a few seasonal daily series: a level per series, a weekly profile, a slight trend
     * and noise, eight weeks long, in long format {@code series,day,units}.
     *
     * @param file where to write
     * @param seed the random seed; the same seed gives the same file
     */
    static void writeSeries(Path file, long seed) {
        String[] ids = {"store1/coffee", "store1/milk", "store2/coffee", "store2/bread", "store3/apples"};
        double[] weekly = {0.8, 0.85, 0.9, 1.0, 1.2, 1.45, 0.8};
        Random random = new Random(seed);
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("series,day,units\n");
                for (String id : ids) {
                    double level = 20 + random.nextInt(80);
                    double trend = (random.nextDouble() - 0.3) * 0.2;
                    for (int day = 0; day < 8 * SEASON; day++) {
                        double units = (level + trend * day) * weekly[day % SEASON] * (1 + random.nextGaussian() * 0.08);
                        out.write(id + "," + day + "," + Math.max(0, Math.round(units)) + "\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a file written by {@link #writeSeries}
     * @return its series, in file order
     */
    static SeriesSet readSeries(Path file) throws IOException {
        Map<String, List<Double>> bySeries = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",");
            if (fields.length == 3) {
                bySeries.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(Double.parseDouble(fields[2]));
            }
        }
        SeriesSet.Builder builder = SeriesSet.builder(SEASON);
        bySeries.forEach((id, values) -> builder.add(id, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return builder.build();
    }

    /** Forecasts the demo data with the forecasting default and logs a table. Never throws. */
    void run(StrategyRegistry registry) {
        if (registry == null) {
            LOG.warn("Demo: no StrategyRegistry service, nothing to forecast with");
            return;
        }
        try {
            SeriesSet data = readSeries(series);
            try (StrategyLease<ForecastStrategy> lease = acquire(registry)) {
                ForecastStrategy strategy = lease.strategy();
                long begin = System.nanoTime();
                ForecastModel model = strategy.fit(data, Parameters.defaults(strategy.descriptor().parameters()),
                        TrainingContext.none());
                LOG.info("Demo: {} series x {} days from {}, forecast {} days ahead with {} (bundle {} {})",
                        data.size(), data.length(0), series.getFileName(), HORIZON, lease.info().descriptor(),
                        lease.info().bundleSymbolicName(), lease.info().bundleVersion());
                StringBuilder header = new StringBuilder(String.format("%-15s %9s |", "series", "last week"));
                for (int h = 1; h <= HORIZON; h++) {
                    header.append(String.format(" %6s", "d+" + h));
                }
                LOG.info("Demo: {}", header);
                for (int s = 0; s < data.size(); s++) {
                    String id = data.ids().id(s);
                    double lastWeek = 0;
                    for (int d = data.length(s) - SEASON; d < data.length(s); d++) {
                        lastWeek += data.value(s, d);
                    }
                    Forecast forecast = model.forecast(id, HORIZON, 80);
                    StringBuilder row = new StringBuilder(String.format("%-15s %9.0f |", id, lastWeek));
                    for (int h = 0; h < HORIZON; h++) {
                        row.append(String.format(" %6.1f", forecast.mean(h)));
                    }
                    LOG.info("Demo: {}", row);
                }
                LOG.info("Demo: fitted and forecast in {} ms", (System.nanoTime() - begin) / 1_000_000);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Demo: forecasting failed: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StrategyLease<ForecastStrategy> acquire(StrategyRegistry registry) throws InterruptedException {
        // conf/io.mercator.registry.cfg reaches the registry asynchronously, through FileInstall and Config Admin
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (registry.defaultSpec(Family.FORECASTING).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        try {
            return registry.acquire(ForecastStrategy.class, "");
        } catch (StrategyNotFoundException noDefault) {
            LOG.info("Demo: {}; using the sample strategy seasonal-naive", noDefault.getMessage());
            return registry.acquire(ForecastStrategy.class, "seasonal-naive");
        }
    }
}
