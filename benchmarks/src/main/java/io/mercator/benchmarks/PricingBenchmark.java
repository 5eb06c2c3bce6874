package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import io.mercator.platform.evaluation.pricing.PriceFiles;
import io.mercator.plugins.pricing.elasticity.LogLogStrategy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The pricing family's figures:
 * <ol>
 * <li>own-price elasticities per brand with 95% intervals on the Dominick's orange-juice panel
 * (all weeks), with and without shrinkage, beside R's lm of the same specification;</li>
 * <li>the published specification of Taddy's Business Data Science on the 3-brand subset,
 * reproduced here by OLS and compared term by term, with the brand elasticities it implies
 * beside the strategy's;</li>
 * <li>recommending prices under business rules (minimum margin, maximum change, competitor band,
 * .99 endings) for 100,000 SKUs of a synthetic constant-elasticity data set: fit once, then
 * time {@code recommend} (single thread), once per SKU and once with the SKUs as the sizes of
 * products under the size ladder, a weighted profit/revenue objective and row errors;</li>
 * <li>segment prices for a fifth as many SKUs sold to three customer segments: fit with
 * segments, then time prices per SKU and segment under the rules and a 10% segment spread.</li>
 * </ol>
 * Usage: {@code benchmarks/run pricing [DATA] [SKUS]}; DATA defaults to
 * {@code shared/data/dominicks-oj/sales.csv.gz} beside the repository (or beside a parent
 * folder). Output goes to stdout: this is a command-line tool.
 */
public final class PricingBenchmark {

    private static final String[] BRANDS = {"Tropicana Premium 64oz", "Tropicana Premium 96oz",
        "Florida's Natural 64oz", "Tropicana 64oz", "Minute Maid 64oz", "Minute Maid 96oz", "Citrus Hill 64oz",
        "Tree Fresh 64oz", "Florida Gold 64oz", "Dominick's 64oz", "Dominick's 128oz"};
    /**
     * Per brand, R's lm of the strategy's own specification with shrinkage off (store dummies, log
     * own and substitute price, deal, feat, two seasonal pairs), from
     * {@code benchmarks/r/pricing-reference.R}; LogLogReferenceTest pins them with their errors.
     */
    private static final double[] R_LM = {-2.6729, -1.8440, -3.2531, -3.7524, -3.0331, -2.2515, -3.5419, -2.8680,
        -3.9943, -3.0047, -1.0542};
    /**
     * Published: Taddy, Business Data Science (McGraw-Hill 2019), ch. 1-2, on the 3-brand file
     * oj.csv of github.com/TaddyLab/BDS, {@code glm(log(sales) ~ log(price)*brand*feat)}: the
     * coefficients of log(price), log(price):brandminute.maid, log(price):brandtropicana,
     * log(price):feat, log(price):brandminute.maid:feat and log(price):brandtropicana:feat. The
     * file is brands 10, 5 and 1 of this panel with price = round(64 x price per ounce, 2) and
     * feat = 1 when feat &gt; 0.
     */
    private static final String[] TADDY_TERMS = {"log(price)", "log(price):brandminute.maid",
        "log(price):brandtropicana", "log(price):feat", "log(price):brandminute.maid:feat",
        "log(price):brandtropicana:feat"};
    private static final double[] TADDY_PUBLISHED = {-2.77415, 0.78293, 0.73579, -0.47055, -1.10922, -0.98614};
    private static final double[] TADDY_PUBLISHED_SE = {0.03883, 0.06140, 0.05684, 0.07409, 0.12225, 0.12411};

    private PricingBenchmark() {
    }

    public static void main(String[] args) {
        // args[0] is the distribution archive (benchmarks/run passes it); this benchmark runs in-process
        Path data = args.length > 1 ? Path.of(args[1]) : sharedData("dominicks-oj/sales.csv.gz");
        int skus = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        System.out.printf(Locale.ROOT, "Mercator pricing benchmark on %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        PriceObservations juice = PriceFiles.read(data.toAbsolutePath());
        PricingModel shrunk = elasticityTable(juice, data.getFileName().toString());
        publishedSpecification(juice, shrunk);
        recommendationSpeed(skus);
        segmentSpeed(skus / 5);
    }

    /** Finds shared/data/FILE beside the repository or one of its parents (worktrees sit deeper). */
    static Path sharedData(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no shared/data/" + file + " next to " + Path.of("").toAbsolutePath()
                + " or its parents; pass the file as the second argument");
    }

    private static PricingModel fit(PriceObservations data, Map<String, ?> parameters) {
        LogLogStrategy strategy = new LogLogStrategy();
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    private static PricingModel elasticityTable(PriceObservations data, String file) {
        long start = System.nanoTime();
        PricingModel shrunk = fit(data, Map.of());
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        PricingModel own = fit(data, Map.of("shrinkage", false));
        System.out.printf(Locale.ROOT, "%n%s: %,d rows, %d brands, %d stores; log-log fit %.2f s%n",
                file, data.size(), data.products().size(), data.locations().size(), fitSeconds);
        System.out.printf(Locale.ROOT, "%-6s %-24s %22s %22s %8s %22s%n", "brand", "", "log-log (shrunk) 95%",
                "log-log (own) 95%", "R lm", "cross (substitutes) 95%");
        boolean allNegative = true;
        for (int b = 1; b <= BRANDS.length; b++) {
            Elasticity e = shrunk.elasticity("brand" + b);
            Elasticity o = own.elasticity("brand" + b);
            Elasticity c = shrunk.substituteElasticity("brand" + b);
            allNegative &= e.upperBound() < 0;
            System.out.printf(Locale.ROOT, "%-6d %-24s %6.2f [%5.2f, %5.2f] %6.2f [%5.2f, %5.2f] %8.2f "
                    + "%6.2f [%5.2f, %5.2f]%n", b, BRANDS[b - 1], e.estimate(), e.lowerBound(), e.upperBound(),
                    o.estimate(), o.lowerBound(), o.upperBound(), R_LM[b - 1], c.estimate(), c.lowerBound(),
                    c.upperBound());
        }
        Elasticity pooled = shrunk.elasticity("an unknown brand");
        System.out.printf(Locale.ROOT, "pooled (unknown products): %.2f [%.2f, %.2f]; every interval below 0: %s%n",
                pooled.estimate(), pooled.lowerBound(), pooled.upperBound(), allNegative);
        return shrunk;
    }

    /**
     * Refits the published 3-brand specification by OLS on the same rows of this panel and prints
     * it beside the published coefficients, then the brand elasticities it implies (without and
     * with a feature ad) beside the log-log strategy's.
     */
    private static void publishedSpecification(PriceObservations juice, PricingModel model) {
        String[] brands = {"brand10", "brand5", "brand1"}; // dominicks (the baseline), minute.maid, tropicana
        int rows = 0;
        for (int row = 0; row < juice.size(); row++) {
            rows += Arrays.asList(brands).contains(juice.products().id(juice.product(row))) ? 1 : 0;
        }
        double[] y = new double[rows];
        double[][] x = new double[rows][];
        int i = 0;
        for (int row = 0; row < juice.size(); row++) {
            int brand = Arrays.asList(brands).indexOf(juice.products().id(juice.product(row)));
            if (brand < 0) {
                continue;
            }
            double logPrice = Math.log(Math.round(64 * juice.price(row) * 100) / 100.0);
            double feat = juice.feature(row) > 0 ? 1 : 0;
            double mm = brand == 1 ? 1 : 0;
            double trop = brand == 2 ? 1 : 0;
            y[i] = Math.log(juice.units(row));
            // same columns as R's model.matrix of log(price)*brand*feat, intercept added by the solver
            x[i++] = new double[] {logPrice, mm, trop, feat, logPrice * mm, logPrice * trop, logPrice * feat,
                mm * feat, trop * feat, logPrice * mm * feat, logPrice * trop * feat};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        int[] slot = {1, 5, 6, 7, 10, 11}; // beta[0] is the intercept
        System.out.printf(Locale.ROOT, "%nPublished specification reproduced on the same %,d rows (brands 10, 5, 1 = "
                + "dominicks, minute.maid, tropicana): glm(log(sales) ~ log(price)*brand*feat)%n", rows);
        System.out.printf(Locale.ROOT, "%-34s %18s %18s%n", "term", "published (se)", "reproduced (se)");
        for (int t = 0; t < TADDY_TERMS.length; t++) {
            System.out.printf(Locale.ROOT, "%-34s %9.5f (%.5f) %9.5f (%.5f)%n", TADDY_TERMS[t], TADDY_PUBLISHED[t],
                    TADDY_PUBLISHED_SE[t], beta[slot[t]], se[slot[t]]);
        }
        System.out.printf(Locale.ROOT, "%-22s %16s %16s %26s%n", "brand", "published, no ad", "published, ad",
                "log-log (shrunk) 95%");
        double[] p = TADDY_PUBLISHED;
        double[][] implied = {{p[0], p[0] + p[3]}, {p[0] + p[1], p[0] + p[1] + p[3] + p[4]},
            {p[0] + p[2], p[0] + p[2] + p[3] + p[5]}};
        String[] names = {"Dominick's 64oz", "Minute Maid 64oz", "Tropicana Premium 64oz"};
        for (int b = 0; b < brands.length; b++) {
            Elasticity e = model.elasticity(brands[b]);
            System.out.printf(Locale.ROOT, "%-22s %16.2f %16.2f %8.2f [%5.2f, %5.2f]%n", names[b], implied[b][0],
                    implied[b][1], e.estimate(), e.lowerBound(), e.upperBound());
        }
        System.out.println("(" + model.strategyName() + " adds store effects, substitute prices, deal and "
                + "season, and has no price x feature term: its figures are not the published pooled fit's.)");
    }

    /**
     * Synthetic catalogue: SKU i sells {@code 50 * price^e_i * exp(noise)} over 10 weeks at prices
     * within 15% of a base price in [5, 20], with e_i uniform in [-4, -1.2].
     */
    private static void recommendationSpeed(int skus) {
        Random random = new Random(2024);
        PriceObservations.Builder history = PriceObservations.builder();
        double[] base = new double[skus];
        for (int i = 0; i < skus; i++) {
            base[i] = 5 + 15 * random.nextDouble();
            double e = -1.2 - 2.8 * random.nextDouble();
            for (int week = 0; week < 10; week++) {
                double price = base[i] * (0.85 + 0.3 * random.nextDouble());
                history.add("sku-" + i, week, price, 50 * Math.pow(price / base[i], e) * Math.exp(0.2
                        * random.nextGaussian()));
            }
        }
        PriceObservations data = history.build();
        long start = System.nanoTime();
        PricingModel model = fit(data, Map.of("seasonalHarmonics", 0));
        double fitSeconds = (System.nanoTime() - start) / 1e9;

        PriceRequest.Builder request = PriceRequest.builder();
        PriceRequest.Builder sized = PriceRequest.builder();
        for (int i = 0; i < skus; i++) {
            double current = base[i];
            double competitor = current * (0.95 + 0.1 * random.nextDouble());
            request.add("sku-" + i, 0.6 * current, current, 0.5 * current, 2 * current, competitor);
            // the same SKUs as sizes 1, 2 and 4 of one product per three, priced now on a consistent ladder (unit
            // price falling with size) that their own optima often break
            int size = 1 << (i % 3);
            double ladder = base[i - i % 3] * Math.pow(size, 0.8);
            sized.add("sku-" + i, 0.6 * ladder, ladder, 0.5 * ladder, 2 * ladder, ladder * competitor / current,
                    "group-" + i / 3, size);
        }
        System.out.printf(Locale.ROOT, "%n%,d SKUs x 10 weeks (%,d rows): log-log fit %.2f s%n", skus, data.size(),
                fitSeconds);
        PricingRules.Builder rules = PricingRules.builder().minMargin(0.1).maxChange(0.2).competitorRange(0.8, 1.25)
                .priceEnding(0.99);
        timeRecommendations(model, request.build(), rules.build(), "min margin 10%, max change 20%, competitor "
                + "0.8-1.25, .99 endings");
        timeRecommendations(model, sized.build(), rules.sizeLadder(true).weightedObjective(3, 1).rowErrors(true)
                .build(), "the same rules, size ladder over groups of 3 sizes, profit:revenue 3:1, row errors");
    }

    /**
     * Segment prices: {@code products} SKUs sold to 3 customer segments over 10 weeks at one shelf
     * price per week, segment s with elasticity e_i - 0.8 s + 0.8 (least to most price-sensitive):
     * fit once with segments, then time {@code recommendBySegment} for every SKU and segment under
     * the rules and a 10% segment spread.
     */
    private static void segmentSpeed(int products) {
        Random random = new Random(7);
        String[] segments = {"loyal", "casual", "switcher"};
        PriceObservations.Builder history = PriceObservations.builder();
        int[] segment = new int[products * 10 * segments.length];
        double[] base = new double[products];
        for (int i = 0; i < products; i++) {
            base[i] = 5 + 15 * random.nextDouble();
            double e = -2.0 - random.nextDouble();
            for (int week = 0; week < 10; week++) {
                double price = base[i] * (0.85 + 0.3 * random.nextDouble());
                for (int s = 0; s < segments.length; s++) {
                    segment[history.size()] = s;
                    history.add("sku-" + i, week, price, (60 - 20 * s) * Math.pow(price / base[i], e + 0.8 - 0.8 * s)
                            * Math.exp(0.2 * random.nextGaussian()));
                }
            }
        }
        PriceObservations data = history.build().withSegments(IdDictionary.of("segments", segments), segment);
        long start = System.nanoTime();
        PricingModel model = fit(data, Map.of("seasonalHarmonics", 0));
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        PriceRequest.Builder request = PriceRequest.builder();
        for (int i = 0; i < products; i++) {
            request.add("sku-" + i, 0.6 * base[i], base[i], 0.5 * base[i], 2 * base[i]);
        }
        PriceRequest built = request.build();
        PricingRules rules = PricingRules.builder().minMargin(0.1).maxChange(0.3).priceEnding(0.99)
                .maxSegmentSpread(0.1).build();
        double[] seconds = new double[5];
        double[] cpuSeconds = new double[seconds.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, PriceRecommendations> last = null;
        for (int run = 0; run < seconds.length; run++) {
            start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            last = model.recommendBySegment(built, rules, List.of(segments));
            cpuSeconds[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(cpuSeconds);
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        long spreadBound = last.values().stream().flatMap(prices -> Arrays.stream(prices.bindingRule()))
                .filter(rule -> rule.startsWith(PriceRecommendations.SEGMENT_SPREAD)).count();
        System.out.printf(Locale.ROOT, "%n%,d SKUs x 3 segments x 10 weeks (%,d rows): log-log fit with segments "
                + "%.2f s; recommendBySegment (min margin 10%%, max change 30%%, .99 endings, segment spread 10%%) for "
                + "%,d SKU-segments: first %.3f s, median %.3f s (CPU median %.3f s); %,d prices moved by the spread%n",
                products, data.size(), fitSeconds, products * segments.length, seconds[0], sorted[sorted.length / 2],
                cpuSeconds[cpuSeconds.length / 2], spreadBound);
    }

    private static void timeRecommendations(PricingModel model, PriceRequest request, PricingRules rules,
            String label) {
        double[] seconds = new double[7];
        double[] cpuSeconds = new double[seconds.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        PriceRecommendations last = null;
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            last = model.recommend(request, rules);
            cpuSeconds[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        double[] sortedCpu = cpuSeconds.clone();
        Arrays.sort(sortedCpu);
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        Map<String, Long> binding = Arrays.stream(last.bindingRule())
                .collect(Collectors.groupingBy(rule -> rule, TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "recommend %,d SKUs under %s: first %.3f s, median %.3f s, min %.3f s over %d "
                + "runs; CPU time of the calling thread: first %.3f s, median %.3f s (target < 5 s)%n", request.size(),
                label, seconds[0], sorted[sorted.length / 2], sorted[0], seconds.length, cpuSeconds[0],
                sortedCpu[sortedCpu.length / 2]);
        System.out.println("binding rules over the " + last.size() + " prices: " + binding);
    }
}
