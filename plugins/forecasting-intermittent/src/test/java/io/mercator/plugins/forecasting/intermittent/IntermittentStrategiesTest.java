package io.mercator.plugins.forecasting.intermittent;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntermittentStrategiesTest {

    /** Demands 3 (after an interval of 2) and 6 (after 3). */
    private static final SeriesSet LUMPY = SeriesSet.builder(1).add("sku", 0, 3, 0, 0, 6, 0).build();

    private static ForecastModel fit(ForecastStrategy strategy, SeriesSet data, Map<String, ?> parameters) {
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    @Test
    void crostonAndSbaMatchHandComputedSmoothing() {
        // alpha 0.5: size 3 -> 3 + 0.5 (6 - 3) = 4.5; interval 2 -> 2 + 0.5 (3 - 2) = 2.5
        assertEquals(1.8, fit(new CrostonStrategy(), LUMPY, Map.of("alpha", 0.5)).forecast("sku", 1).mean(0), 1e-12);
        assertEquals(0.75 * 1.8, fit(new SbaStrategy(), LUMPY, Map.of("alpha", 0.5)).forecast("sku", 1).mean(0),
                1e-12);
    }

    @Test
    void tsbMatchesHandComputedSmoothing() {
        // probability starts at 2/6 and moves half-way to 0 or 1 each period: 1/6, 7/12, 7/24, 7/48, 55/96, 55/192;
        // size 3 -> 4.5
        Forecast forecast = fit(new TsbStrategy(), LUMPY, Map.of("alpha", 0.5, "beta", 0.5)).forecast("sku", 3);
        assertArrayEquals(new double[] {4.5 * 55 / 192, 4.5 * 55 / 192, 4.5 * 55 / 192}, forecast.mean(), 1e-12);
    }

    @Test
    void intervalsComeFromTheInSampleErrorsAndStayAtOrAboveZero() {
        // Croston at alpha 0.5 forecasts 1.5 from the first demand until the second: errors -1.5, -1.5, 4.5, then
        // 0 - 1.8 = -1.8
        Forecast forecast = fit(new CrostonStrategy(), LUMPY, Map.of("alpha", 0.5)).forecast("sku", 2, 50);
        // sorted errors -1.8, -1.5, -1.5, 4.5: type-7 quantiles at 0.25 and 0.75 are -1.575 and 0
        assertEquals(1.8 - 1.575, forecast.lower(0)[1], 1e-12);
        assertEquals(1.8, forecast.upper(0)[1], 1e-12);
        Forecast wide = fit(new CrostonStrategy(), LUMPY, Map.of("alpha", 0.5)).forecast("sku", 1, 99);
        // quantiles at 0.005 and 0.995 (positions 0.015 and 2.985): -1.7955 and 4.41
        assertEquals(1.8 - 1.7955, wide.lower(0)[0], 1e-12);
        assertEquals(1.8 + (-1.5 + 0.985 * 6), wide.upper(0)[0], 1e-12);
        // TSB's forecast decays after the last sale: every in-sample error lies further below than the rate
        Forecast fading = fit(new TsbStrategy(), SeriesSet.builder(1).add("fading", 5, 0, 0, 0, 0, 0).build(),
                Map.of("beta", 0.5)).forecast("fading", 1, 95);
        assertTrue(fading.mean(0) > 0);
        assertEquals(0, fading.lower(0)[0], 0);
    }

    @Test
    void noDemandForecastsZeroAndNegativeDemandIsRejected() throws IOException {
        ForecastModel model = fit(new TsbStrategy(), SeriesSet.builder(1).add("dead", 0, 0, Double.NaN, 0).build(),
                Map.of());
        Forecast forecast = model.forecast("dead", 2, 95);
        assertArrayEquals(new double[2], forecast.upper(0), 0);
        ValidationException negative = assertThrows(ValidationException.class, () -> fit(new SbaStrategy(),
                SeriesSet.builder(1).add("returns", 1, -2).build(), Map.of()));
        assertEquals("series 'returns'", negative.field());
        assertEquals(1, negative.row());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        fit(new SbaStrategy(), LUMPY, Map.of()).writeTo(bytes);
        ForecastModel read = new SbaStrategy().readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(fit(new SbaStrategy(), LUMPY, Map.of()).forecast("sku", 2, 80).lower(0),
                read.forecast("sku", 2, 80).lower(0), 0);
        assertThrows(IOException.class, () -> new TsbStrategy().readModel(new ByteArrayInputStream(
                bytes.toByteArray())));
    }
}
