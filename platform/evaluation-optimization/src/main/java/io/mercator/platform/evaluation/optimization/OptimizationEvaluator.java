package io.mercator.platform.evaluation.optimization;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ForecastDemand;
import io.mercator.api.optimization.ReplenishmentModel;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.optimization.ServiceMeasure;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Evaluates replenishment strategies by replaying held-out demand against each of them and
 * against two naive policies; see {@link #options()} and the report's notes.
 */
@Component(service = Evaluator.class, immediate = true, property = Evaluator.FAMILY_PROPERTY + "=optimization")
public final class OptimizationEvaluator implements Evaluator {

    static final List<String> COLUMNS = List.of("fill rate", "target", "CSL", "holding", "ordering", "shortage",
            "total cost", "vs naive", "vs naive =svc", "turns", "fit ms");
    /** How far the achieved service may fall below the target and still count as meeting it. */
    static final double TOLERANCE = 0.01;
    /** Longest cover, in periods, tried when the fixed-cover policy is tuned to a fill rate. */
    static final double MAX_COVER = 520;
    /** Bisection steps of that tuning: the cover is found to within MAX_COVER / 2^20 periods. */
    private static final int COVER_STEPS = 20;
    private static final String FILL_RATE = "fill-rate";
    private static final String CYCLE_SERVICE_LEVEL = "cycle-service-level";
    private static final String REPLAY = "replay";
    private static final String SIMULATED = "simulated";

    private static final List<ParameterSpec> OPTIONS = List.of(
            ParameterSpec.real("trainFraction", "Share of the periods used to fit demand; the rest is replayed",
                    0.5, 0.1, 0.9),
            ParameterSpec.integer("periodDays", "Days per period when the file holds transactions", 7, 1, 366),
            ParameterSpec.real("leadTime", "Mean supplier lead time in periods", 2, 0, 52),
            ParameterSpec.real("leadTimeStdDev", "Standard deviation of the lead time in periods", 0.5, 0, 26),
            ParameterSpec.integer("reviewPeriod", "Periods between order decisions", 1, 1, 52),
            ParameterSpec.real("target", "Wanted service level", 0.95, 0.5, 0.999),
            ParameterSpec.choice("measure", "How the target is measured", FILL_RATE, FILL_RATE,
                    CYCLE_SERVICE_LEVEL),
            ParameterSpec.real("holdingRate", "Holding cost per unit and period as a fraction of the unit cost",
                    0.005, 0, 1),
            ParameterSpec.real("orderingCost", "Fixed cost per order", 10, 0, 1e9),
            ParameterSpec.real("shortageRate", "Penalty per unit not served from stock, as a fraction of the unit "
                    + "cost", 0.5, 0, 100),
            ParameterSpec.real("coverPeriods", "Periods of mean demand the fixed-cover baseline orders up to", 4, 0,
                    104),
            ParameterSpec.choice("demand", "Replay the held-out demand, or draw it from each SKU's fitted "
                    + "Poisson / negative binomial distribution", REPLAY, REPLAY, SIMULATED),
            ParameterSpec.integer("warmUp", "Replayed periods not counted, so the starting stock does not matter; "
                    + "-1 for lead time + 2 standard deviations + review period", -1, -1, 104),
            ParameterSpec.integer("simulatedPeriods", "Periods drawn with demand=simulated; 0 for as many as the "
                    + "held-out part has", 104, 0, 10_000),
            ParameterSpec.integer("window", "Periods of the latest demand that re-estimate each SKU's mean and "
                    + "spread at every review (a moving-average forecast); 0 keeps the fitted ones", 0, 0, 10_000),
            ParameterSpec.text("forecaster", "Forecasting strategy (name[@version], resolved through the strategy "
                    + "registry) whose forecast over lead time plus review period gives each SKU's demand mean and "
                    + "spread (from its 80% interval), instead of the fitted mean and standard deviation; empty for "
                    + "none", ""),
            ParameterSpec.integer("sample", "Replay a seeded random sample of this many SKUs; 0 for all", 0, 0,
                    Integer.MAX_VALUE),
            ParameterSpec.integer("seed", "Seed of the lead-time and demand draws", 1, 0, Integer.MAX_VALUE));

    @Reference
    private StrategyRegistry registry;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    /** For Declarative Services, which injects the registry and the logger. */
    public OptimizationEvaluator() {
    }

    /**
     * Outside a framework (benchmarks, batch jobs): strategies come from the given registry and
     * nothing is logged.
     *
     * @param registry where strategy specs are resolved
     */
    public OptimizationEvaluator(StrategyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Family family() {
        return Family.OPTIMIZATION;
    }

    @Override
    public List<ParameterSpec> options() {
        return OPTIONS;
    }

    @Override
    public EvaluationReport evaluate(EvaluationRequest request, TrainingContext context) {
        Parameters options = request.options();
        DemandHistory history = DemandHistory.read(request.data(), options.getInt("periodDays"));
        Replay replay = Replay.prepare(history, options);
        List<String> notes = new ArrayList<>(replay.notes());
        String forecaster = options.getString("forecaster").trim();
        if (!forecaster.isEmpty()) {
            replay = replay.withForecastsOf(registry, forecaster, context);
            notes.add(replay.notes().get(replay.notes().size() - 1));
        }
        List<String> specs = request.strategies().isEmpty() ? registeredNames() : request.strategies();
        context.progress(0, "naive policies");
        Replay replayed = replay;
        InventorySimulator.Result lastSales = replay.run(Policies.lastPeriodSales());
        InventorySimulator.Result fixedCover = replay.run(replay.estimating((mean, stdDev) -> Policies.fixedCover(
                mean, options.getDouble("coverPeriods"))));
        double naiveCost = Math.min(lastSales.totalCost(), fixedCover.totalCost());
        List<EvaluationReport.Row> rows = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            context.checkCancelled();
            context.progress((double) (i + 1) / (specs.size() + 1), specs.get(i));
            try (StrategyLease<ReplenishmentStrategy> lease = registry.acquire(ReplenishmentStrategy.class,
                    specs.get(i))) {
                ReplenishmentStrategy strategy = lease.strategy();
                String label = strategy.descriptor().name() + "@" + strategy.descriptor().version();
                try {
                    long start = System.nanoTime();
                    ReplenishmentModel model = strategy.fit(replay.training(),
                            request.parametersFor(strategy.descriptor()), context);
                    double fitMillis = (System.nanoTime() - start) / 1e6;
                    InventorySimulator.Result result = replay.run(replay.estimating((mean, stdDev) -> Policies.of(
                            model, replayed.skus(), mean, stdDev, replayed.unitCost(), replayed.settings(),
                            replayed.target(), replayed.measure())));
                    InventorySimulator.Result equalNaive = naiveAtEqualService(replay,
                            InventorySimulator.Result::meanSkuFillRate, result.meanSkuFillRate(), lastSales);
                    InventorySimulator.Result equalOverall = naiveAtEqualService(replay,
                            InventorySimulator.Result::fillRate, result.fillRate(), lastSales);
                    rows.add(row(label, result, replay, naiveCost, equalNaive, fitMillis));
                    verdicts.add(verdict(label, result, replay, naiveCost, equalNaive, equalOverall));
                } catch (StrategyNotFoundException | CancellationException stop) {
                    throw stop;
                } catch (RuntimeException failed) {
                    // a third-party strategy must not stop the evaluation of the others
                    lease.failed(failed);
                    if (logger != null) {
                        logger.warn("Strategy {} failed the optimization evaluation", label, failed);
                    }
                    rows.add(new EvaluationReport.Row(label, nanRow()));
                    notes.add(label + " failed: " + failed.getMessage());
                }
            }
        }
        rows.add(row("naive: order last period's sales", lastSales, replay, naiveCost, null, Double.NaN));
        rows.add(row("naive: " + options.getDouble("coverPeriods") + " periods of cover", fixedCover, replay,
                naiveCost, null, Double.NaN));
        notes.add(String.format(Locale.ROOT, "target: %s %.3f; a policy meets it when its achieved %s is at most "
                + "%.0f point below; 'vs naive' = total cost / that of the cheaper naive policy (%.6g) at the "
                + "shortage penalty given, whatever fill rate each reaches", options.getString("measure"),
                replay.target(), options.getString("measure"), TOLERANCE * 100, naiveCost));
        notes.add("'vs naive =svc' = total cost / that of the cheapest naive policy serving every SKU at least as "
                + "well on average: the fixed-cover policy with its cover (the same number of periods for every SKU) "
                + "tuned by bisection to the smallest whose mean of the SKUs' own fill rates reaches the policy's, or "
                + "order-last-period's-sales when it reaches it too. Cost alone at a cheap penalty favours "
                + "under-serving (a naive policy that misses the target saves holding and pays little for it), so "
                + "policies are compared at equal service, where the penalty hardly matters. Service is measured per "
                + "SKU because the target is set per SKU-location: an overall (unit-weighted) fill rate can be "
                + "reached by serving the fast movers well and starving the slow ones, which a per-SKU target "
                + "forbids; the verdicts below also give the cost at an equal overall fill rate. The cover is tuned on "
                + "the replayed demand itself, a hindsight the policies do not have, so the comparison leans towards "
                + "the naive policy; where the review period makes (R,S) order every period, as the naive policies "
                + "do, the two differ only in how the stock is spread over the SKUs");
        notes.addAll(verdicts);
        context.progress(1, "");
        String title = String.format(Locale.ROOT, "optimization on %s: %d SKUs, %d periods fitted, %d replayed (%s), "
                + "target %s %.3f", request.data().getFileName(), replay.skus().size(), replay.trainingPeriods(),
                replay.testPeriods(), options.getString("demand"), options.getString("measure"),
                options.getDouble("target"));
        if (logger != null) {
            logger.info("{}", title);
        }
        return new EvaluationReport(title, COLUMNS, rows, notes);
    }

    /** The achieved service in the target's measure. */
    private static double achieved(InventorySimulator.Result result, Replay replay) {
        return replay.measure() == ServiceMeasure.FILL_RATE ? result.fillRate() : result.cycleServiceLevel();
    }

    private static String verdict(String label, InventorySimulator.Result result, Replay replay, double naiveCost,
            InventorySimulator.Result equalNaive, InventorySimulator.Result equalOverall) {
        double achieved = achieved(result, replay);
        boolean met = achieved >= replay.target() - TOLERANCE;
        return String.format(Locale.ROOT, "%s: achieved %.4f against %.4f (%+.2f points, %s); total cost %.3f x "
                + "the cheaper naive policy (%s); %.3f x the cheapest naive policy at a mean SKU fill rate >= %.4f "
                + "(%s); %.3f x the cheapest at an overall fill rate >= %.4f (%s)", label, achieved,
                replay.target(), 100 * (achieved - replay.target()), met ? "met" : "MISSED",
                result.totalCost() / naiveCost, cheaper(result.totalCost(), naiveCost),
                result.totalCost() / equalNaive.totalCost(), result.meanSkuFillRate(),
                cheaper(result.totalCost(), equalNaive.totalCost()), result.totalCost() / equalOverall.totalCost(),
                result.fillRate(), cheaper(result.totalCost(), equalOverall.totalCost()));
    }

    private static String cheaper(double cost, double naiveCost) {
        return cost < naiveCost ? "cheaper" : "NOT cheaper";
    }

    /**
     * The cheapest naive policy that serves at least as well by the given measure: the
     * fixed-cover policy with the smallest cover that reaches it, or the last-period's-sales policy
     * when it does.
     *
     * @param replay the replay
     * @param service the measure, higher is better
     * @param wanted the value to reach
     * @param lastSales the last-period's-sales policy's result on the same replay
     * @return the result of the cheaper of the two that reach it (the fixed cover at
     *     {@link #MAX_COVER} periods when neither does)
     */
    static InventorySimulator.Result naiveAtEqualService(Replay replay, ToDoubleFunction<InventorySimulator.Result>
            service, double wanted, InventorySimulator.Result lastSales) {
        double low = 0;
        double high = MAX_COVER;
        InventorySimulator.Result reaching = fixedCover(replay, high);
        // service grows with the cover (more stock is never worse served); bisect on the smallest that reaches it
        for (int step = 0; step < COVER_STEPS && service.applyAsDouble(reaching) >= wanted; step++) {
            double middle = (low + high) / 2;
            InventorySimulator.Result tried = fixedCover(replay, middle);
            if (service.applyAsDouble(tried) >= wanted) {
                high = middle;
                reaching = tried;
            } else {
                low = middle;
            }
        }
        boolean salesReach = service.applyAsDouble(lastSales) >= wanted;
        return salesReach && lastSales.totalCost() < reaching.totalCost() ? lastSales : reaching;
    }

    private static InventorySimulator.Result fixedCover(Replay replay, double periods) {
        return replay.run(replay.estimating((mean, stdDev) -> Policies.fixedCover(mean, periods)));
    }

    private List<String> registeredNames() {
        Set<String> names = new LinkedHashSet<>();
        for (StrategyInfo info : registry.list(Family.OPTIMIZATION)) {
            names.add(info.descriptor().name());
        }
        return List.copyOf(names);
    }

    /** @param equalNaive the cheapest naive policy at the same service, null for a naive policy's own row */
    private static EvaluationReport.Row row(String label, InventorySimulator.Result result, Replay replay,
            double naiveCost, InventorySimulator.Result equalNaive, double fitMillis) {
        return new EvaluationReport.Row(label, new double[] {result.fillRate(), replay.target(),
            result.cycleServiceLevel(), result.holdingCost(), result.orderingCost(), result.shortageCost(),
            result.totalCost(), ratio(result.totalCost(), naiveCost),
            equalNaive == null ? Double.NaN : ratio(result.totalCost(), equalNaive.totalCost()), result.turns(),
            fitMillis});
    }

    private static double ratio(double cost, double naiveCost) {
        return naiveCost > 0 ? cost / naiveCost : Double.NaN;
    }

    private static double[] nanRow() {
        double[] values = new double[COLUMNS.size()];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /**
     * The prepared replay: fitted demand per SKU, the demand to replay and the simulator settings.
     *
     * @param skus the SKUs replayed (those with demand in the fitted periods)
     * @param training the fitted periods, one series per SKU
     * @param meanDemand fitted mean per period
     * @param stdDev fitted standard deviation per period
     * @param unitCost per SKU
     * @param test demand to replay, [sku][period]
     * @param settings simulator settings
     * @param target the service target
     * @param measure how it is measured
     * @param window periods of the latest demand the mean and spread are re-estimated from at each
     *     review; 0 to keep the fitted ones
     * @param notes how the figures were obtained
     */
    record Replay(IdDictionary skus, SeriesSet training, double[] meanDemand, double[] stdDev, double[] unitCost,
            double[][] test, InventorySimulator.Settings settings, double target, ServiceMeasure measure,
            int window, List<String> notes) {

        int trainingPeriods() {
            return training.size() == 0 ? 0 : training.length(0);
        }

        int testPeriods() {
            return test[0].length;
        }

        /**
         * @param policy builds a policy that reads the demand estimates from the two arrays it is given
         * @return the policy, with the estimates re-computed before each review when a window is set
         */
        InventorySimulator.Policy estimating(BiFunction<double[], double[], InventorySimulator.Policy> policy) {
            double[] mean = meanDemand.clone();
            double[] spread = stdDev.clone();
            InventorySimulator.Policy built = policy.apply(mean, spread);
            if (window == 0) {
                return built;
            }
            return (period, state, orders) -> {
                for (int s = 0; s < mean.length; s++) {
                    estimate(s, period, mean, spread);
                }
                built.order(period, state, orders);
            };
        }

        /** Mean and standard deviation of the last {@code window} periods before {@code period}, fitted ones included. */
        private void estimate(int sku, int period, double[] mean, double[] spread) {
            int fitted = training.length(sku);
            int from = Math.max(fitted + period - window, 0);
            int count = fitted + period - from;
            double sum = 0;
            double sumOfSquares = 0;
            for (int t = from; t < fitted + period; t++) {
                double value = t < fitted ? training.value(sku, t) : test[sku][t - fitted];
                sum += value;
                sumOfSquares += value * value;
            }
            mean[sku] = sum / count;
            spread[sku] = count > 1 ? Math.sqrt(Math.max(sumOfSquares - sum * mean[sku], 0) / (count - 1)) : 0;
        }

        /**
         * Replaces the fitted demand by a forecaster's: it is fitted on the same periods through
         * the registry, and each SKU's forecast over lead time (mean plus two standard deviations)
         * plus review period gives the mean per period (the average of the point forecasts) and
         * the spread per period (the root mean square of the standard errors read off the 80%
         * intervals, as normal ones).
         *
         * @param registry resolves the forecaster
         * @param spec the forecaster's name[@version]
         * @param context for cancellation
         * @return the replay with the forecast demand and a note saying so
         */
        Replay withForecastsOf(StrategyRegistry registry, String spec, TrainingContext context) {
            int horizon = ForecastDemand.horizon(settings.leadTimeMean(), settings.leadTimeStdDev(),
                    settings.reviewPeriod());
            double[] mean = new double[meanDemand.length];
            double[] spread = new double[meanDemand.length];
            String label;
            try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, spec)) {
                ForecastStrategy forecaster = lease.strategy();
                label = forecaster.descriptor().name() + "@" + forecaster.descriptor().version();
                ForecastModel model = forecaster.fit(training, Parameters.defaults(forecaster.descriptor()
                        .parameters()), context);
                for (int s = 0; s < mean.length; s++) {
                    double[] perPeriod = ForecastDemand.perPeriod(model.forecast(skus.id(s), horizon,
                            ForecastDemand.LEVEL));
                    mean[s] = perPeriod[0];
                    spread[s] = perPeriod[1];
                }
            }
            List<String> withNote = new ArrayList<>(notes);
            withNote.add("demand per period from the forecasts of " + label + " over " + horizon + " periods (lead "
                    + "time + 2 standard deviations + review), fitted on the same periods: mean = average point "
                    + "forecast, spread = root mean square standard error read off the 80% intervals");
            return new Replay(skus, training, mean, spread, unitCost, test, settings, target, measure, window,
                    withNote);
        }

        /** Every policy starts from the mean demand over lead time plus review period, nothing on order. */
        InventorySimulator.Result run(InventorySimulator.Policy policy) {
            double[] initial = new double[meanDemand.length];
            for (int s = 0; s < initial.length; s++) {
                initial[s] = Math.ceil(meanDemand[s] * (settings.leadTimeMean() + settings.reviewPeriod()));
            }
            return new InventorySimulator(settings).run(test, unitCost, initial, policy);
        }

        static Replay prepare(DemandHistory history, Parameters options) {
            int periods = history.periods();
            int trainingPeriods = (int) Math.floor(periods * options.getDouble("trainFraction"));
            if (trainingPeriods < 2 || periods - trainingPeriods < 1) {
                throw new ValidationException("trainFraction", "the data has " + periods + " periods; at least 2 "
                        + "must be fitted and 1 replayed");
            }
            List<Integer> kept = new ArrayList<>();
            for (int s = 0; s < history.skus().length; s++) {
                if (Arrays.stream(history.demand()[s], 0, trainingPeriods).sum() > 0) {
                    kept.add(s);
                }
            }
            int withDemand = kept.size();
            int sample = options.getInt("sample");
            if (sample > 0 && sample < kept.size()) {
                // a seeded sample keeps long replays of large files affordable; file order is restored after it
                Collections.shuffle(kept, new Random(options.getInt("seed")));
                kept = new ArrayList<>(kept.subList(0, sample));
                Collections.sort(kept);
            }
            SeriesSet.Builder training = SeriesSet.builder(0);
            for (int s : kept) {
                training.add(history.skus()[s], Arrays.copyOf(history.demand()[s], trainingPeriods));
            }
            if (kept.isEmpty()) {
                throw new ValidationException("data", "no SKU has demand in the first " + trainingPeriods
                        + " periods");
            }
            int count = kept.size();
            double[] mean = new double[count];
            double[] variance = new double[count];
            double[] cost = new double[count];
            double[][] replayed = new double[count][];
            for (int k = 0; k < count; k++) {
                double[] all = history.demand()[kept.get(k)];
                mean[k] = Arrays.stream(all, 0, trainingPeriods).average().orElse(0);
                double m = mean[k];
                variance[k] = Arrays.stream(all, 0, trainingPeriods).map(x -> (x - m) * (x - m)).sum()
                        / (trainingPeriods - 1);
                cost[k] = history.unitCost()[kept.get(k)];
                replayed[k] = Arrays.copyOfRange(all, trainingPeriods, periods);
            }
            boolean simulated = options.getString("demand").equals(SIMULATED);
            long seed = options.getInt("seed");
            int drawn = options.getInt("simulatedPeriods") > 0 ? options.getInt("simulatedPeriods")
                    : periods - trainingPeriods;
            double[][] test = simulated ? SimulatedDemand.draw(mean, variance, drawn, seed) : replayed;
            int testPeriods = test[0].length;
            int warmUp = options.getInt("warmUp") >= 0 ? options.getInt("warmUp")
                    : (int) Math.ceil(options.getDouble("leadTime") + 2 * options.getDouble("leadTimeStdDev"))
                            + options.getInt("reviewPeriod");
            if (warmUp >= testPeriods) {
                throw new ValidationException("warmUp", warmUp + " periods leave none of the " + testPeriods
                        + " replayed periods to count");
            }
            double[] stdDev = Arrays.stream(variance).map(Math::sqrt).toArray();
            InventorySimulator.Settings settings = new InventorySimulator.Settings(options.getDouble("leadTime"),
                    options.getDouble("leadTimeStdDev"), options.getInt("reviewPeriod"),
                    options.getDouble("holdingRate"), options.getDouble("orderingCost"),
                    options.getDouble("shortageRate"), warmUp, seed);
            ServiceMeasure measure = options.getString("measure").equals(FILL_RATE) ? ServiceMeasure.FILL_RATE
                    : ServiceMeasure.CYCLE_SERVICE_LEVEL;
            List<String> notes = List.of(
                    "split: the first " + trainingPeriods + " of " + periods + " periods fit each SKU's mean and "
                            + "standard deviation of demand; strategies plan from them with their default parameters; "
                            + (simulated ? testPeriods + " periods are drawn from each SKU's fitted Poisson / "
                                    + "negative binomial (seed " + seed + ")"
                                    : "the remaining " + testPeriods + " periods are replayed")
                            + "; the first " + warmUp + " of them warm up and are not counted"
                            + (options.getInt("window") > 0 ? "; at each review the mean and standard deviation are "
                                    + "re-estimated from the latest " + options.getInt("window") + " periods" : ""),
                    count + " SKUs" + (count < withDemand ? " (a seeded sample)" : "") + " of the " + withDemand
                            + " with demand in the fitted periods, of " + history.skus().length + "; "
                            + history.skippedRows() + " rows skipped (returns, cancellations, non-product codes)",
                    "each period: arrivals fill backorders, then on review periods (every "
                            + settings.reviewPeriod() + ") the policy orders with a lead time drawn from N("
                            + settings.leadTimeMean() + ", " + settings.leadTimeStdDev() + "^2) rounded to whole "
                            + "periods >= 0, then demand is served from stock or backordered; every policy starts "
                            + "with the mean demand over lead time plus review period on hand",
                    "fill rate = units served from stock / units demanded; CSL = share of replenishment cycles "
                            + "(arrival to arrival) without unmet demand",
                    "costs over the replay, at unit cost c (mean unit price of a transactions file): holding = "
                            + settings.holdingCostRate() + " c per unit left at the end of a period, ordering = "
                            + settings.orderingCost() + " per order, shortage = " + settings.shortageCostRate()
                            + " c per unit not served from stock; turns = demand value / mean stock value over "
                            + "the replay (not annualised)");
            SeriesSet fitted = training.build();
            return new Replay(fitted.ids(), fitted, mean, stdDev, cost, test, settings,
                    options.getDouble("target"), measure, options.getInt("window"), notes);
        }
    }
}
