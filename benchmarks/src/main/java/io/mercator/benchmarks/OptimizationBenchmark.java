package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.optimization.ServiceMeasure;
import io.mercator.plugins.optimization.policies.MinMaxStrategy;
import io.mercator.plugins.optimization.policies.NewsvendorStrategy;
import io.mercator.plugins.optimization.policies.OrderUpToStrategy;
import io.mercator.plugins.optimization.policies.ReorderPointStrategy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The speed figure: one plan for 100,000 SKU-locations per strategy and target measure, in
 * one call on one thread. Demand means are log-normal (a long tail of slow movers, so every demand
 * model is exercised), spreads 0.3 to 3 times the mean. Usage: {@code benchmarks/run optimization
 * [skus] [repetitions]}.
 */
public final class OptimizationBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private OptimizationBenchmark() {
    }

    public static void main(String[] args) {
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "Mercator optimization benchmark on %d cores, %s: %,d SKU-locations%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), skus);
        for (ServiceMeasure measure : ServiceMeasure.values()) {
            ReplenishmentInput input = input(skus, measure, 42);
            for (ReplenishmentStrategy strategy : List.of(new ReorderPointStrategy(), new MinMaxStrategy(),
                    new OrderUpToStrategy(), new NewsvendorStrategy())) {
                ReplenishmentModel model = strategy.fit(SeriesSet.builder(0).build(),
                        Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
                double best = Double.POSITIVE_INFINITY;
                double bestCpu = Double.POSITIVE_INFINITY;
                double meanFillRate = 0;
                for (int r = 0; r < repetitions; r++) {
                    long start = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    ReplenishmentPlan plan = model.plan(input);
                    best = Math.min(best, (System.nanoTime() - start) / 1e6);
                    bestCpu = Math.min(bestCpu, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
                    meanFillRate = Arrays.stream(plan.expectedFillRate()).average().orElse(Double.NaN);
                }
                System.out.printf(Locale.ROOT, "%-20s %-19s best of %d: %8.0f ms wall, %8.0f ms CPU  (mean expected fill "
                        + "rate %.4f)%n", strategy.descriptor().name(), measure, repetitions, best, bestCpu, meanFillRate);
            }
        }
    }

    private static ReplenishmentInput input(int skus, ServiceMeasure measure, long seed) {
        Random random = new Random(seed);
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder().serviceMeasure(measure);
        for (int s = 0; s < skus; s++) {
            double mean = Math.exp(random.nextGaussian() * 1.5 + 1);
            double spread = mean * (0.3 + 2.7 * random.nextDouble());
            builder.add("SKU-" + s + "@DC-" + s % 20).demand(mean, spread)
                    .leadTime(1 + random.nextInt(8), random.nextDouble()).reviewPeriod(1 + random.nextInt(7))
                    .stock(Math.floor(mean * 5 * random.nextDouble()), 0, 0)
                    .costs(1 + 20 * random.nextDouble(), 0.002, 5 + 20 * random.nextDouble())
                    .targetServiceLevel(0.9 + 0.09 * random.nextDouble())
                    .orderRules(random.nextInt(3) * 6, 1 + random.nextInt(2) * 5);
        }
        return builder.build();
    }
}
