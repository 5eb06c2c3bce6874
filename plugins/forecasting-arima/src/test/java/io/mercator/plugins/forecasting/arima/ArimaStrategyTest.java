package io.mercator.plugins.forecasting.arima;

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
import org.junit.jupiter.api.Test;

class ArimaStrategyTest {

    private final ArimaStrategy strategy = new ArimaStrategy();

    private ArimaModel fit(SeriesSet data, Map<String, ?> parameters) {
        return (ArimaModel) strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    @Test
    void choosesTheAirlineModelForLogAirPassengers() throws IOException {
        ArimaModel model = fit(SeriesSet.builder(12).add("air", ReferenceSeries.logAirPassengers()).build(), Map.of());
        assertEquals("ARIMA(0,1,1)(0,1,1)[12]", model.description("air"));
        Forecast forecast = model.forecast("air", 3, 80, 95);
        // R: forecast(Arima(log(AirPassengers), c(0,1,1), c(0,1,1)), h = 3)
        assertArrayEquals(new double[] {6.110186, 6.053775, 6.171715}, forecast.mean(), 1e-4);
        assertTrue(forecast.upper(1)[0] > forecast.upper(0)[0], "the 95% interval is wider than the 80% one");
    }

    @Test
    void givenOrdersAreFitted() throws IOException {
        ArimaModel model = fit(SeriesSet.builder(1).add("www", ReferenceSeries.resource("wwwusage.txt")).build(),
                Map.of(ArimaStrategy.P, 3, ArimaStrategy.D, 1, ArimaStrategy.Q, 0));
        assertEquals("ARIMA(3,1,0)", model.description("www"));
    }

    @Test
    void seasonParameterOverridesTheData() throws IOException {
        ArimaModel model = fit(SeriesSet.builder(12).add("air", ReferenceSeries.logAirPassengers()).build(),
                Map.of(ArimaStrategy.SEASON, 1));
        assertTrue(!model.description("air").contains("["), model.description("air"));
    }

    @Test
    void constantAndAllZeroSeriesGetTheirValueWithZeroWidthIntervals() {
        double[] sevens = new double[30];
        java.util.Arrays.fill(sevens, 7);
        ArimaModel model = fit(SeriesSet.builder(12).add("zero", new double[30]).add("seven", sevens).build(),
                Map.of());
        assertArrayEquals(new double[3], model.forecast("zero", 3, 95).upper(0), 0);
        Forecast seven = model.forecast("seven", 3, 95);
        assertArrayEquals(new double[] {7, 7, 7}, seven.mean(), 0);
        assertArrayEquals(new double[] {7, 7, 7}, seven.lower(0), 0);
    }

    @Test
    void shortSeriesFallBackToARandomWalkOrTheirValue() {
        ArimaModel model = fit(SeriesSet.builder(12).add("two", 3, 5).add("one", 4).add("three", 1, 4, 2).build(),
                Map.of());
        assertEquals("ARIMA(0,1,0)", model.description("two"));
        assertArrayEquals(new double[] {5, 5}, model.forecast("two", 2).mean(), 0);
        assertArrayEquals(new double[] {4, 4}, model.forecast("one", 2).mean(), 0);
        Forecast three = model.forecast("three", 2, 90);
        assertArrayEquals(new double[] {2, 2}, three.mean(), 0);
        assertTrue(three.upper(0)[1] > three.upper(0)[0], "random-walk intervals widen");
    }

    @Test
    void perfectLineIsContinued() {
        double[] line = new double[30];
        for (int t = 0; t < line.length; t++) {
            line[t] = 10 + 3 * t;
        }
        ArimaModel model = fit(SeriesSet.builder(1).add("line", line).build(), Map.of());
        assertArrayEquals(new double[] {100, 103, 106}, model.forecast("line", 3).mean(), 1e-9);
    }

    @Test
    void missingValuesAreSkippedNotFatal() throws IOException {
        double[] y = ReferenceSeries.resource("wwwusage.txt");
        double[] gappy = y.clone();
        gappy[0] = Double.NaN;
        gappy[40] = Double.NaN;
        gappy[41] = Double.NaN;
        ArimaModel model = fit(SeriesSet.builder(1).add("full", y).add("gappy", gappy).build(), Map.of());
        double[] full = model.forecast("full", 5).mean();
        double[] withGaps = model.forecast("gappy", 5).mean();
        for (int h = 0; h < 5; h++) {
            assertEquals(full[h], withGaps[h], 0.05 * Math.abs(full[h]), "forecast " + h);
        }
    }

    @Test
    void forecastsOfNonNegativeSeriesStayAtOrAboveZero() {
        double[] falling = new double[40];
        for (int t = 0; t < falling.length; t++) {
            falling[t] = Math.max(0, 40 - t + (t % 3));
        }
        Forecast forecast = fit(SeriesSet.builder(1).add("falling", falling).build(), Map.of())
                .forecast("falling", 12, 95);
        for (int h = 0; h < 12; h++) {
            assertTrue(forecast.lower(0)[h] >= 0 && forecast.mean(h) >= 0, "period " + h);
        }
    }

    @Test
    void seriesWithoutObservationsIsRejectedByName() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> fit(SeriesSet.builder(1).add("empty", Double.NaN, Double.NaN).build(), Map.of()));
        assertTrue(error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void badHorizonIsRejected() {
        ArimaModel model = fit(SeriesSet.builder(1).add("a", 1, 2, 3, 2, 1, 2, 3).build(), Map.of());
        assertThrows(ValidationException.class, () -> model.forecast("a", 0));
        assertThrows(ValidationException.class, () -> model.forecast("unknown", 1));
    }

    @Test
    void modelSurvivesARoundTripThroughItsBytes() throws IOException {
        ArimaModel model = fit(SeriesSet.builder(12).add("air", ReferenceSeries.logAirPassengers())
                .add("one", 4).build(), Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        Forecast before = model.forecast("air", 24, 80);
        Forecast after = read.forecast("air", 24, 80);
        assertArrayEquals(before.mean(), after.mean(), 0);
        assertArrayEquals(before.upper(0), after.upper(0), 0);
        assertEquals("arima", read.strategyName());
        byte[] truncated = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        assertThrows(IOException.class, () -> strategy.readModel(new ByteArrayInputStream(truncated)));
        assertThrows(IOException.class, () -> strategy.readModel(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
    }
}
