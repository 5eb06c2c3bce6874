package io.mercator.platform.evaluation.segmentation;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.api.segmentation.ClusterQuality;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.PropensityModel;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Compares segmentation strategies on one transactions file: every strategy is fitted on all
 * customers, and its fit-time segments are judged on a common feature space (see
 * {@link SegmentationMetrics}), so that RFM grids and clusterings can be compared.
 */
@Component(service = Evaluator.class, immediate = true,
        property = Evaluator.FAMILY_PROPERTY + "=segmentation")
public final class SegmentationEvaluator implements Evaluator {

    static final String ANALYSIS_DATE = CustomerFeatures.ANALYSIS_DATE.name();
    static final String SEED = "seed";
    static final String SILHOUETTE_SAMPLE = "silhouetteSample";
    static final String STABILITY_RUNS = "stabilityRuns";

    static final List<String> COLUMNS = List.of("segments", "silhouette", "Davies-Bouldin", "WCSS", "stability ARI",
            "AUC", "log-loss", "Brier", "calibration error", "fit ms");

    private static final List<ParameterSpec> OPTIONS = List.of(
            CustomerFeatures.ANALYSIS_DATE,
            ParameterSpec.integer(SEED, "Seed of the silhouette sample and of strategies that take a seed", 42,
                    Integer.MIN_VALUE, Integer.MAX_VALUE),
            ParameterSpec.integer(SILHOUETTE_SAMPLE, "Customers sampled for the silhouette", 2000, 100, 100_000),
            ParameterSpec.integer(STABILITY_RUNS, "Refits with other seeds, for strategies that take a seed", 4, 0, 10));

    @Reference
    private StrategyRegistry registry;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    /** For DS. */
    public SegmentationEvaluator() {
    }

    SegmentationEvaluator(StrategyRegistry registry, Logger logger) {
        this.registry = registry;
        this.logger = logger;
    }

    @Override
    public Family family() {
        return Family.SEGMENTATION;
    }

    @Override
    public List<ParameterSpec> options() {
        return OPTIONS;
    }

    @Override
    public EvaluationReport evaluate(EvaluationRequest request, TrainingContext context) {
        Parameters options = request.options();
        TransactionsCsv.Result read = TransactionsCsv.read(request.data());
        Transactions transactions = read.transactions();
        CustomerFeatures features = CustomerFeatures.of(transactions, options.getString(ANALYSIS_DATE));
        int[] active = IntStream.range(0, features.size()).filter(features::isActive).toArray();
        double[] points = SegmentationMetrics.commonSpace(features, active);
        List<String> specs = request.strategies().isEmpty() ? everyStrategy() : request.strategies();

        List<EvaluationReport.Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String analysisDate = LocalDate.ofEpochDay(features.analysisDay()).toString();
        notes.add(String.format("data: %d lines, %d without a customer id skipped; %d transactions of %d customers, "
                + "%d with a purchase before %s", read.lines(), read.skipped(), transactions.size(), features.size(),
                active.length, analysisDate));
        notes.add("every strategy is fitted on all transactions before " + analysisDate + " (its analysisDate "
                + "parameter, when it has one) and judged by its fit-time segments of the customers with a purchase");
        notes.add("common space: z-scored log(1+recency days), log(1+purchases), log(1+max(0, net spend)); "
                + "silhouette (higher is better, on a seeded sample of " + options.getInt(SILHOUETTE_SAMPLE)
                + "), Davies-Bouldin (lower is better) and WCSS (sum of squared distances to segment means) there");
        notes.add("stability ARI: mean adjusted Rand index over every pair of the fits with the evaluation seed and "
                + options.getInt(STABILITY_RUNS) + " next seeds; 1 for strategies without a seed");
        notes.add("segment lines: every profile feature's mean, median and [25th, 75th percentile] in its own units; "
                + "top categories where the file has a category, description or stock_code column: the part of the "
                + "segment's customers who bought it and the lift over all customers");
        notes.add("AUC, log-loss, Brier score and calibration error (10 equal-width bins) only for propensity models, "
                + "with a reliability table below, on a time "
                + "split: refitted with the analysis date moved back by the model's horizon, scored on whether each "
                + "customer then bought within the horizon");
        for (int s = 0; s < specs.size(); s++) {
            context.checkCancelled();
            context.progress((double) s / specs.size(), specs.get(s));
            try (StrategyLease<SegmentationStrategy> lease = registry.acquire(SegmentationStrategy.class, specs.get(s))) {
                String label = lease.info().descriptor().name() + "@" + lease.info().descriptor().version();
                try {
                    rows.add(new EvaluationReport.Row(label, evaluate(lease.strategy(),
                            request.givenParameters(lease.info().descriptor()), transactions, features, active,
                            points, options, context, profiles -> notes.addAll(describe(label, profiles)),
                            table -> notes.add(label + " reliability on the time split: " + table))));
                } catch (StrategyNotFoundException | CancellationException stop) {
                    throw stop;
                } catch (RuntimeException failure) {
                    lease.failed(failure);
                    logger.warn("Segmentation strategy {} failed: {}", label, failure.toString());
                    notes.add(label + " failed: " + failure.getMessage());
                    double[] missing = new double[COLUMNS.size()];
                    Arrays.fill(missing, Double.NaN);
                    rows.add(new EvaluationReport.Row(label, missing));
                }
            }
        }
        context.progress(1, "");
        String title = "segmentation on " + request.data().getFileName() + ": " + active.length + " customers as of "
                + analysisDate;
        return new EvaluationReport(title, COLUMNS, rows, notes);
    }

    private List<String> everyStrategy() {
        return registry.list(Family.SEGMENTATION).stream().map(info -> info.descriptor().name()).distinct().toList();
    }

    private double[] evaluate(SegmentationStrategy strategy, Map<String, String> givenParameters,
            Transactions transactions, CustomerFeatures features,
            int[] active, double[] points, Parameters options, TrainingContext context,
            Consumer<SegmentProfiles> profiles, Consumer<String> reliability) {
        StrategyDescriptor descriptor = strategy.descriptor();
        Map<String, Object> given = new HashMap<>(givenParameters);
        if (declares(descriptor, ANALYSIS_DATE)) {
            given.put(ANALYSIS_DATE, LocalDate.ofEpochDay(features.analysisDay()).toString());
        }
        boolean seeded = declares(descriptor, SEED);
        int seed = options.getInt(SEED);
        if (seeded) {
            given.put(SEED, seed);
        }
        long start = System.nanoTime();
        SegmentationModel model = strategy.fit(transactions, Parameters.resolve(descriptor.parameters(), given), context);
        double fitMillis = (System.nanoTime() - start) / 1e6;
        profiles.accept(model.segments());
        int[] labels = labels(model, features, active);
        int dimensions = CustomerFeatures.NAMES.length;
        double stability = 1;
        int runs = seeded ? options.getInt(STABILITY_RUNS) : 0;
        if (runs > 0) {
            List<int[]> fits = new ArrayList<>(List.of(labels));
            for (int run = 1; run <= runs; run++) {
                given.put(SEED, seed + run);
                SegmentationModel refit = strategy.fit(transactions, Parameters.resolve(descriptor.parameters(), given),
                        context);
                fits.add(labels(refit, features, active));
            }
            double sum = 0;
            int pairs = 0;
            for (int first = 0; first < fits.size(); first++) {
                for (int second = first + 1; second < fits.size(); second++) {
                    sum += SegmentationMetrics.adjustedRandIndex(fits.get(first), fits.get(second));
                    pairs++;
                }
            }
            stability = sum / pairs;
        }
        double[] propensity = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (model instanceof PropensityModel propensityModel && declares(descriptor, ANALYSIS_DATE)) {
            int cutoff = features.analysisDay() - propensityModel.horizonDays();
            given.put(ANALYSIS_DATE, LocalDate.ofEpochDay(cutoff).toString());
            given.computeIfPresent(SEED, (name, value) -> seed);
            SegmentationModel past = strategy.fit(transactions, Parameters.resolve(descriptor.parameters(), given),
                    context);
            propensity = timeSplit((PropensityModel) past, transactions, cutoff, features.analysisDay(), reliability);
        }
        return new double[] {
            model.segments().size(),
            ClusterQuality.silhouette(points, dimensions, labels, options.getInt(SILHOUETTE_SAMPLE), seed),
            ClusterQuality.daviesBouldin(points, dimensions, labels),
            ClusterQuality.withinSumOfSquares(points, dimensions, labels),
            stability,
            propensity[0],
            propensity[1],
            propensity[2],
            propensity[3],
            fitMillis,
        };
    }

    /**
     * @return one line per segment with its size, every feature's mean, median and quartiles, and
     *     its top categories with the part of its customers who bought them and their lift, e.g.
     *     {@code rfm@1.0.0 champions: 412 customers; recencyDays mean 9.5 median 7 [3, 14]; ...}
     */
    static List<String> describe(String label, SegmentProfiles profiles) {
        String[] features = profiles.featureNames();
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < profiles.size(); s++) {
            StringBuilder text = new StringBuilder(label).append(' ').append(profiles.name(s)).append(": ")
                    .append(profiles.customerCount(s)).append(" customers");
            for (int f = 0; f < features.length; f++) {
                text.append("; ").append(features[f]).append(" mean ").append(number(profiles.mean(f, s)));
                if (profiles.hasQuantiles()) {
                    double[] quantiles = profiles.quantiles(f, s);
                    text.append(" median ").append(number(quantiles[2])).append(" [").append(number(quantiles[1]))
                            .append(", ").append(number(quantiles[3])).append(']');
                }
            }
            List<SegmentProfiles.CategoryShare> top = profiles.topCategories(s);
            for (int c = 0; c < top.size(); c++) {
                text.append(c == 0 ? "; top categories: " : ", ").append(top.get(c).category())
                        .append(String.format(Locale.ROOT, " %.0f%% (lift %.1f)", 100 * top.get(c).share(),
                                top.get(c).lift()));
            }
            lines.add(text.toString());
        }
        return lines;
    }

    /** @return the value with three significant digits at most, no exponent, e.g. 0.243, 12.5, 1234 */
    private static String number(double value) {
        double magnitude = Math.abs(value);
        int decimals = magnitude >= 100 || magnitude == 0 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * @return AUC, log-loss, Brier score and calibration error of the model's probabilities against
     *     purchases from cutoff to end; the reliability table goes to {@code reliability}
     */
    private static double[] timeSplit(PropensityModel model, Transactions transactions, int cutoff, int end,
            Consumer<String> reliability) {
        int customers = transactions.customers().size();
        boolean[] bought = new boolean[customers];
        for (int row = 0; row < transactions.size(); row++) {
            if (transactions.day(row) >= cutoff && transactions.day(row) < end && transactions.amount(row) > 0) {
                bought[transactions.customer(row)] = true;
            }
        }
        double[] probability = new double[customers];
        boolean[] positive = new boolean[customers];
        int scored = 0;
        for (int c = 0; c < customers; c++) {
            OptionalDouble p = model.probabilityOf(transactions.customers().id(c));
            if (p.isPresent()) {
                probability[scored] = p.getAsDouble();
                positive[scored++] = bought[c];
            }
        }
        probability = Arrays.copyOf(probability, scored);
        positive = Arrays.copyOf(positive, scored);
        reliability.accept(SegmentationMetrics.reliabilityTable(probability, positive));
        return new double[] {SegmentationMetrics.auc(probability, positive),
            SegmentationMetrics.logLoss(probability, positive), SegmentationMetrics.brierScore(probability, positive),
            SegmentationMetrics.calibrationError(probability, positive)};
    }

    private static boolean declares(StrategyDescriptor descriptor, String parameter) {
        return descriptor.parameters().stream().anyMatch(spec -> spec.name().equals(parameter));
    }

    /** @return per active customer, its fit-time segment */
    private static int[] labels(SegmentationModel model, CustomerFeatures features, int[] active) {
        int[] labels = new int[active.length];
        for (int row = 0; row < active.length; row++) {
            labels[row] = model.segmentOf(features.customers().id(active[row]));
        }
        return labels;
    }
}
