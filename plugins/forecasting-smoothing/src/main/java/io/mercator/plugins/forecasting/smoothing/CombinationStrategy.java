package io.mercator.plugins.forecasting.smoothing;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastStrategy;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * An equal-weight combination of automatic forecasters, the approach that beat single methods in
 * the M3 and M4 competitions: by default automatic ETS and Theta, whose errors differ most (ETS is
 * best on short non-seasonal series, Theta on seasonal ones). Other members, such as damped-trend
 * ETS, can be named.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class CombinationStrategy extends SmoothingStrategy {

    static final String MEMBERS = "members";
    private static final String DEFAULT_MEMBERS = "ets,theta";

    /** Describes the strategy and its one parameter, the members. */
    public CombinationStrategy() {
        super(StrategyDescriptor.builder(Family.FORECASTING, "combination", "1.0.0")
                .vendor("Mercator")
                .description("Mean of the automatic ETS and Theta forecasts: more accurate on average than "
                        + "either alone.")
                .parameter(ParameterSpec.text(MEMBERS, "comma-separated members: ets (automatic), theta, or an "
                        + "ETS form such as AAdN", DEFAULT_MEMBERS))
                .build());
    }

    @Override
    SmoothedState[] fitSeries(double[] y, int seasonLength, Parameters parameters) {
        List<SmoothedState> states = new ArrayList<>();
        for (String member : parameters.getString(MEMBERS).split(",")) {
            String name = member.trim();
            SmoothedState state;
            if (name.equals("theta")) {
                state = ThetaStrategy.fitTheta(y, seasonLength);
            } else {
                String form = name.equals("ets") ? EtsStrategy.AUTO : name;
                try {
                    EtsForm.parse(form.equals(EtsStrategy.AUTO) ? "ANN" : form);
                } catch (IllegalArgumentException e) {
                    throw new ValidationException(MEMBERS, "'" + name + "' is neither ets, theta nor an ETS form");
                }
                state = EtsStrategy.fitForm(y, seasonLength, form);
            }
            if (state != null) {
                states.add(state);
            }
        }
        return states.isEmpty() ? null : states.toArray(SmoothedState[]::new);
    }
}
