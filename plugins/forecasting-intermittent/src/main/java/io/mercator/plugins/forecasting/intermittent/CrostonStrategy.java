package io.mercator.plugins.forecasting.intermittent;

import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/** {@link IntermittentMethod#CROSTON} for intermittent demand; intervals from bootstrapped in-sample errors. */
@Component(service = ForecastStrategy.class, immediate = true)
public final class CrostonStrategy extends IntermittentStrategy {

    /** Describes the strategy and its smoothing weights; the defaults are the literature's usual 0.1. */
    public CrostonStrategy() {
        super(IntermittentMethod.CROSTON, "croston",
                "Croston's method: smooths demand sizes and the intervals between demands; forecast = size "
                + "/ interval.", false);
    }
}
