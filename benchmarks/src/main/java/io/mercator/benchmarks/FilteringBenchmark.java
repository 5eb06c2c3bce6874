package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.platform.evaluation.filtering.RankingProtocol;
import io.mercator.plugins.filtering.collaborative.AssociationRulesStrategy;
import io.mercator.plugins.filtering.collaborative.BiasedMfStrategy;
import io.mercator.plugins.filtering.collaborative.ImplicitAlsStrategy;
import io.mercator.plugins.filtering.collaborative.ItemKnnStrategy;
import io.mercator.plugins.filtering.collaborative.PopularityStrategy;
import io.mercator.plugins.filtering.collaborative.UserKnnStrategy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.mahout.cf.taste.common.TasteException;

/**
 * The filtering family's figures on MovieLens 100K with the standard u1..u5 folds, in process:
 * RMSE of each built-in rating predictor (mean over folds), fit time (median over folds and repetitions),
 * serialised model size, and the latency of a top-10 query that excludes the user's rated items
 * (median and 99th percentile over every user, after a warm-up), then a side-by-side run against
 * Apache Mahout's Taste recommenders ({@link MahoutComparison}); before it, top-N figures (nDCG@10,
 * Recall@20, ...) of every built-in strategy that needs no registry or catalogue on a per-user
 * time-ordered split ({@link RankingProtocol}). Output goes to stdout.
 *
 * <p>Arguments: the distribution archive (unused, passed by {@code benchmarks/run}), then optionally
 * the ratings file (default {@code ../shared/data/movielens-100k/ratings.csv}) and the number of
 * repetitions (default 2).
 */
public final class FilteringBenchmark {

    private static final int FOLDS = 5;
    private static final int WARM_UP_PASSES = 3;

    /** One rating row: user, item, value and its test fold. */
    record Rating(String user, String item, double value, int fold) {
    }

    private FilteringBenchmark() {
    }

    public static void main(String[] args) throws IOException, TasteException {
        Path ratingsFile = Path.of(args.length > 1 ? args[1] : "../shared/data/movielens-100k/ratings.csv");
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<Rating> ratings = read(ratingsFile);
        System.out.printf(Locale.ROOT, "Mercator filtering benchmark on %d cores, %s; %d ratings from %s, "
                + "folds u1..u5, %d repetitions%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), ratings.size(), ratingsFile, repetitions);
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %12s %12s %12s %14s %14s%n", "strategy", "RMSE", "MAE",
                "fit ms p50", "fit ms min", "model KB", "top-10 us p50", "top-10 us p99");
        for (RecommenderStrategy strategy : List.of(new PopularityStrategy(), new ItemKnnStrategy(),
                new UserKnnStrategy(), new BiasedMfStrategy())) {
            run(strategy, ratings, repetitions, true);
        }
        // implicit ALS scores relevance, not ratings: its RMSE means nothing
        run(new ImplicitAlsStrategy(), ratings, repetitions, false);
        System.out.println();
        System.out.println("Top-N on a per-user time-ordered split of " + ratingsFile.getFileName()
                + " (the evaluator's ranking protocol):");
        TopNTable topN = new TopNTable(RankingProtocol.of(ratingsFile, 0.2, 4, 10, 20));
        topN.row("popularity", new PopularityStrategy(), Map.of());
        topN.row("item-knn", new ItemKnnStrategy(), Map.of());
        topN.row("user-knn", new UserKnnStrategy(), Map.of());
        topN.row("biased-mf (ranking=choice)", new BiasedMfStrategy(), Map.of());
        topN.row("biased-mf ranking=rating", new BiasedMfStrategy(), Map.of("ranking", "rating"));
        topN.row("implicit-als", new ImplicitAlsStrategy(), Map.of());
        // the default 1% support finds over 100,000 itemsets in films rated by the same people
        topN.row("association-rules min-support=0.1", new AssociationRulesStrategy(), Map.of("min-support", 0.1));
        System.out.println("  (hybrid and content-tfidf need the registry or a catalogue: mercator evaluate filtering "
                + "ratings.csv -o protocol=ranking -o catalog=items.csv lists every registered strategy)");
        System.out.println();
        MahoutComparison.print(ratings);
    }

    private static void run(RecommenderStrategy strategy, List<Rating> ratings, int repetitions,
            boolean predictsRatings) throws IOException {
        Parameters defaults = Parameters.defaults(strategy.descriptor().parameters());
        List<Long> fitNanos = new ArrayList<>();
        double rmse = predictsRatings ? 0 : Double.NaN;
        double mae = predictsRatings ? 0 : Double.NaN;
        RecommenderModel firstFold = null;
        for (int repetition = 0; repetition < repetitions; repetition++) {
            for (int fold = 1; fold <= FOLDS; fold++) {
                Interactions training = training(ratings, fold);
                long started = System.nanoTime();
                RecommenderModel model = strategy.fit(training, defaults, TrainingContext.none());
                fitNanos.add(System.nanoTime() - started);
                if (repetition == 0 && predictsRatings) {
                    double squares = 0;
                    double absolutes = 0;
                    int tested = 0;
                    for (Rating rating : ratings) {
                        if (rating.fold() == fold) {
                            double error = model.predict(rating.user(), rating.item()) - rating.value();
                            squares += error * error;
                            absolutes += Math.abs(error);
                            tested++;
                        }
                    }
                    rmse += Math.sqrt(squares / tested) / FOLDS;
                    mae += absolutes / tested / FOLDS;
                }
                if (firstFold == null) {
                    firstFold = model;
                }
            }
        }
        long[] fits = fitNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] queries = queryNanos(firstFold, ratings);
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %12.0f %12.0f %12.0f %14.1f %14.1f%n",
                strategy.descriptor().name(), fourDecimals(rmse), fourDecimals(mae), fits[fits.length / 2] / 1e6,
                fits[0] / 1e6,
                serialisedBytes(firstFold) / 1024.0, queries[queries.length / 2] / 1e3,
                queries[(int) (queries.length * 0.99)] / 1e3);
    }

    private static String fourDecimals(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** @return per user of fold 1's training data, the time of one top-10 query excluding the user's items */
    private static long[] queryNanos(RecommenderModel model, List<Rating> ratings) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Rating rating : ratings) {
            if (rating.fold() != 1) {
                seen.computeIfAbsent(rating.user(), user -> new HashSet<>()).add(rating.item());
            }
        }
        String[] users = model.users().toArray();
        long checksum = 0;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (String user : users) {
                checksum += model.recommend(user, 10, seen.get(user)).size();
            }
        }
        long[] nanos = new long[users.length];
        for (int u = 0; u < users.length; u++) {
            long started = System.nanoTime();
            checksum += model.recommend(users[u], 10, seen.get(users[u])).size();
            nanos[u] = System.nanoTime() - started;
        }
        if (checksum == 0) {
            throw new IllegalStateException("no recommendations at all");
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long serialisedBytes(RecommenderModel model) throws IOException {
        long[] count = new long[1];
        model.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                count[0] += length;
            }
        });
        return count[0];
    }

    private static Interactions training(List<Rating> ratings, int testFold) {
        Interactions.Builder builder = Interactions.builder();
        for (Rating rating : ratings) {
            if (rating.fold() != testFold) {
                builder.add(rating.user(), rating.item(), rating.value());
            }
        }
        return builder.build();
    }

    /** Reads user_id, item_id, rating and u_fold by their header positions; the file has no quoted cells. */
    private static List<Rating> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int user = header.indexOf("user_id");
        int item = header.indexOf("item_id");
        int value = header.indexOf("rating");
        int fold = header.indexOf("u_fold");
        List<Rating> ratings = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            ratings.add(new Rating(cells[user], cells[item], Double.parseDouble(cells[value]),
                    Integer.parseInt(cells[fold])));
        }
        return ratings;
    }
}
