package io.mercator.plugins.forecasting.smoothing;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.forecasting.ForecastStrategy;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * ETS exponential smoothing: SES, Holt, damped Holt and Holt-Winters (additive and
 * multiplicative) as state-space models with additive or multiplicative errors, fitted by
 * maximum likelihood; by default the form with the smallest AICc is chosen per series, as R's
 * {@code forecast::ets} does.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class EtsStrategy extends SmoothingStrategy {

    static final String MODEL = "model";
    static final String AUTO = "auto";

    /** Describes the strategy and its one parameter, the model form. */
    public EtsStrategy() {
        super(StrategyDescriptor.builder(Family.FORECASTING, "ets", "1.0.0")
                .vendor("Mercator")
                .description("Exponential smoothing state-space models (ETS) fitted by maximum likelihood; "
                        + "the form (error, trend, season) is chosen per series by AICc unless given.")
                .parameter(ParameterSpec.choice(MODEL, "ETS form (error, trend, season), e.g. ANN = simple "
                        + "exponential smoothing, AAdN = damped Holt, MAM = multiplicative Holt-Winters; auto "
                        + "picks the smallest AICc per series", AUTO, AUTO, "ANN", "AAN", "AAdN", "ANA", "AAA",
                        "AAdA", "MNN", "MAN", "MAdN", "MNA", "MAA", "MAdA", "MNM", "MAM", "MAdM"))
                .build());
    }

    @Override
    SmoothedState fitSeries(double[] y, int seasonLength, Parameters parameters) {
        String model = parameters.getString(MODEL);
        boolean seasonal = seasonLength > 1 && seasonLength <= 24 && y.length > seasonLength;
        List<EtsForm> forms;
        if (AUTO.equals(model)) {
            boolean positive = true;
            for (double v : y) {
                positive &= Double.isNaN(v) || v > 0;
            }
            forms = EtsFitter.candidates(seasonal, positive);
        } else {
            forms = List.of(EtsForm.parse(model));
        }
        EtsFitter.Fit fit = EtsFitter.select(y, seasonal ? seasonLength : 1, forms);
        if (fit == null && AUTO.equals(model)) {
            fit = EtsFitter.fit(y, 1, EtsForm.parse("ANN"));
        }
        return fit == null ? null : fit.state();
    }
}
