package io.mercator.plugins.forecasting.intermittent;

import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/** {@link IntermittentMethod#TSB} for intermittent demand; intervals from bootstrapped in-sample errors. */
@Component(service = ForecastStrategy.class, immediate = true)
public final class TsbStrategy extends IntermittentStrategy {

    /** Describes the strategy and its smoothing weights; the defaults are the literature's usual 0.1. */
    public TsbStrategy() {
        super(IntermittentMethod.TSB, "tsb",
                "Teunter-Syntetos-Babai: smooths the demand probability every period, so that the forecast "
                + "decays for items that stop selling.", true);
    }
}
