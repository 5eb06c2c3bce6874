package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.FixedStrategyRegistry;
import io.mercator.platform.evaluation.optimization.OptimizationEvaluator;
import io.mercator.plugins.forecasting.smoothing.EtsStrategy;
import io.mercator.plugins.optimization.policies.MinMaxStrategy;
import io.mercator.plugins.optimization.policies.OrderUpToStrategy;
import io.mercator.plugins.optimization.policies.ReorderPointStrategy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service-level figure: achieved fill rate against the target, and total cost against
 * the naive policies (as they are, and at equal service: 'vs naive =svc' against the fixed cover
 * tuned to the policy's mean per-SKU fill rate; the verdicts also at an equal overall fill rate),
 * of (s,Q) with EOQ, (s,S) and (R,S) on simulated SKUs whose demand is drawn
 * from the Poisson / negative binomial fitted to each real series: online-retail-uci products by
 * day and by week (lumpy; a seeded sample of 300 products) and the aus-retail-turnover monthly series. Each run goes through the
 * optimization evaluator, as {@code mercator evaluate optimization FILE -o demand=simulated} does.
 * Usage: {@code benchmarks/run service-level [targets] [forecaster|-] [simulated|replay]}, e.g.
 * {@code benchmarks/run service-level 0.9,0.95,0.98 ets}; {@code replay} replays the held-out real
 * demand instead of simulating it.
 */
public final class ServiceLevelBenchmark {

    private ServiceLevelBenchmark() {
    }

    public static void main(String[] args) {
        String[] targets = (args.length > 1 ? args[1] : "0.9,0.95,0.98").split(",");
        String forecaster = args.length > 2 && !args[2].equals("-") ? args[2] : "";
        String demand = args.length > 3 ? args[3] : "simulated";
        System.out.printf(Locale.ROOT, "Mercator service-level benchmark on %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        OptimizationEvaluator evaluator = new OptimizationEvaluator(new FixedStrategyRegistry(
                new ReorderPointStrategy(), new MinMaxStrategy(), new OrderUpToStrategy(), new EtsStrategy()));
        Path retail = PricingBenchmark.sharedData("online-retail-uci/transactions.csv.gz");
        Path turnover = PricingBenchmark.sharedData("aus-retail-turnover/train.csv");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        // daily demand ordered weekly: with a review every day (R,S) orders every day, as the naive policies do
        cases.put("online-retail daily, weekly review", Map.of("periodDays", 1, "leadTime", 5, "leadTimeStdDev", 1.5,
                "reviewPeriod", 7, "simulatedPeriods", 364, "coverPeriods", 14));
        cases.put("online-retail weekly", Map.of("periodDays", 7, "leadTime", 2, "leadTimeStdDev", 0.5,
                "reviewPeriod", 1, "simulatedPeriods", 520));
        cases.put("aus-retail monthly", Map.of("leadTime", 1, "leadTimeStdDev", 0.3, "reviewPeriod", 1,
                "simulatedPeriods", 240, "coverPeriods", 2));
        for (Map.Entry<String, Map<String, Object>> entry : cases.entrySet()) {
            for (String target : targets) {
                Map<String, Object> options = new LinkedHashMap<>(entry.getValue());
                options.put("demand", demand);
                options.put("measure", "fill-rate");
                options.put("target", Double.parseDouble(target));
                options.put("forecaster", forecaster);
                options.put("sample", 300);
                Path data = entry.getKey().startsWith("aus") ? turnover : retail;
                long start = System.nanoTime();
                EvaluationReport report = evaluator.evaluate(new EvaluationRequest(data,
                        List.of("reorder-point-eoq", "min-max", "order-up-to"),
                        Parameters.resolve(evaluator.options(), options)), TrainingContext.none());
                System.out.printf(Locale.ROOT, "%n== %s, target fill rate %s (%.1f s)%n%s%n", entry.getKey(), target,
                        (System.nanoTime() - start) / 1e9, report.title());
                print(report);
            }
        }
    }

    private static void print(EvaluationReport report) {
        System.out.printf(Locale.ROOT, "%-36s", "policy");
        for (String column : report.columns()) {
            System.out.printf(Locale.ROOT, " %12s", column);
        }
        System.out.println();
        for (EvaluationReport.Row row : report.rows()) {
            System.out.printf(Locale.ROOT, "%-36s", row.strategy());
            for (double value : row.values()) {
                System.out.printf(Locale.ROOT, " %12.4f", value);
            }
            System.out.println();
        }
        for (String note : report.notes()) {
            if (note.contains("achieved") || note.startsWith("demand per period")) {
                System.out.println("  " + note);
            }
        }
    }
}
