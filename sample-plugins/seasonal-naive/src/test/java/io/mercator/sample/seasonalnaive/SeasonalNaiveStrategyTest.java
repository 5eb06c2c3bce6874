package io.mercator.sample.seasonalnaive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.SeriesSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SeasonalNaiveStrategyTest {

    /** Three seasons of four periods; every period grows by exactly 2 per season. */
    private static final SeriesSet DATA = SeriesSet.builder(4)
            .add("sku-1", 10, 20, 30, 40, 12, 22, 32, 42, 14, 24, 34, 44)
            .build();
    private static final double Z95 = 1.959963984540054;

    private static ForecastModel fit(SeasonalNaiveStrategy strategy, SeriesSet data, Map<String, ?> parameters) {
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    @Test
    void versionOneRepeatsTheLastSeasonWithWideningIntervals() {
        ForecastModel model = fit(new SeasonalNaiveStrategy("1.0.0", 1), DATA, Map.of());
        Forecast forecast = model.forecast("sku-1", 8, 95);
        assertArrayEquals(new double[] {14, 24, 34, 44, 14, 24, 34, 44}, forecast.mean(), 1e-12);
        // every seasonal difference is 2, so the residual standard deviation is 2
        assertEquals(14 - Z95 * 2, forecast.lower(0)[0], 1e-9);
        assertEquals(14 + Z95 * 2, forecast.upper(0)[0], 1e-9);
        // one season further ahead the spread grows by sqrt(2)
        assertEquals(14 + Z95 * 2 * Math.sqrt(2), forecast.upper(0)[4], 1e-9);
        assertEquals("1.0.0", model.strategyVersion());
    }

    @Test
    void versionTwoAveragesTheLastTwoSeasons() {
        ForecastModel model = fit(new SeasonalNaiveStrategy("2.0.0", 2), DATA, Map.of());
        Forecast forecast = model.forecast("sku-1", 4, 80);
        assertArrayEquals(new double[] {13, 23, 33, 43}, forecast.mean(), 1e-12);
        // residuals: 2 four times (one season of history), then 3 four times (mean of two seasons)
        double sigma = Math.sqrt((4 * 4 + 4 * 9) / 8.0);
        double z80 = 1.2815515655446004;
        assertEquals(13 - z80 * sigma, forecast.lower(0)[0], 1e-9);
    }

    @Test
    void callerParametersOverrideDefaultsAndAreValidated() {
        SeasonalNaiveStrategy strategy = new SeasonalNaiveStrategy("1.0.0", 1);
        ForecastModel model = fit(strategy, DATA, Map.of("seasons", "3"));
        assertEquals(12, model.forecast("sku-1", 1).mean(0), 1e-12);
        ValidationException outOfRange = assertThrows(ValidationException.class,
                () -> fit(strategy, DATA, Map.of("seasons", 0)));
        assertEquals("seasons", outOfRange.field());
    }

    @Test
    void missingValuesFallBackToEarlierSeasons() {
        SeriesSet gappy = SeriesSet.builder(2).add("a", 1, 2, 3, Double.NaN).build();
        ForecastModel model = fit(new SeasonalNaiveStrategy("1.0.0", 1), gappy, Map.of("seasons", 2));
        assertEquals(2.0, model.forecast("a", 2).mean(1), 1e-12);
        assertEquals(2.0, model.forecast("a", 2).mean(0), 1e-12); // mean of 3 and 1
    }

    @Test
    void badInputIsRejectedWithTheFieldAtFault() {
        SeasonalNaiveStrategy strategy = new SeasonalNaiveStrategy("1.0.0", 1);
        SeriesSet tooShort = SeriesSet.builder(4).add("short", 1, 2, 3).build();
        ValidationException shortSeries = assertThrows(ValidationException.class, () -> fit(strategy, tooShort, Map.of()));
        assertTrue(shortSeries.getMessage().contains("'short'"), shortSeries.getMessage());

        SeriesSet unknownSeason = SeriesSet.builder(0).add("x", 1, 2, 3).build();
        assertEquals("season-length",
                assertThrows(ValidationException.class, () -> fit(strategy, unknownSeason, Map.of())).field());

        ForecastModel model = fit(strategy, DATA, Map.of());
        assertEquals("series", assertThrows(ValidationException.class, () -> model.forecast("nope", 1)).field());
        assertEquals("horizon", assertThrows(ValidationException.class, () -> model.forecast("sku-1", 0)).field());
        assertEquals("levels", assertThrows(ValidationException.class, () -> model.forecast("sku-1", 1, 100)).field());
    }

    @Test
    void modelRoundTripsThroughBytes() throws IOException {
        SeasonalNaiveStrategy strategy = new SeasonalNaiveStrategy("1.0.0", 1);
        ForecastModel model = fit(strategy, DATA, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.forecast("sku-1", 6, 50, 95).upper(1), read.forecast("sku-1", 6, 50, 95).upper(1));
        assertEquals(model.series(), read.series());
        assertThrows(IOException.class, () -> strategy.readModel(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
    }

    @Test
    void cancelledFitStops() {
        SeasonalNaiveStrategy strategy = new SeasonalNaiveStrategy("1.0.0", 1);
        TrainingContext cancelled = new TrainingContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> strategy.fit(DATA,
                Parameters.defaults(strategy.descriptor().parameters()), cancelled));
    }
}
