package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.BatchScorer;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.plugins.filtering.collaborative.ImplicitAlsStrategy;
import io.mercator.plugins.filtering.collaborative.ItemKnnStrategy;
import io.mercator.plugins.filtering.collaborative.PopularityStrategy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Nightly batch scoring at scale: a synthetic retailer with a million customers, fitted once, then
 * top-10 new items for every customer written to CSV and to JSON lines through {@link BatchScorer}.
 * Prints users per second, output size and the peak heap during scoring. That peak counts garbage
 * not yet collected, so it grows with {@code -Xmx}; what scoring keeps live beyond the model and the
 * data is bounded by {@link BatchScorer}'s chunks in flight (run with a small {@code -Xmx} to see it).
 *
 * <p>The data: {@code items} products whose popularity falls off as a Zipf law, customers in 50
 * taste groups that each prefer their own tenth of the catalogue (70% of their purchases), and a
 * Poisson-like number of purchases per customer around {@code perUser}. Seeded, so every run sees
 * the same rows.
 *
 * <p>Arguments: the distribution archive (unused, passed by {@code benchmarks/run}), then optionally
 * users (default 1,000,000), items (20,000), mean purchases per user (8), strategy (item-knn,
 * implicit-als or popularity; default item-knn) and threads (2).
 */
public final class BatchScoringBenchmark {

    private static final int TASTES = 50;
    private static final Map<String, RecommenderStrategy> STRATEGIES = Map.of("item-knn", new ItemKnnStrategy(),
            "implicit-als", new ImplicitAlsStrategy(), "popularity", new PopularityStrategy());

    private BatchScoringBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int perUser = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String strategyName = args.length > 4 ? args[4] : "item-knn";
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        RecommenderStrategy strategy = STRATEGIES.get(strategyName);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown strategy " + strategyName + "; use one of " + STRATEGIES.keySet());
        }

        long started = System.nanoTime();
        Interactions purchases = purchases(users, items, perUser);
        System.out.printf(Locale.ROOT, "Mercator batch scoring on %d cores, %s, max heap %d MB: %,d users, %,d items, "
                + "%,d purchases (generated in %.1f s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20,
                purchases.users().size(), purchases.items().size(), purchases.size(), seconds(started));

        started = System.nanoTime();
        RecommenderModel model = strategy.fit(purchases, Parameters.defaults(strategy.descriptor().parameters()),
                TrainingContext.none());
        System.out.printf(Locale.ROOT, "%s fitted in %.1f s; heap in use after fit %d MB%n", strategyName,
                seconds(started), heapInUseMb());

        Path folder = Files.createTempDirectory("mercator-batch-scoring");
        System.out.printf(Locale.ROOT, "%-11s %7s %12s %10s %12s %14s%n", "format", "threads", "users/s", "seconds",
                "output MB", "heap peak MB");
        for (BatchScorer.Format format : BatchScorer.Format.values()) {
            Path file = folder.resolve("top10." + (format == BatchScorer.Format.CSV ? "csv" : "jsonl"));
            BatchScorer scorer = BatchScorer.builder(model).count(10).format(format).threads(threads)
                    .excludeSeen(purchases).build();
            System.gc();
            resetPeakHeap();
            BatchScorer.Summary summary = scorer.scoreAll(file);
            System.out.printf(Locale.ROOT, "%-11s %7d %,12.0f %10.1f %12.1f %14d%n", format, threads,
                    summary.usersPerSecond(), summary.nanos() / 1e9, Files.size(file) / 1048576.0, peakHeapMb());
            Files.delete(file);
        }
        Files.delete(folder);
    }

    /** Seeded synthetic purchases; see the class comment. */
    static Interactions purchases(int users, int items, int perUser) {
        SplittableRandom random = new SplittableRandom(20_261_122L);
        double[] cumulative = zipfCumulative(items / TASTES);
        double[] globalCumulative = zipfCumulative(items);
        Interactions.Builder builder = Interactions.builder();
        for (int user = 0; user < users; user++) {
            String userId = "c" + user;
            int taste = user % TASTES;
            int count = 1 + (int) Math.round(-Math.log(1 - random.nextDouble()) * (perUser - 1));
            for (int purchase = 0; purchase < count; purchase++) {
                int item = random.nextDouble() < 0.7
                        ? taste * (items / TASTES) + draw(cumulative, random)
                        : draw(globalCumulative, random);
                builder.add(userId, "p" + item, 1);
            }
        }
        return builder.build();
    }

    private static double[] zipfCumulative(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 0; rank < size; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(at < 0 ? -at - 1 : at, cumulative.length - 1);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long heapInUseMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at once. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
