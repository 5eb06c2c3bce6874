package io.mercator.platform.evaluation.forecasting;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.TrainingContext;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The forecasting family's evaluator: backtests every requested strategy (all registered ones by
 * default) on series read by {@link SeriesFiles} and reports accuracy, interval quality and speed.
 */
@Component(service = Evaluator.class, immediate = true, property = Evaluator.FAMILY_PROPERTY + "=forecasting")
public final class ForecastingEvaluator implements Evaluator {

    static final String HORIZON = "horizon";
    static final String ORIGINS = "origins";
    static final String SEASON = "season";

    private static final List<ParameterSpec> OPTIONS = List.of(
            ParameterSpec.integer(HORIZON, "periods held out per origin when the data is one file", 12, 1, 1000),
            ParameterSpec.integer(ORIGINS, "rolling origins when the data is one file", 1, 1, 100),
            ParameterSpec.integer(SEASON, "season length of series whose data do not give one (series.csv's "
                    + "frequency column); 0 lets each strategy detect it", 0, 0, 1000));

    @Reference
    private StrategyRegistry registry;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Override
    public Family family() {
        return Family.FORECASTING;
    }

    @Override
    public List<ParameterSpec> options() {
        return OPTIONS;
    }

    @Override
    public EvaluationReport evaluate(EvaluationRequest request, TrainingContext context) {
        SeriesFiles.Data data = SeriesFiles.read(request.data());
        Backtest.Split split = new Backtest.Split(request.options().getInt(HORIZON),
                request.options().getInt(ORIGINS), request.options().getInt(SEASON));
        Backtest backtest = new Backtest(data, split);
        List<String> specs = request.strategies().isEmpty()
                ? registry.list(Family.FORECASTING).stream().map(info -> info.descriptor().name()).distinct().toList()
                : request.strategies();
        specs.forEach(spec -> registry.resolve(Family.FORECASTING, spec));
        List<String> columns = new ArrayList<>(Arrays.asList(ForecastAccuracy.COLUMNS));
        columns.add("fit s");
        columns.add("series/s");
        List<EvaluationReport.Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add(backtest.givenSplit()
                ? "split: the data's own train/test files; horizon per series = its test rows"
                : String.format(Locale.ROOT, "split: last %d periods held out at %d rolling origin(s)",
                        split.horizon(), split.origins()));
        notes.add("sMAPE: mean 200|y-f|/(|y|+|f|); MASE: mean|y-f| / mean|y_t - y_(t-m)| of the training part; "
                + "RMSSE: its root-mean-square analogue; MSIS: 95% interval score scaled like MASE; each averaged "
                + "over series; cover80/95: % of all test actuals inside the 80%/95% intervals (M3/M4 definitions)");
        for (int s = 0; s < specs.size(); s++) {
            String spec = specs.get(s);
            try (StrategyLease<ForecastStrategy> lease = registry.acquire(ForecastStrategy.class, spec)) {
                StrategyInfo info = lease.info();
                String label = info.descriptor().name() + "@" + info.descriptor().version();
                int index = s;
                try {
                    Backtest.Result result = backtest.run(lease.strategy(),
                            request.parametersFor(lease.info().descriptor()), new ScaledProgress(context, index,
                            specs.size()));
                    double[] values = Arrays.copyOf(result.metrics(), columns.size());
                    values[columns.size() - 2] = result.seconds();
                    values[columns.size() - 1] = result.forecasts() / Math.max(result.seconds(), 1e-9);
                    rows.add(new EvaluationReport.Row(label, values));
                    if (s == 0) {
                        notes.add(result.forecasts() + " series-origins scored from " + data.ids().size() + " series; "
                                + result.unscaled() + " without a seasonal change in training are left out of "
                                + "MASE, RMSSE and MSIS");
                    }
                } catch (CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // a vendor strategy that throws is reported in its row, not allowed to end the evaluation
                    lease.failed(e);
                    logger.warn("Strategy {} failed on {}: {}", label, request.data(), e.getMessage());
                    double[] failed = new double[columns.size()];
                    Arrays.fill(failed, Double.NaN);
                    rows.add(new EvaluationReport.Row(label, failed));
                    notes.add(label + " failed: " + e.getMessage());
                }
            }
        }
        String title = String.format(Locale.ROOT, "forecasting on %s: %d series", request.data().getFileName(),
                data.ids().size());
        return new EvaluationReport(title, columns, rows, notes);
    }

    /** Maps one strategy's progress into its share of the whole evaluation. */
    private record ScaledProgress(TrainingContext context, int index, int count) implements TrainingContext {

        @Override
        public void progress(double fraction, String message) {
            context.progress((index + fraction) / count, message);
        }

        @Override
        public boolean isCancelled() {
            return context.isCancelled();
        }
    }
}
