package io.mercator.launcher;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingStrategy;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerCsv;
import io.mercator.demo.RetailerDatasets;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo behind {@code start --demo}: deploys the sample strategy from {@code samples/}, writes
 * the generated demo retailer to {@code data/demo/} (once; later starts reuse it), and once the
 * runtime is ready trains every family's default strategy on it and logs what each answers:
 * forecasts, elasticities against the planted ones and advised prices, reorder plans,
 * recommendations and segments.
 */
final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final String SAMPLE = "seasonal-naive-1.0.0.jar";
    static final int SEASON = 7;
    static final int HORIZON = 7;
    private static final int ROWS_SHOWN = 6;
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private final Retailer retailer;
    private ModelStore store;

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

    /**
     * Trains every family's default strategy on the demo retailer, saves each model in the model
     * store (metadata {@code source=demo} and the data set, so that REST queries can use them) and
     * logs what each answers. Never throws.
     *
     * @param registry the strategy registry
     * @param store the model store; null to keep the models in memory only
     */
    void run(StrategyRegistry registry, ModelStore store) {
        if (registry == null) {
            LOG.warn("Demo: no StrategyRegistry service, nothing to train");
            return;
        }
        this.store = store;
        RetailerDatasets datasets = new RetailerDatasets(retailer);
        showcase(registry, Family.FORECASTING, () -> forecasts(registry, datasets));
        showcase(registry, Family.PRICING, () -> prices(registry, datasets));
        showcase(registry, Family.OPTIMIZATION, () -> replenishment(registry, datasets));
        showcase(registry, Family.FILTERING, () -> recommendations(registry, datasets));
        showcase(registry, Family.SEGMENTATION, () -> segments(registry, datasets));
        LOG.info("Demo: the planted truth behind these figures is in data/demo/truth/");
    }

    /** What one family shows: lines to log. */
    @FunctionalInterface
    private interface Showcase {
        List<String> lines() throws InterruptedException;
    }

    private static void showcase(StrategyRegistry registry, Family family, Showcase showcase) {
        long begin = System.nanoTime();
        try {
            List<String> lines = showcase.lines();
            lines.forEach(line -> LOG.info("Demo {}: {}", family.id(), line));
            LOG.info("Demo {}: trained and answered in {} ms", family.id(), (System.nanoTime() - begin) / 1_000_000);
        } catch (StrategyNotFoundException noStrategy) {
            LOG.info("Demo {}: skipped, {}", family.id(), noStrategy.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Demo {}: failed: {}", family.id(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> forecasts(StrategyRegistry registry, RetailerDatasets datasets) throws InterruptedException {
        SeriesSet data = datasets.demand();
        return registry.call(ForecastStrategy.class, spec(registry, Family.FORECASTING, "seasonal-naive"), DEADLINE,
                strategy -> {
                    ForecastModel model = keep(Family.FORECASTING, strategy.fit(data, defaults(strategy),
                            TrainingContext.none()), "demand");
                    List<String> lines = new ArrayList<>();
                    lines.add(String.format("%d series x %d days of daily demand, forecast %d days ahead with %s",
                            data.size(), data.length(0), HORIZON, strategy.descriptor()));
                    StringBuilder header = new StringBuilder(String.format("%-16s %9s |", "store/product", "last week"));
                    for (int h = 1; h <= HORIZON; h++) {
                        header.append(String.format(" %6s", "d+" + h));
                    }
                    lines.add(header.append(" | 80% interval d+1").toString());
                    for (int s = 0; s < Math.min(ROWS_SHOWN, data.size()); s++) {
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
                        lines.add(row.append(String.format(" | %.1f .. %.1f", forecast.lower(0)[0],
                                forecast.upper(0)[0])).toString());
                    }
                    return lines;
                });
    }

    private List<String> prices(StrategyRegistry registry, RetailerDatasets datasets) throws InterruptedException {
        PriceObservations observations = datasets.prices();
        PriceRequest request = datasets.priceRequest(ROWS_SHOWN, 0.2);
        return registry.call(PricingStrategy.class, spec(registry, Family.PRICING, "log-log"), DEADLINE, strategy -> {
            PricingModel model = keep(Family.PRICING, strategy.fit(observations, defaults(strategy),
                    TrainingContext.none()), "prices");
            PriceRecommendations recommended = model.recommend(request);
            List<String> lines = new ArrayList<>();
            lines.add(String.format("elasticities from %,d price observations with %s; prices within 20%% of today's",
                    observations.size(), strategy.descriptor()));
            lines.add(String.format("%-10s %8s %22s | %7s %7s %8s %8s  %s", "product", "planted", "estimated (95%)",
                    "today", "advised", "units/d", "profit/d", "bound by"));
            for (int row = 0; row < recommended.size(); row++) {
                String sku = recommended.products().id(row);
                Elasticity elasticity = model.elasticity(sku);
                lines.add(String.format("%-10s %8.2f %6.2f [%6.2f, %6.2f] | %7.2f %7.2f %8.1f %8.2f  %s", sku,
                        retailer.elasticity(row), elasticity.estimate(), elasticity.lowerBound(),
                        elasticity.upperBound(), request.currentPrice(row), recommended.price(row),
                        recommended.expectedUnits(row), recommended.expectedProfit(row), recommended.bindingRule(row)));
            }
            return lines;
        });
    }

    private List<String> replenishment(StrategyRegistry registry, RetailerDatasets datasets)
            throws InterruptedException {
        SeriesSet history = datasets.demand();
        ReplenishmentInput input = datasets.replenishment(0.95);
        return registry.call(ReplenishmentStrategy.class, spec(registry, Family.OPTIMIZATION, "order-up-to"), DEADLINE,
                strategy -> {
                    ReplenishmentPlan plan = keep(Family.OPTIMIZATION, strategy.fit(history, defaults(strategy),
                            TrainingContext.none()), "demand").plan(input);
                    List<String> lines = new ArrayList<>();
                    lines.add(String.format("today's orders for %d store/products at a 95%% cycle service level with %s",
                            plan.size(), strategy.descriptor()));
                    lines.add(String.format("%-16s %8s %8s %8s %8s %9s  %s", "store/product", "safety", "reorder",
                            "up to", "order", "fill rate", "bound by"));
                    for (int row = 0; row < Math.min(ROWS_SHOWN, plan.size()); row++) {
                        lines.add(String.format("%-16s %8.1f %8.1f %8.1f %8.0f %9.3f  %s", plan.skus().id(row),
                                plan.safetyStock(row), plan.reorderPoint(row), plan.orderUpTo(row),
                                plan.orderQuantity(row), plan.expectedFillRate(row), plan.bindingConstraint(row)));
                    }
                    return lines;
                });
    }

    private List<String> recommendations(StrategyRegistry registry, RetailerDatasets datasets)
            throws InterruptedException {
        Interactions purchases = datasets.purchases();
        Map<String, String> names = new HashMap<>();
        String[] skus = retailer.skuIds();
        for (int sku = 0; sku < skus.length; sku++) {
            names.put(skus[sku], retailer.productName(sku));
        }
        return registry.call(RecommenderStrategy.class, spec(registry, Family.FILTERING, "item-knn"), DEADLINE,
                strategy -> {
                    RecommenderModel model = keep(Family.FILTERING, strategy.fit(purchases, defaults(strategy),
                            TrainingContext.none()), "purchases");
                    List<String> lines = new ArrayList<>();
                    lines.add(String.format("top 3 for customers, from %,d purchases with %s", purchases.size(),
                            strategy.descriptor()));
                    String[] customers = retailer.customerIds();
                    for (int u = 0; u < Math.min(4, customers.length); u++) {
                        Recommendations top = model.recommend(customers[u], 3, Set.of());
                        List<String> items = new ArrayList<>();
                        for (int rank = 0; rank < top.size(); rank++) {
                            items.add(names.getOrDefault(top.itemId(rank), top.itemId(rank)));
                        }
                        lines.add(String.format("%s (%s): %s", customers[u], retailer.segment(u).label(),
                                String.join("; ", items)));
                    }
                    return lines;
                });
    }

    private List<String> segments(StrategyRegistry registry, RetailerDatasets datasets)
            throws InterruptedException {
        Transactions invoices = datasets.invoices();
        return registry.call(SegmentationStrategy.class, spec(registry, Family.SEGMENTATION, "rfm"), DEADLINE,
                strategy -> {
                    SegmentProfiles profiles = keep(Family.SEGMENTATION, strategy.fit(invoices, defaults(strategy),
                            TrainingContext.none()), "invoices").segments();
                    List<String> lines = new ArrayList<>();
                    lines.add(String.format("%d segments of %,d invoices with %s", profiles.size(), invoices.size(),
                            strategy.descriptor()));
                    StringBuilder header = new StringBuilder(String.format("%-20s %9s", "segment", "customers"));
                    for (String feature : profiles.featureNames()) {
                        header.append(String.format(" %12s", feature));
                    }
                    lines.add(header.toString());
                    for (int segment = 0; segment < profiles.size(); segment++) {
                        StringBuilder row = new StringBuilder(String.format("%-20s %9d", profiles.name(segment),
                                profiles.customerCount(segment)));
                        for (int feature = 0; feature < profiles.featureNames().length; feature++) {
                            row.append(String.format(" %12.1f", profiles.mean(feature, segment)));
                        }
                        lines.add(row.toString());
                    }
                    return lines;
                });
    }

    /**
     * Saves a model trained on the demo data set of that name, replacing the family's earlier demo
     * models: the demo data is the same at every start, so one more model per start would only fill
     * the store. A failure to save is logged, not fatal.
     */
    private <M extends Model> M keep(Family family, M model, String dataset) {
        if (store != null) {
            try {
                StoredModel saved = store.save(family, model, Map.of("source", "demo", "dataset", "demo/" + dataset));
                for (StoredModel older : store.list(family)) {
                    if (!older.id().equals(saved.id()) && "demo".equals(older.metadata().get("source"))) {
                        store.delete(older.id());
                    }
                }
            } catch (IOException e) {
                LOG.warn("Demo {}: the model was not saved: {}", family.id(), e.getMessage());
            }
        }
        return model;
    }

    private static Parameters defaults(Strategy<?, ?> strategy) {
        return Parameters.defaults(strategy.descriptor().parameters());
    }

    /** The family's configured default, else the given strategy. */
    private static String spec(StrategyRegistry registry, Family family, String fallback) throws InterruptedException {
        // conf/io.mercator.registry.cfg reaches the registry asynchronously, through FileInstall and Config Admin
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (registry.defaultSpec(family).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        try {
            return registry.resolve(family, "").descriptor().name();
        } catch (StrategyNotFoundException noDefault) {
            LOG.info("Demo {}: {}; using {}", family.id(), noDefault.getMessage(), fallback);
            return fallback;
        }
    }
}
