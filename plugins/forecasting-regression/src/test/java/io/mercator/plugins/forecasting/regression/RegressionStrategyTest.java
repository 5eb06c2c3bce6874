package io.mercator.plugins.forecasting.regression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.Regressors;
import io.mercator.api.forecasting.SeriesSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionStrategyTest {

    private static final int HISTORY = 48;
    private static final int AHEAD = 6;
    private static final double[] SEASON = {0, 2, 5, 9, 4, 1, -2, -6, -8, -3, 0, -2};

    private static final RegressionStrategy STRATEGY = new RegressionStrategy();

    /**
     * Monthly demand with planted effects: trend 0.5 per period, a seasonal profile, price -3,
     * promotion +8, and deterministic pseudo-noise; the same formulas as
     * benchmarks/r/regression-reference.R.
     */
    private static SeriesSet planted() {
        double[] price = new double[HISTORY + AHEAD];
        double[] promotion = new double[HISTORY + AHEAD];
        double[] demand = new double[HISTORY];
        for (int t = 0; t < HISTORY + AHEAD; t++) {
            price[t] = 10 + Math.sin(t / 5.0);
            promotion[t] = t % 7 == 3 ? 1 : 0;
            if (t < HISTORY) {
                double noise = 2 * Math.sin(2.3 * t) + Math.cos(1.1 * t * t);
                demand[t] = 100 + 0.5 * t + SEASON[t % 12] - 3 * price[t] + 8 * promotion[t] + noise;
            }
        }
        return SeriesSet.builder(12).add("sku", demand).build()
                .withRegressors(Regressors.builder("price", "promotion").add("sku", price, promotion).build());
    }

    private static ForecastModel fit(SeriesSet data, Map<String, ?> parameters) {
        return STRATEGY.fit(data, Parameters.resolve(STRATEGY.descriptor().parameters(), parameters),
                TrainingContext.none());
    }

    @Test
    void seasonalDummiesMatchRsLmAndPredict() {
        ForecastModel model = fit(planted(), Map.of("ridge", 0.0));
        // Rscript benchmarks/r/regression-reference.R: lm(y ~ t + factor(t %% 12) + price + promotion)
        double[] coefficients = ((RegressionModel) model).coefficients("sku");
        assertEquals(0.5017318382, coefficients[1], 1e-8);
        assertEquals(-2.990928452, coefficients[coefficients.length - 2], 1e-8);
        assertEquals(7.984655173, coefficients[coefficients.length - 1], 1e-8);
        Forecast forecast = model.forecast("sku", AHEAD, 80, 95);
        assertArrayEquals(new double[] {95.49091347, 97.35350094, 100.9765391, 106.4828533, 110.7048667,
            99.63456457}, forecast.mean(), 1e-7);
        // prediction intervals with Student's t and the coefficients' own uncertainty
        assertArrayEquals(new double[] {92.68474007, 94.5520691, 98.14796621, 103.6394755, 107.6810078,
            96.76573462}, forecast.lower(0), 1e-7);
        assertArrayEquals(new double[] {99.85662475, 101.7118355, 105.3770985, 110.9064454, 115.4092427,
            104.0977539}, forecast.upper(1), 1e-7);
    }

    @Test
    void fourierTermsMatchRsLm() {
        ForecastModel model = fit(planted(), Map.of("ridge", 0.0, "seasonal", "fourier", "fourierTerms", 3));
        double[] coefficients = ((RegressionModel) model).coefficients("sku");
        assertEquals(0.4965827974, coefficients[1], 1e-8);
        assertEquals(8.300753478, coefficients[coefficients.length - 1], 1e-8);
        Forecast forecast = model.forecast("sku", AHEAD, 80);
        assertArrayEquals(new double[] {93.82226455, 97.38266609, 102.1211333, 104.4579424, 111.5779227,
            100.2143839}, forecast.mean(), 1e-7);
        assertArrayEquals(new double[] {90.78665237, 94.30283733, 99.02800034, 101.3577548, 108.3079966,
            97.0779674}, forecast.lower(0), 1e-7);
    }

    @Test
    void defaultRidgeStaysCloseToLeastSquaresAndSolvesCollinearRegressors() {
        double[] ols = fit(planted(), Map.of("ridge", 0.0)).forecast("sku", AHEAD).mean();
        assertArrayEquals(ols, fit(planted(), Map.of()).forecast("sku", AHEAD).mean(), 0.01);
        // the same promotion column twice: singular for least squares, the effect shared under the ridge
        SeriesSet base = planted();
        double[] promotion = base.regressors().values("sku", 1);
        SeriesSet twice = SeriesSet.builder(12).add("sku", base.values(0)).build().withRegressors(
                Regressors.builder("price", "promotion", "promotionAgain")
                        .add("sku", base.regressors().values("sku", 0), promotion, promotion).build());
        ValidationException singular = assertThrows(ValidationException.class, () -> fit(twice, Map.of("ridge", 0.0)));
        assertTrue(singular.getMessage().contains("collinear"), singular.getMessage());
        double[] shared = ((RegressionModel) fit(twice, Map.of())).coefficients("sku");
        assertEquals(7.98, shared[shared.length - 1] + shared[shared.length - 2], 0.05);
        assertArrayEquals(ols, fit(twice, Map.of()).forecast("sku", AHEAD).mean(), 0.01);
    }

    @Test
    void aLineWithoutRegressorsIsForecastExactlyWithZeroWidthIntervals() {
        double[] line = new double[24];
        Arrays.setAll(line, t -> 5 + 2.0 * t);
        Forecast forecast = fit(SeriesSet.builder(1).add("line", line).build(), Map.of("ridge", 0.0))
                .forecast("line", 3, 95);
        assertArrayEquals(new double[] {53, 55, 57}, forecast.mean(), 1e-9);
        assertArrayEquals(forecast.mean(), forecast.upper(0), 1e-6);
    }

    @Test
    void missingObservationsAreSkippedAndAConstantRegressorIsDropped() {
        SeriesSet base = planted();
        double[] gappy = base.values(0);
        gappy[10] = Double.NaN;
        double[] neverOnSale = new double[HISTORY + AHEAD];
        SeriesSet data = SeriesSet.builder(12).add("sku", gappy).build().withRegressors(
                Regressors.builder("price", "promotion", "clearance")
                        .add("sku", base.regressors().values("sku", 0), base.regressors().values("sku", 1), neverOnSale)
                        .build());
        RegressionModel model = (RegressionModel) fit(data, Map.of("ridge", 0.0));
        double[] coefficients = model.coefficients("sku");
        assertEquals(0, coefficients[coefficients.length - 1]);
        assertEquals(8, coefficients[coefficients.length - 2], 0.5);
    }

    @Test
    void theHorizonCannotOutrunTheFutureRegressors() {
        ForecastModel model = fit(planted(), Map.of());
        ValidationException tooFar = assertThrows(ValidationException.class, () -> model.forecast("sku", AHEAD + 1));
        assertTrue(tooFar.getMessage().contains("only 6 future periods"), tooFar.getMessage());
    }

    @Test
    void badInputIsNamed() {
        ValidationException shortSeries = assertThrows(ValidationException.class,
                () -> fit(SeriesSet.builder(12).add("new-sku", 1, 2, 3).build(), Map.of()));
        assertTrue(shortSeries.getMessage().contains("new-sku"), shortSeries.getMessage());
        ValidationException uncovered = assertThrows(ValidationException.class,
                () -> SeriesSet.builder(1).add("a", 1, 2, 3).add("b", 1, 2).build()
                        .withRegressors(Regressors.builder("price").add("a", new double[] {1, 1, 1}).build()));
        assertTrue(uncovered.getMessage().contains("'b'"), uncovered.getMessage());
        ValidationException tooShort = assertThrows(ValidationException.class,
                () -> SeriesSet.builder(1).add("a", 1, 2, 3).build()
                        .withRegressors(Regressors.builder("price").add("a", new double[] {1, 1}).build()));
        assertTrue(tooShort.getMessage().contains("cover only 2"), tooShort.getMessage());
        assertThrows(ValidationException.class, () -> Regressors.builder("price").add("a", new double[] {Double.NaN}));
    }

    @Test
    void modelRoundTripsThroughItsBytes() throws IOException {
        ForecastModel model = fit(planted(), Map.of("seasonal", "fourier"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        ForecastModel read = STRATEGY.readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertArrayEquals(model.forecast("sku", AHEAD, 90).upper(0), read.forecast("sku", AHEAD, 90).upper(0), 0);
    }
}
