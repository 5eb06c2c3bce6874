package io.mercator.launcher;

import io.mercator.api.Family;
import io.mercator.api.Strategy;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingStrategy;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.Model;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.demo.Retailer;
import io.mercator.demo.RetailerCsv;
import io.mercator.demo.RetailerDatasets;
import io.mercator.demo.RetailerGenerator;
import io.mercator.demo.RetailerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo behind {@code start --demo}: deploys the sample strategy from {@code samples/}, writes
 * the generated demo retailer to {@code data/demo/} (once; later starts reuse it) with its product
 * catalogue as the item catalogue ({@code data/items.csv}), and once the
 * runtime is ready registers its files as data sets, trains every family's default strategy on them
 * as training jobs (reusing the data sets and models of an earlier start when neither the files nor
 * the default strategy changed) and logs what each model answers: forecasts, elasticities against
 * the planted ones and advised prices, reorder plans, recommendations and segments.
 */
public final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    static final String SAMPLE = "seasonal-naive-1.0.0.jar";
    static final int SEASON = 7;
    static final int HORIZON = 7;
    private static final int ROWS_SHOWN = 6;
    /** The item catalogue under data/, where the REST API reads it (framework property io.mercator.rest.items). */
    static final String ITEMS = "items.csv";
    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final Duration JOBS_DEADLINE = Duration.ofMinutes(10);
    private static final Duration STRATEGY_WAIT = Duration.ofSeconds(10);

    /** The demo retailers offered by {@code start --demo --size}. */
    public enum Size {
        /** Starts in seconds. */
        SMALL("demo", 256),
        /** Shows performance; opening its 11 million demand rows for training takes most of the heap. */
        LARGE("demo-large", 4096);

        final String folder;
        /** The heap the demo needs, measured. */
        final long heapMb;

        Size(String folder, long heapMb) {
            this.folder = folder;
            this.heapMb = heapMb;
        }

        /** @return the size and seed of this retailer */
        public RetailerSpec spec() {
            return this == SMALL ? RetailerSpec.small() : RetailerSpec.large();
        }
    }

    private final Retailer retailer;
    private final Path folder;
    /** The folder's name under data/: the prefix of the data sets' labels. */
    private final String name;
    private ModelStore store;

    private Demo(Retailer retailer, Path folder, String name) {
        this.retailer = retailer;
        this.folder = folder;
        this.name = name;
    }

    /**
     * Before the framework starts: deploys the sample strategy (unless a bundle of that name is
     * already deployed) and writes the demo retailer's files if they are missing.
     *
     * @param home the installation
     * @param deploy its deploy folder
     * @param size which retailer: each size has its own folder under {@code data/}
     * @return the demo, to {@link #run} once the runtime is ready
     */
    static Demo prepare(Home home, DeployFolder deploy, Size size) {
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
        Path folder = home.data().resolve(size.folder);
        RetailerSpec spec = size.spec();
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        if (heapMb < size.heapMb) {
            LOG.warn("Demo: the {} retailer needs a heap of about {} MB to be imported and trained on; this one has {} "
                    + "MB: start with MERCATOR_HEAP={}g", size.name().toLowerCase(Locale.ROOT), size.heapMb, heapMb,
                    (size.heapMb + 1023) / 1024);
        }
        LOG.info("Demo: generating the {} retailer: {} stores, {} products, {} customers, {} days", size.name(),
                spec.stores(), spec.skus(), spec.customers(), spec.days());
        long begin = System.nanoTime();
        Retailer retailer = RetailerGenerator.generate(spec, RetailerGenerator.everyTenth(percent ->
                LOG.info("Demo: demand series {}% generated", percent)));
        LOG.info("Demo: generated in {} ms", (System.nanoTime() - begin) / 1_000_000);
        // written last: when it exists, so do the others
        if (!Files.isRegularFile(folder.resolve("optimization/position.csv"))) {
            try {
                RetailerCsv.write(retailer, folder);
                LOG.info("Demo: wrote the demo retailer to {} ({})", home.root().relativize(folder), retailer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the demo data to " + folder + ": " + e.getMessage(), e);
            }
        }
        installCatalogue(folder.resolve("catalogue.csv"), home.data().resolve(ITEMS));
        return new Demo(retailer, folder, size.folder);
    }

    /**
     * Makes the demo's product catalogue the runtime's item catalogue (names and categories in the
     * REST answers and the console), unless a newer one (an operator's) is in place already.
     */
    private static void installCatalogue(Path catalogue, Path items) {
        try {
            if (Files.isRegularFile(items)
                    && !Files.getLastModifiedTime(items).toInstant().isBefore(
                            Files.getLastModifiedTime(catalogue).toInstant())) {
                return;
            }
            Files.createDirectories(items.getParent());
            Path temporary = Files.createTempFile(items.getParent(), "." + items.getFileName(), ".tmp");
            try {
                Files.copy(catalogue, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, items, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.info("Demo: the demo's product catalogue is the item catalogue now (data/{})", ITEMS);
        } catch (IOException e) {
            LOG.warn("Demo: recommendations will show item ids only: cannot copy {} to {}: {}", catalogue, items,
                    e.getMessage());
        }
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
     * One family's demo data set: a file written under {@code data/demo/}, imported unchanged, with
     * the column mapping for the columns whose names are not among the family's field aliases. Its
     * label is the folder's name and the suffix, e.g. {@code demo/demand}. The fallback strategy
     * (the shipped default) trains when no default is configured.
     */
    private record DemoData(Family family, String file, String suffix, Map<String, String> columns,
            String fallback) {
    }

    /** What each family trains on, in the order the showcase shows them. */
    private static final List<DemoData> DATA = List.of(
            new DemoData(Family.FORECASTING, "forecasting/demand.csv", "demand", Map.of(), "combination"),
            new DemoData(Family.PRICING, "pricing/prices.csv", "prices", Map.of(), "log-log"),
            new DemoData(Family.OPTIMIZATION, "forecasting/demand.csv", "demand-history",
                    Map.of("sku", "series"), "order-up-to"),
            new DemoData(Family.FILTERING, "transactions.csv", "purchases",
                    Map.of("user_id", "customer", "item_id", "sku", "value", "quantity"), "item-knn"),
            new DemoData(Family.SEGMENTATION, "segmentation/transactions.csv", "invoices", Map.of(), "rfm"));

    /** The services the demo pipeline uses. */
    record Services(StrategyRegistry registry, ModelStore store, DatasetService datasets, JobService jobs) {
    }

    /**
     * Registers the demo files as data sets, trains every family's default strategy on them as
     * training jobs (unless a model of that strategy version on that data set is stored already),
     * then logs what each model answers: forecasts, elasticities against the planted ones and
     * advised prices, reorder plans, recommendations and segments. Never throws.
     *
     * @param services the runtime's services; a missing one is null
     */
    void run(Services services) {
        if (services.registry() == null || services.store() == null || services.datasets() == null
                || services.jobs() == null) {
            LOG.warn("Demo: the strategy registry, model store, data set service or job service is not running; "
                    + "nothing to train");
            return;
        }
        this.store = services.store();
        Map<Family, StoredModel> models = train(services);
        RetailerDatasets datasets = new RetailerDatasets(retailer);
        StrategyRegistry registry = services.registry();
        showcase(models, Family.FORECASTING, model -> forecasts(registry, model, datasets));
        showcase(models, Family.PRICING, model -> prices(registry, model, datasets));
        showcase(models, Family.OPTIMIZATION, model -> replenishment(registry, model, datasets));
        showcase(models, Family.FILTERING, model -> recommendations(registry, model));
        showcase(models, Family.SEGMENTATION, model -> segments(registry, model, datasets));
        LOG.info("Demo: the planted truth behind these figures is in data/{}/truth/; query the models with "
                + "'mercator forecast', 'price', 'plan', 'recommend' and 'segment'", name);
    }

    /** @return the model of each family's default strategy on its demo data set, reused or trained now */
    private Map<Family, StoredModel> train(Services services) {
        Map<Family, StoredModel> models = new EnumMap<>(Family.class);
        Map<Family, JobInfo> jobs = new LinkedHashMap<>();
        for (DemoData data : DATA) {
            try {
                DatasetInfo dataset = registered(services.datasets(), data);
                StrategyInfo strategy = defaultStrategy(services.registry(), data);
                StoredModel trained = trainedModel(data.family(), dataset.id(), strategy);
                if (trained != null) {
                    LOG.info("Demo {}: reusing model {} of {} trained on data set {} ({})", data.family().id(),
                            trained.id(), strategy.descriptor(), dataset.id(), label(data));
                    models.put(data.family(), trained);
                } else {
                    JobInfo job = services.jobs().startTraining(new TrainingRequest(data.family(), dataset.id(),
                            strategy.descriptor().name(), Map.of()));
                    LOG.info("Demo {}: training {} on data set {} ({}) as job {}", data.family().id(),
                            strategy.descriptor(), dataset.id(), label(data), job.id());
                    jobs.put(data.family(), job);
                }
            } catch (StrategyNotFoundException noStrategy) {
                LOG.info("Demo {}: skipped, {}", data.family().id(), noStrategy.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Demo {}: cannot prepare the training: {}", data.family().id(), e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return models;
            }
        }
        try {
            awaitJobs(services.jobs(), jobs, models);
        } catch (IOException e) {
            LOG.warn("Demo: cannot read the trained models: {}", e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return models;
    }

    /**
     * The family's demo data set: the one registered under the demo label, unless its file changed
     * since (then it is imported again, replacing the old one).
     */
    private String label(DemoData data) {
        return name + "/" + data.suffix();
    }

    private DatasetInfo registered(DatasetService service, DemoData data) throws IOException {
        Path file = folder.resolve(data.file());
        String label = label(data);
        Instant written = Files.getLastModifiedTime(file).toInstant();
        for (DatasetInfo dataset : service.list()) {
            if (dataset.family() == data.family() && dataset.label().equals(label)) {
                if (!written.isAfter(dataset.createdAt())) {
                    LOG.info("Demo {}: reusing data set {} ({}, {} rows)", data.family().id(), dataset.id(), label,
                            dataset.rows());
                    return dataset;
                }
                LOG.info("Demo {}: {} changed since data set {} was imported; importing it again",
                        data.family().id(), data.file(), dataset.id());
                service.delete(dataset.id());
            }
        }
        ImportOptions.Builder options = ImportOptions.builder().label(label).seasonLength(SEASON);
        data.columns().forEach(options::column);
        DatasetInfo imported = service.importData(data.family(), FileSource.of(file), options.build(),
                new LoggingProgress("Demo: importing data/" + name + "/" + data.file()));
        LOG.info("Demo {}: registered data/{}/{} as data set {} ({}, {} rows)", data.family().id(), name,
                data.file(), imported.id(), label, imported.rows());
        return imported;
    }

    /** @return the newest stored model of this strategy version trained on that data set, or null */
    private StoredModel trainedModel(Family family, String datasetId, StrategyInfo strategy) throws IOException {
        for (StoredModel model : store.list(family)) {
            if (datasetId.equals(model.metadata().get(JobService.DATASET_METADATA))
                    && model.strategyName().equals(strategy.descriptor().name())
                    && model.strategyVersion().equals(strategy.descriptor().version())) {
                return model;
            }
        }
        return null;
    }

    /** Waits for the training jobs, logging their progress; puts each successful job's model. */
    private void awaitJobs(JobService service, Map<Family, JobInfo> jobs, Map<Family, StoredModel> models)
            throws InterruptedException, IOException {
        Map<Family, Long> shown = new EnumMap<>(Family.class);
        long deadline = System.nanoTime() + JOBS_DEADLINE.toNanos();
        Map<Family, JobInfo> running = new LinkedHashMap<>(jobs);
        while (!running.isEmpty()) {
            for (var entry : new ArrayList<>(running.entrySet())) {
                Family family = entry.getKey();
                JobInfo job = service.find(entry.getValue().id()).orElse(entry.getValue());
                long percent = Math.round(job.progress() * 100);
                if (job.state() == JobState.SUCCEEDED) {
                    running.remove(family);
                    store.find(job.modelId()).ifPresent(model -> models.put(family, model));
                    LOG.info("Demo {}: job {} trained model {} in {} ms", family.id(), job.id(), job.modelId(),
                            job.runTime().toMillis());
                } else if (job.state() == JobState.FAILED || job.state() == JobState.CANCELLED) {
                    running.remove(family);
                    LOG.warn("Demo {}: job {} {}: {}", family.id(), job.id(), job.state().name().toLowerCase(Locale.ROOT),
                            job.error() != null ? job.error() : job.message());
                } else if (!Long.valueOf(percent / 10).equals(shown.put(family, percent / 10))) {
                    // every tenth: a large data set's job runs for minutes
                    LOG.info("Demo {}: job {} {} {}% {}", family.id(), job.id(), job.state().name().toLowerCase(Locale.ROOT),
                            percent, job.message());
                }
            }
            if (!running.isEmpty() && System.nanoTime() > deadline) {
                LOG.warn("Demo: jobs {} still running after {}; they go on, the showcase goes without them",
                        running.values().stream().map(JobInfo::id).toList(), JOBS_DEADLINE);
                return;
            }
            Thread.sleep(running.isEmpty() ? 0 : 250);
        }
    }

    /** What one family shows, from its model: lines to log. */
    @FunctionalInterface
    private interface Showcase {
        List<String> lines(StoredModel model) throws InterruptedException;
    }

    private static void showcase(Map<Family, StoredModel> models, Family family, Showcase showcase) {
        StoredModel model = models.get(family);
        if (model == null) {
            return;
        }
        long begin = System.nanoTime();
        try {
            List<String> lines = showcase.lines(model);
            lines.forEach(line -> LOG.info("Demo {}: {}", family.id(), line));
            LOG.info("Demo {}: answered in {} ms", family.id(), (System.nanoTime() - begin) / 1_000_000);
        } catch (StrategyNotFoundException noStrategy) {
            LOG.info("Demo {}: skipped, {}", family.id(), noStrategy.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Demo {}: failed: {}", family.id(), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stored model with the strategy that made it and answers with it. */
    @FunctionalInterface
    private interface ModelUse<S, M, R> {
        R apply(S strategy, M model);
    }

    @SuppressWarnings("unchecked")
    private <S extends Strategy<?, ?>, M extends Model, R> R withModel(StrategyRegistry registry, Class<S> type,
            StoredModel stored, ModelUse<S, M, R> use) {
        return registry.call(type, stored.strategyName() + "@" + stored.strategyVersion(), DEADLINE, strategy -> {
            try (InputStream in = store.open(stored.id())) {
                return use.apply(strategy, (M) strategy.readModel(in));
            }
        });
    }

    private List<String> forecasts(StrategyRegistry registry, StoredModel stored, RetailerDatasets datasets) {
        SeriesSet data = datasets.demand();
        return this.<ForecastStrategy, ForecastModel, List<String>>withModel(registry, ForecastStrategy.class, stored,
                (strategy, model) -> {
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

    private List<String> prices(StrategyRegistry registry, StoredModel stored, RetailerDatasets datasets) {
        PriceRequest request = datasets.priceRequest(ROWS_SHOWN, 0.2);
        return this.<PricingStrategy, PricingModel, List<String>>withModel(registry, PricingStrategy.class, stored,
                (strategy, model) -> {
            PriceRecommendations recommended = model.recommend(request);
            List<String> lines = new ArrayList<>();
            lines.add(String.format("elasticities with %s (model %s); prices within 20%% of today's",
                    strategy.descriptor(), stored.id()));
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

    private List<String> replenishment(StrategyRegistry registry, StoredModel stored, RetailerDatasets datasets) {
        ReplenishmentInput input = datasets.replenishment(0.95);
        return this.<ReplenishmentStrategy, ReplenishmentModel, List<String>>withModel(registry,
                ReplenishmentStrategy.class, stored, (strategy, model) -> {
                    ReplenishmentPlan plan = model.plan(input);
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

    private List<String> recommendations(StrategyRegistry registry, StoredModel stored) {
        Map<String, String> names = new HashMap<>();
        String[] skus = retailer.skuIds();
        for (int sku = 0; sku < skus.length; sku++) {
            names.put(skus[sku], retailer.productName(sku));
        }
        return this.<RecommenderStrategy, RecommenderModel, List<String>>withModel(registry,
                RecommenderStrategy.class, stored, (strategy, model) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(String.format("top 3 for customers with %s (model %s)", strategy.descriptor(),
                            stored.id()));
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

    private List<String> segments(StrategyRegistry registry, StoredModel stored, RetailerDatasets datasets) {
        Transactions invoices = datasets.invoices();
        return this.<SegmentationStrategy, SegmentationModel, List<String>>withModel(registry,
                SegmentationStrategy.class, stored, (strategy, model) -> {
                    SegmentProfiles profiles = model.segments();
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
     * The family's configured default strategy, else the shipped default; waits a few seconds for
     * them, as the configuration and the strategy bundles arrive asynchronously after start-up.
     */
    private static StrategyInfo defaultStrategy(StrategyRegistry registry, DemoData data) throws InterruptedException {
        long deadline = System.nanoTime() + STRATEGY_WAIT.toNanos();
        while (true) {
            boolean configured = registry.defaultSpec(data.family()).isPresent();
            String spec = configured ? "" : data.fallback();
            try {
                if (configured || System.nanoTime() > deadline) {
                    return registry.resolve(data.family(), spec);
                }
            } catch (StrategyNotFoundException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            Thread.sleep(20);
        }
    }
}
