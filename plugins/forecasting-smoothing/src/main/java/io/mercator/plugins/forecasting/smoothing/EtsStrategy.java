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
 * {@code forecast::ets} does. As there, seasons longer than 24 periods (weekly data with a yearly
 * cycle) and series shorter than two seasons are fitted without seasonality, and multiplicative
 * forms are only tried on strictly positive series.
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
    SmoothedState[] fitSeries(double[] y, int seasonLength, Parameters parameters) {
        SmoothedState state = fitForm(y, seasonLength, parameters.getString(MODEL));
        return state == null ? null : new SmoothedState[] {state};
    }

    /**
     * @param y observations, NaN for missing
     * @param seasonLength periods per season, 1 for none
     * @param model an ETS form or {@link #AUTO}
     * @return the fitted state, null when the series is too short for the form
     */
    static SmoothedState fitForm(double[] y, int seasonLength, String model) {
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
        return fit == null ? null
                : SpreadCalibration.calibrate(fit.state(), y, fit.origins().get(), seasonal ? seasonLength : 1,
                        fit.degreesOfFreedom());
    }
}
