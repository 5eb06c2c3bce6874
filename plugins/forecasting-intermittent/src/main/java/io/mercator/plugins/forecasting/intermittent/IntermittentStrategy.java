package io.mercator.plugins.forecasting.intermittent;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Fits an {@link IntermittentMethod} to every series. Missing periods are skipped; negative
 * demand is rejected; a series without any demand forecasts zero.
 */
abstract class IntermittentStrategy implements ForecastStrategy {

    static final String ALPHA = "alpha";
    static final String BETA = "beta";

    private final IntermittentMethod method;
    private final StrategyDescriptor descriptor;

    IntermittentStrategy(IntermittentMethod method, String name, String description, boolean probability) {
        this.method = method;
        StrategyDescriptor.Builder builder = StrategyDescriptor.builder(Family.FORECASTING, name, "1.0.0")
                .vendor("Mercator")
                .description(description)
                .parameter(ParameterSpec.real(ALPHA, "smoothing weight of the demand sizes"
                        + (probability ? "" : " and intervals"), 0.1, 0.001, 1));
        if (probability) {
            builder.parameter(ParameterSpec.real(BETA, "smoothing weight of the demand probability", 0.1, 0.001, 1));
        }
        this.descriptor = builder.build();
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        double alpha = parameters.getDouble(ALPHA);
        double beta = method == IntermittentMethod.TSB ? parameters.getDouble(BETA) : 0;
        int count = data.size();
        double[] rate = new double[count];
        double[][] errors = new double[count][];
        for (int s = 0; s < count; s++) {
            if (s % 1024 == 0) {
                context.checkCancelled();
                context.progress((double) s / count, "");
            }
            double[] demand = Arrays.stream(data.values(s)).filter(v -> !Double.isNaN(v)).toArray();
            if (demand.length == 0) {
                throw new ValidationException("series '" + data.ids().id(s) + "'", "has no observed value");
            }
            for (int t = 0; t < demand.length; t++) {
                if (demand[t] < 0) {
                    throw new ValidationException("series '" + data.ids().id(s) + "'", t,
                            "demand " + demand[t] + " is negative");
                }
            }
            double[] residuals = new double[demand.length];
            double[] fitted = method.fit(demand, alpha, beta, residuals);
            rate[s] = fitted[0];
            errors[s] = Arrays.copyOf(residuals, (int) fitted[1]);
            Arrays.sort(errors[s]);
        }
        context.progress(1, "");
        return new IntermittentModel(descriptor.name(), descriptor.version(), data.ids(), rate, errors);
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return IntermittentModel.read(in, descriptor.name());
    }
}
