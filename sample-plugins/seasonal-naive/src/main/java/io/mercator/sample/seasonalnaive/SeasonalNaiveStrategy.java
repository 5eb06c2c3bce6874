package io.mercator.sample.seasonalnaive;

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
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Seasonal naive forecasting: each future period is forecast by the same period of the last
 * {@code seasons} seasons (their mean when more than one). Prediction intervals come from the
 * standard deviation of the method's one-step residuals, widened by the square root of the number
 * of seasons ahead (Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 5.5).
 *
 * <p>The component's properties file sets the strategy version and the default number of seasons,
 * so the same code ships as version 1 (one season) and version 2 (two seasons).
 */
@Component(service = ForecastStrategy.class, immediate = true, properties = "OSGI-INF/seasonal-naive.properties")
public final class SeasonalNaiveStrategy implements ForecastStrategy {

    static final String NAME = "seasonal-naive";
    static final String SEASON_LENGTH = "season-length";
    static final String SEASONS = "seasons";

    private final StrategyDescriptor descriptor;

    /**
     * @param version the strategy version
     * @param defaultSeasons how many past seasons are averaged unless the caller says otherwise
     */
    public SeasonalNaiveStrategy(String version, int defaultSeasons) {
        descriptor = StrategyDescriptor.builder(Family.FORECASTING, NAME, version)
                .vendor("Mercator samples")
                .description("Repeats the last season (or the mean of the last few seasons); the baseline "
                        + "every seasonal forecast should beat.")
                .parameter(ParameterSpec.integer(SEASON_LENGTH,
                        "Periods per season; 0 takes the season length of the data", 0, 0, 10_000))
                .parameter(ParameterSpec.integer(SEASONS, "How many past seasons to average", defaultSeasons, 1, 100))
                .build();
    }

    /** @param properties component properties, from {@code OSGI-INF/seasonal-naive.properties} */
    @Activate
    public SeasonalNaiveStrategy(Map<String, Object> properties) {
        this(String.valueOf(properties.get("strategy.version")),
                Integer.parseInt(String.valueOf(properties.get("default.seasons"))));
    }

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        int seasonLength = parameters.getInt(SEASON_LENGTH) > 0 ? parameters.getInt(SEASON_LENGTH) : data.seasonLength();
        if (seasonLength < 1) {
            throw new ValidationException(SEASON_LENGTH, "the data does not say its season length; give one");
        }
        int seasons = parameters.getInt(SEASONS);
        SeasonalNaiveModel.Fitted[] fitted = new SeasonalNaiveModel.Fitted[data.size()];
        for (int s = 0; s < data.size(); s++) {
            context.checkCancelled();
            fitted[s] = SeasonalNaiveModel.fitSeries(data.ids().id(s), data.values(s), seasonLength, seasons);
            context.progress((s + 1.0) / data.size(), data.ids().id(s));
        }
        return new SeasonalNaiveModel(descriptor.version(), data.ids(), seasonLength, fitted);
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return SeasonalNaiveModel.read(in);
    }
}
