package io.mercator.plugins.forecasting.intermittent;

import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/** {@link IntermittentMethod#SBA} for intermittent demand; intervals from bootstrapped in-sample errors. */
@Component(service = ForecastStrategy.class, immediate = true)
public final class SbaStrategy extends IntermittentStrategy {

    /** Describes the strategy and its smoothing weights; the defaults are the literature's usual 0.1. */
    public SbaStrategy() {
        super(IntermittentMethod.SBA, "sba",
                "Syntetos-Boylan approximation: Croston's rate corrected for its upward bias.", false);
    }
}
