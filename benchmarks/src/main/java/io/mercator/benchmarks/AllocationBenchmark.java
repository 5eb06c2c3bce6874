package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.AllocationPlan;
import io.mercator.api.optimization.AllocationProblem;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.plugins.optimization.allocation.LpAllocationStrategy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * The allocation figure: a multi-warehouse allocation LP (default 1,000 SKUs x 20
 * warehouses: 21,000 variables, 1,021 constraints with the budget) solved to proven optimality
 * by the lp-allocation strategy, then the same size (or the given one) in whole case packs: LP
 * relaxation bound, rounding incumbent, branch-and-bound within the strategy's time limit (10 s),
 * printed with its proven optimality gap.
 * Demand is log-normal, capacities are tight in total and the budget binds; seeded. (The test
 * {@code LinearAllocatorTest} cross-checks the objective against commons-math3's
 * {@code SimplexSolver}.) Usage:
 * {@code benchmarks/run allocation [skus] [warehouses] [repetitions] [mip-skus] [mip-warehouses]}.
 */
public final class AllocationBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AllocationBenchmark() {
    }

    public static void main(String[] args) {
        int skus = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int warehouses = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int mipSkus = args.length > 4 ? Integer.parseInt(args[4]) : skus;
        int mipWarehouses = args.length > 5 ? Integer.parseInt(args[5]) : warehouses;
        System.out.printf(Locale.ROOT, "Mercator allocation benchmark on %d cores, %s: %,d SKUs x %d warehouses%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), skus, warehouses);
        LpAllocationStrategy strategy = new LpAllocationStrategy();
        ReplenishmentModel model = strategy.fit(SeriesSet.builder(0).build(),
                Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
        for (boolean integer : new boolean[] {false, true}) {
            AllocationProblem problem = integer ? problem(mipSkus, mipWarehouses, true, 42)
                    : problem(skus, warehouses, false, 42);
            double best = Double.POSITIVE_INFINITY;
            double bestCpu = Double.POSITIVE_INFINITY;
            AllocationPlan plan = null;
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                plan = model.allocate(problem);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
                bestCpu = Math.min(bestCpu, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-28s best of %d: %8.0f ms wall, %8.0f ms CPU  objective %.4f  bound %.4f  gap %.5f%%  "
                    + "binding %d of %d limits%n", (integer ? "MIP, whole case packs " : "LP ") + problem.skus().size()
                    + "x" + problem.warehouses().size(), repetitions, best, bestCpu, plan.totalCost(), plan.lowerBound(),
                    100 * plan.optimalityGap(), plan.bindingConstraints().size(), problem.warehouses().size() + 1);
        }
    }

    private static AllocationProblem problem(int skus, int warehouses, boolean integer, long seed) {
        Random random = new Random(seed);
        String[] skuIds = new String[skus];
        double[] demand = new double[skus];
        double[] unitCost = new double[skus];
        double[] holding = new double[skus];
        double[] penalty = new double[skus];
        double[] casePack = new double[skus];
        double[] transport = new double[skus * warehouses];
        double totalDemand = 0;
        double totalPurchase = 0;
        for (int s = 0; s < skus; s++) {
            skuIds[s] = "SKU-" + s;
            demand[s] = Math.rint(Math.exp(random.nextGaussian() + 3));
            unitCost[s] = 1 + 30 * random.nextDouble();
            holding[s] = 0.25 * unitCost[s] * random.nextDouble();
            penalty[s] = unitCost[s] * (1.5 + 3 * random.nextDouble());
            casePack[s] = integer ? 1 + random.nextInt(12) : 1;
            for (int w = 0; w < warehouses; w++) {
                transport[s * warehouses + w] = 0.2 + 4 * random.nextDouble();
            }
            totalDemand += demand[s];
            totalPurchase += demand[s] * unitCost[s];
        }
        String[] warehouseIds = new String[warehouses];
        double[] capacity = new double[warehouses];
        for (int w = 0; w < warehouses; w++) {
            warehouseIds[w] = "WH-" + w;
            capacity[w] = Math.rint(0.95 * totalDemand / warehouses * (0.5 + random.nextDouble()));
        }
        return new AllocationProblem(IdDictionary.of("sku", skuIds), IdDictionary.of("warehouse", warehouseIds),
                demand, unitCost, holding, penalty, casePack, capacity, transport, 0.85 * totalPurchase, integer);
    }
}
