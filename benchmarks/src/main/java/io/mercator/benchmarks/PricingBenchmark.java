package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import io.mercator.platform.evaluation.pricing.PriceFiles;
import io.mercator.plugins.pricing.elasticity.LogLogStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The pricing family's figures:
 * <ol>
 * <li>own-price elasticities per brand with 95% intervals on the Dominick's orange-juice panel
 * (all weeks), with and without shrinkage, beside the per-brand OLS reference of the data's
 * README;</li>
 * <li>recommending prices under business rules (minimum margin, maximum change, competitor band,
 * .99 endings) for 100,000 SKUs of a synthetic constant-elasticity data set: fit once, then
 * time {@code recommend} (single thread), once per SKU and once with the SKUs as the sizes of
 * products under the size ladder, a weighted profit/revenue objective and row errors.</li>
 * </ol>
 * Usage: {@code benchmarks/run pricing [DATA] [SKUS]}; DATA defaults to
 * {@code shared/data/dominicks-oj/sales.csv.gz} beside the repository (or beside a parent
 * folder). Output goes to stdout: this is a command-line tool.
 */
public final class PricingBenchmark {

    private static final String[] BRANDS = {"Tropicana Premium 64oz", "Tropicana Premium 96oz",
        "Florida's Natural 64oz", "Tropicana 64oz", "Minute Maid 64oz", "Minute Maid 96oz", "Citrus Hill 64oz",
        "Tree Fresh 64oz", "Florida Gold 64oz", "Dominick's 64oz", "Dominick's 128oz"};
    /** Per brand, logmove ~ store dummies + log(own price) + deal + feat, from the data's README. */
    private static final double[] README_OLS = {-2.48, -1.40, -2.78, -3.20, -2.35, -1.77, -2.27, -2.03, -3.28, -2.81,
        -1.12};

    private PricingBenchmark() {
    }

    public static void main(String[] args) {
        // args[0] is the distribution archive (benchmarks/run passes it); this benchmark runs in-process
        Path data = args.length > 1 ? Path.of(args[1]) : sharedData("dominicks-oj/sales.csv.gz");
        int skus = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        System.out.printf(Locale.ROOT, "Mercator pricing benchmark on %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        elasticityTable(data);
        recommendationSpeed(skus);
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

    private static void elasticityTable(Path file) {
        long start = System.nanoTime();
        PriceObservations data = PriceFiles.read(file.toAbsolutePath());
        double readSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        PricingModel shrunk = fit(data, Map.of());
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        PricingModel own = fit(data, Map.of("shrinkage", false));
        System.out.printf(Locale.ROOT, "%n%s: %,d rows, %d brands, %d stores; read %.2f s, log-log fit %.2f s%n",
                file.getFileName(), data.size(), data.products().size(), data.locations().size(), readSeconds,
                fitSeconds);
        System.out.printf(Locale.ROOT, "%-6s %-24s %22s %22s %8s %22s%n", "brand", "", "log-log (shrunk) 95%",
                "log-log (own) 95%", "README", "cross (substitutes) 95%");
        boolean allNegative = true;
        for (int b = 1; b <= BRANDS.length; b++) {
            Elasticity e = shrunk.elasticity("brand" + b);
            Elasticity o = own.elasticity("brand" + b);
            Elasticity c = shrunk.substituteElasticity("brand" + b);
            allNegative &= e.upperBound() < 0;
            System.out.printf(Locale.ROOT, "%-6d %-24s %6.2f [%5.2f, %5.2f] %6.2f [%5.2f, %5.2f] %8.2f "
                    + "%6.2f [%5.2f, %5.2f]%n", b, BRANDS[b - 1], e.estimate(), e.lowerBound(), e.upperBound(),
                    o.estimate(), o.lowerBound(), o.upperBound(), README_OLS[b - 1], c.estimate(), c.lowerBound(),
                    c.upperBound());
        }
        Elasticity pooled = shrunk.elasticity("an unknown brand");
        System.out.printf(Locale.ROOT, "pooled (unknown products): %.2f [%.2f, %.2f]; every interval below 0: %s%n",
                pooled.estimate(), pooled.lowerBound(), pooled.upperBound(), allNegative);
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

    private static void timeRecommendations(PricingModel model, PriceRequest request, PricingRules rules,
            String label) {
        double[] seconds = new double[7];
        PriceRecommendations last = null;
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            last = model.recommend(request, rules);
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        Map<String, Long> binding = Arrays.stream(last.bindingRule())
                .collect(Collectors.groupingBy(rule -> rule, TreeMap::new, Collectors.counting()));
        System.out.printf(Locale.ROOT, "recommend %,d SKUs under %s: first %.3f s, median %.3f s, min %.3f s over %d "
                + "runs (target < 5 s)%n", request.size(), label, seconds[0], sorted[sorted.length / 2], sorted[0],
                seconds.length);
        System.out.println("binding rules over the " + last.size() + " prices: " + binding);
    }
}
