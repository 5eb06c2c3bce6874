package io.mercator.plugins.segmentation.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GammaGammaTest {

    @Test
    void recoversThePublishedCdnowSpendParameters() throws IOException {
        // Fader & Hardie, "The Gamma-Gamma model of monetary value" (2013): p = 6.25, q = 3.74,
        // gamma = 15.44 on the 946 cdnow customers with repeat purchases in calibration.
        // benchmarks/r/gamma-gamma-cdnow.R (base R optim on the same likelihood) gives
        // p = 6.249560, q = 3.744225, gamma = 15.443559, log-likelihood -4055.9177.
        RepeatPurchases calibration = RepeatPurchases.of(CdnowData.read(), CdnowData.CALIBRATION_END);
        assertEquals(946, Arrays.stream(calibration.x).filter(x -> x > 0).count());
        GammaGamma model = GammaGamma.fit(calibration.x, calibration.meanRepeatValue);
        assertEquals(6.249560, model.p(), 0.001);
        assertEquals(3.744225, model.q(), 0.001);
        assertEquals(15.443559, model.gamma(), 0.003);
        double logLikelihood = 0;
        for (int c = 0; c < calibration.size(); c++) {
            if (calibration.x[c] > 0) {
                logLikelihood += model.logLikelihood(calibration.x[c], calibration.meanRepeatValue[c]);
            }
        }
        assertEquals(-4055.9177, logLikelihood, 0.001);
    }

    @Test
    void expectedSpendShrinksTheCustomersMeanTowardsThePopulationMean() {
        GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
        // p gamma / (q - 1) = 6.25 * 15.44 / 2.74
        assertEquals(35.2190, model.populationMeanSpend(), 1e-4);
        assertEquals(model.populationMeanSpend(), model.expectedSpend(0, 0), 1e-12);
        // by hand for x = 26 purchases of mean 39.97: 6.25 (15.44 + 26 * 39.97) / (6.25 * 26 + 2.74)
        assertEquals(6.25 * (15.44 + 26 * 39.97) / (6.25 * 26 + 2.74), model.expectedSpend(26, 39.97), 1e-12);
        double oneBigPurchase = model.expectedSpend(1, 300);
        double manyBigPurchases = model.expectedSpend(20, 300);
        assertTrue(oneBigPurchase > model.populationMeanSpend() && oneBigPurchase < manyBigPurchases
                && manyBigPurchases < 300);
    }

    @Test
    void tooFewRepeatSpendersAreRejected() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> GammaGamma.fit(new double[] {0, 3, 0}, new double[] {0, 12.5, 0}));
        assertEquals("transactions", error.field());
        assertTrue(error.getMessage().contains("1 customers"), error.getMessage());
    }
}
