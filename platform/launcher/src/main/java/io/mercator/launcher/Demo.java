package io.mercator.launcher;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerCsv;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo behind {@code start --demo}: deploys the sample strategy from {@code samples/}, writes
 * the generated demo retailer to {@code data/demo/} (once; later starts reuse it), and once the
 * runtime is ready forecasts the retailer's daily demand with the forecasting default, logging the
 * result.
 */
final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final String SAMPLE = "seasonal-naive-1.0.0.jar";
    static final int SEASON = 7;
    static final int HORIZON = 7;
    private static final int SERIES_SHOWN = 8;
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final Retailer retailer;

    private Demo(Retailer retailer) {
        this.retailer = retailer;
    }

    /**
     * Before the framework starts: deploys the sample strategy (unless a bundle of that name is
     * already deployed) and writes the demo retailer's files if they are missing.
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
        // the generator is deterministic: regenerating in memory is faster than parsing the files back
        Retailer retailer = RetailerGenerator.generate(RetailerSpec.small());
        Path folder = home.data().resolve("demo");
        if (!Files.isRegularFile(folder.resolve("demand.csv"))) {
            try {
                RetailerCsv.write(retailer, folder);
                LOG.info("Demo: wrote the demo retailer to {} ({})", home.root().relativize(folder), retailer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo data to " + folder + ": " + e.getMessage(), e);
            }
        }
        return new Demo(retailer);
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

    /** @return the daily units of every product in every store, one series per store and product */
    static SeriesSet demandSeries(Retailer retailer) {
        SeriesSet.Builder builder = SeriesSet.builder(SEASON);
        String[] stores = retailer.storeIds();
        String[] skus = retailer.skuIds();
        for (int store = 0; store < stores.length; store++) {
            for (int sku = 0; sku < skus.length; sku++) {
                int[] units = retailer.units(store, sku);
                double[] values = new double[units.length];
                for (int t = 0; t < units.length; t++) {
                    values[t] = units[t];
                }
                builder.add(stores[store] + "/" + skus[sku], values);
            }
        }
        return builder.build();
    }

    /** Forecasts the demo retailer's demand with the forecasting default and logs a table. Never throws. */
    void run(StrategyRegistry registry) {
        if (registry == null) {
            LOG.warn("Demo: no StrategyRegistry service, nothing to forecast with");
            return;
        }
        try {
            SeriesSet data = demandSeries(retailer);
            String spec = forecastingSpec(registry);
            long begin = System.nanoTime();
            List<String> table = registry.call(ForecastStrategy.class, spec, DEADLINE, strategy -> {
                ForecastModel model = strategy.fit(data, Parameters.defaults(strategy.descriptor().parameters()),
                        TrainingContext.none());
                return forecastTable(data, model, strategy.descriptor().toString());
            });
            table.forEach(line -> LOG.info("Demo: {}", line));
            LOG.info("Demo: fitted {} series and forecast in {} ms; the planted truth is in data/demo/truth/",
                    data.size(), (System.nanoTime() - begin) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Demo: forecasting failed: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> forecastTable(SeriesSet data, ForecastModel model, String strategy) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d series x %d days of daily demand, forecast %d days ahead with %s", data.size(),
                data.length(0), HORIZON, strategy));
        StringBuilder header = new StringBuilder(String.format("%-16s %9s |", "store/product", "last week"));
        for (int h = 1; h <= HORIZON; h++) {
            header.append(String.format(" %6s", "d+" + h));
        }
        lines.add(header.append(" | 80% interval d+1").toString());
        for (int s = 0; s < Math.min(SERIES_SHOWN, data.size()); s++) {
            String id = data.ids().id(s);
            double lastWeek = 0;
            for (int d = data.length(s) - SEASON; d < data.length(s); d++) {
                lastWeek += data.value(s, d);
            }
            Forecast forecast = model.forecast(id, HORIZON, 80);
            StringBuilder row = new StringBuilder(String.format("%-16s %9.0f |", id, lastWeek));
            for (int h = 0; h < HORIZON; h++) {
                row.append(String.format(" %6.1f", forecast.mean(h)));
            }
            lines.add(row.append(String.format(" | %.1f .. %.1f", forecast.lower(0)[0], forecast.upper(0)[0]))
                    .toString());
        }
        return lines;
    }

    /** The configured forecasting default, else the sample strategy. */
    private static String forecastingSpec(StrategyRegistry registry) throws InterruptedException {
        // conf/io.mercator.registry.cfg reaches the registry asynchronously, through FileInstall and Config Admin
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (registry.defaultSpec(Family.FORECASTING).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        try {
            return registry.resolve(Family.FORECASTING, "").descriptor().name();
        } catch (StrategyNotFoundException noDefault) {
            LOG.info("Demo: {}; using the sample strategy seasonal-naive", noDefault.getMessage());
            return "seasonal-naive";
        }
    }
}
