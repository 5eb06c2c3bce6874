package io.mercator.plugins.forecasting.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmoothingStrategiesTest {

    /** R's datasets::AirPassengers, monthly 1949-1960. */
    static final double[] AIR_PASSENGERS = {
        112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133,
        114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242,
        209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264,
        302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313,
        318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318,
        362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
        417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432};

    private static ForecastModel fit(ForecastStrategy strategy, SeriesSet data, Map<String, ?> parameters) {
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    @Test
    void constantSeriesGetsTheConstantWithAZeroWidthInterval() {
        for (ForecastStrategy strategy : new ForecastStrategy[] {new EtsStrategy(), new ThetaStrategy()}) {
            Forecast forecast = fit(strategy, SeriesSet.builder(12).add("c", new double[30]).build(), Map.of())
                    .forecast("c", 3, 95);
            assertArrayEquals(new double[3], forecast.mean(), 0);
            assertArrayEquals(new double[3], forecast.upper(0), 0);
        }
    }

    @Test
    void holtContinuesAStraightLine() {
        double[] line = new double[20];
        for (int t = 0; t < line.length; t++) {
            line[t] = 5 + 2 * t;
        }
        ForecastModel model = fit(new EtsStrategy(), SeriesSet.builder(1).add("line", line).build(),
                Map.of(EtsStrategy.MODEL, "AAN"));
        assertArrayEquals(new double[] {45, 47, 49}, model.forecast("line", 3).mean(), 1e-4);
    }

    @Test
    void seasonalFormsRepeatAPureCycle() {
        double[] cycle = new double[48];
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = new double[] {10, 30, 20, 40}[t % 4];
        }
        ForecastModel model = fit(new EtsStrategy(), SeriesSet.builder(4).add("cycle", cycle).build(),
                Map.of(EtsStrategy.MODEL, "ANA"));
        assertArrayEquals(new double[] {10, 30, 20, 40, 10}, model.forecast("cycle", 5).mean(), 1e-4);
    }

    @Test
    void thetaOnALineAddsHalfTheSlopePerPeriod() {
        // SES on a line converges to alpha = 1 (level = last value); the drift is half the slope 3
        double[] line = new double[30];
        for (int t = 0; t < line.length; t++) {
            line[t] = 100 + 3 * t;
        }
        Forecast forecast = fit(new ThetaStrategy(), SeriesSet.builder(1).add("line", line).build(), Map.of())
                .forecast("line", 2);
        assertArrayEquals(new double[] {187 + 1.5, 187 + 3}, forecast.mean(), 0.05);
    }

    @Test
    void autoEtsPicksMultiplicativeSeasonalityForAirPassengers() {
        // R: ets(AirPassengers) selects ETS(M,Ad,M); its close rival is ETS(M,A,M)
        SmoothingModel model = (SmoothingModel) fit(new EtsStrategy(),
                SeriesSet.builder(12).add("air", AIR_PASSENGERS).build(), Map.of());
        assertTrue(model.form("air").matches("MA(d)?M"), model.form("air"));
        Forecast forecast = model.forecast("air", 12, 80, 95);
        // the 1961 forecasts peak in July like every year of the data
        double[] mean = forecast.mean();
        int peak = 0;
        for (int h = 1; h < 12; h++) {
            peak = mean[h] > mean[peak] ? h : peak;
        }
        assertEquals(6, peak);
        assertTrue(forecast.lower(1)[11] < forecast.lower(0)[11] && forecast.upper(0)[11] < forecast.upper(1)[11]);
    }

    /** ETS and Theta only, the default components; arima is not registered here, as without its bundle. */
    private static CombinationStrategy etsAndTheta() {
        return CombinationStrategy.of(new EtsStrategy(), new ThetaStrategy());
    }

    @Test
    void combinationAveragesTheRegisteredComponentsAndSkipsTheOthers() {
        SeriesSet air = SeriesSet.builder(12).add("air", AIR_PASSENGERS).build();
        Forecast ets = fit(new EtsStrategy(), air, Map.of()).forecast("air", 6, 80, 95);
        Forecast theta = fit(new ThetaStrategy(), air, Map.of()).forecast("air", 6, 80, 95);
        ForecastModel model = fit(etsAndTheta(), air, Map.of());
        assertEquals(List.of("ets", "theta"), ((CombinationModel) model).components().stream()
                .map(ForecastModel::strategyName).toList());
        Forecast combined = model.forecast("air", 6, 80, 95);
        for (int h = 0; h < 6; h++) {
            assertEquals((ets.mean(h) + theta.mean(h)) / 2, combined.mean(h), 1e-9);
            for (int l = 0; l < 2; l++) {
                assertEquals((ets.lower(l)[h] + theta.lower(l)[h]) / 2, combined.lower(l)[h], 1e-9);
                assertEquals((ets.upper(l)[h] + theta.upper(l)[h]) / 2, combined.upper(l)[h], 1e-9);
            }
        }
    }

    @Test
    void combinationComponentsAreChosenByName() {
        SeriesSet air = SeriesSet.builder(12).add("air", AIR_PASSENGERS).build();
        double[] theta = fit(new ThetaStrategy(), air, Map.of()).forecast("air", 6).mean();
        assertArrayEquals(theta, fit(etsAndTheta(), air, Map.of(CombinationStrategy.COMPONENTS, " theta ,arima"))
                .forecast("air", 6).mean(), 1e-12);
        ValidationException none = assertThrows(ValidationException.class, () -> fit(etsAndTheta(), air,
                Map.of(CombinationStrategy.COMPONENTS, "arima,prophet")));
        assertEquals(CombinationStrategy.COMPONENTS, none.field());
        assertTrue(none.getMessage().contains("arima, prophet"), none.getMessage());
        assertThrows(ValidationException.class, () -> fit(etsAndTheta(), air,
                Map.of(CombinationStrategy.COMPONENTS, "ets,combination")));
        assertThrows(ValidationException.class, () -> fit(etsAndTheta(), air,
                Map.of(CombinationStrategy.COMPONENTS, "ets,,theta")));
    }

    @Test
    void combinationModelsNeedTheirComponentsToBeReadBack() throws IOException {
        ForecastModel model = fit(etsAndTheta(), SeriesSet.builder(12).add("air", AIR_PASSENGERS).build(), Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        IOException missing = assertThrows(IOException.class, () -> CombinationStrategy.of(new EtsStrategy())
                .readModel(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(missing.getMessage().contains("combines theta 1.0.0"), missing.getMessage());
    }

    /** Version 1 of the combination stored its ETS and Theta states in a smoothing model: still read. */
    @Test
    void combinationModelsOfVersionOneAreStillRead() throws IOException {
        SmoothingModel old = new SmoothingModel("combination", "1.0.0", io.mercator.api.data.IdDictionary.of(
                "series", "flat"), new SmoothedState[][] {{SmoothedState.flat(5, 1, 10), SmoothedState.flat(7, 1, 10)}},
                new boolean[] {true});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        old.writeTo(bytes);
        ForecastModel read = etsAndTheta().readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("1.0.0", read.strategyVersion());
        assertEquals(6, read.forecast("flat", 1).mean(0), 1e-12);
    }

    @Test
    void modelsSurviveARoundTrip() throws IOException {
        ForecastStrategy strategy = etsAndTheta();
        ForecastModel model = fit(strategy, SeriesSet.builder(12).add("air", AIR_PASSENGERS).add("short", 1, 2)
                .build(), Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.forecast("air", 18, 90).upper(0), read.forecast("air", 18, 90).upper(0), 0);
        assertArrayEquals(model.forecast("short", 2).mean(), read.forecast("short", 2).mean(), 0);
        assertThrows(IOException.class, () -> new ThetaStrategy().readModel(new ByteArrayInputStream(
                bytes.toByteArray())));
        bytes.reset();
        fit(new ThetaStrategy(), SeriesSet.builder(12).add("air", AIR_PASSENGERS).build(), Map.of()).writeTo(bytes);
        byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 8);
        assertThrows(IOException.class, () -> new ThetaStrategy().readModel(new ByteArrayInputStream(truncated)));
    }

    @Test
    void shortMissingAndEmptySeries() {
        ForecastModel model = fit(new EtsStrategy(), SeriesSet.builder(12).add("two", 4, 6)
                .add("gaps", 1, Double.NaN, 3, 4, Double.NaN, 6, 7, 8, Double.NaN, 10).build(), Map.of());
        assertEquals(5, model.forecast("two", 1).mean(0), 0);
        double next = model.forecast("gaps", 1).mean(0);
        assertTrue(next > 9 && next < 12, "trend carried over the gaps: " + next);
        ValidationException empty = assertThrows(ValidationException.class, () -> fit(new ThetaStrategy(),
                SeriesSet.builder(1).add("none", Double.NaN).build(), Map.of()));
        assertEquals("series 'none'", empty.field());
        assertThrows(ValidationException.class, () -> model.forecast("unknown", 1));
        assertThrows(ValidationException.class, () -> model.forecast("two", 0));
    }

    /** Units sold cannot be negative: a slow mover's intervals stop at zero; a series that went negative keeps its. */
    @Test
    void forecastsOfNonNegativeSeriesStayAtOrAboveZero() throws IOException {
        double[] slowMover = {0, 1, 0, 0, 2, 0, 1, 0, 0, 3, 0, 1, 0, 0, 1, 2, 0, 0, 1, 0};
        double[] shifted = new double[slowMover.length];
        for (int t = 0; t < shifted.length; t++) {
            shifted[t] = slowMover[t] - 1;
        }
        SeriesSet data = SeriesSet.builder(1).add("units", slowMover).add("net", shifted).build();
        CombinationStrategy strategy = etsAndTheta();
        ForecastModel model = fit(strategy, data, Map.of());
        Forecast units = model.forecast("units", 4, 95);
        for (int h = 0; h < 4; h++) {
            assertTrue(units.lower(0)[h] >= 0, "lower bound " + units.lower(0)[h]);
        }
        assertEquals(0, units.lower(0)[0], 0, "the unfloored 95% bound of this series is negative");
        assertTrue(model.forecast("net", 4, 95).lower(0)[0] < -1, "a series with negative values is not floored");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(units.lower(0), read.forecast("units", 4, 95).lower(0), 0);
    }
}
