package io.mercator.plugins.segmentation.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BgNbdTest {

    @Test
    void recoversThePublishedCdnowParameters() throws IOException {
        // Fader, Hardie & Lee (2005): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4,
        // on 2,357 customers with 2,457 repeat transactions in the 39-week calibration period
        RepeatPurchases calibration = RepeatPurchases.of(CdnowData.read(), CdnowData.CALIBRATION_END);
        assertEquals(2357, calibration.size());
        assertEquals(2457, Arrays.stream(calibration.x).sum(), 0);
        BgNbd model = BgNbd.fit(calibration.x, calibration.tx, calibration.observed);
        // the published values are rounded to three decimals
        assertEquals(0.243, model.r(), 0.0006);
        assertEquals(4.414, model.alpha(), 0.0006);
        assertEquals(0.793, model.a(), 0.0006);
        assertEquals(2.426, model.b(), 0.0006);
        double logLikelihood = 0;
        for (int c = 0; c < calibration.size(); c++) {
            logLikelihood += model.logLikelihood(calibration.x[c], calibration.tx[c], calibration.observed[c]);
        }
        assertEquals(-9582.4, logLikelihood, 0.06);
    }

    @Test
    void holdoutPurchasesOfCdnowAreForecastClosely() throws IOException {
        // the 39 weeks after calibration (to 1998-06-30); measured: 1,663 forecast against 1,882 observed
        Transactions all = CdnowData.read();
        RepeatPurchases calibration = RepeatPurchases.of(all, CdnowData.CALIBRATION_END);
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        double expected = 0;
        for (int c = 0; c < calibration.size(); c++) {
            expected += model.expectedPurchases(39, calibration.x[c], calibration.tx[c], calibration.observed[c]);
        }
        RepeatPurchases whole = RepeatPurchases.of(all, CdnowData.CALIBRATION_END + 39 * 7);
        double actual = Arrays.stream(whole.x).sum() - Arrays.stream(calibration.x).sum();
        assertEquals(actual, expected, 0.15 * actual, "expected " + expected + " holdout purchases, observed " + actual);
    }

    @Test
    void hypergeometricSeriesMatchesAClosedForm() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        for (double z : new double[] {0.1, 0.5, 0.9}) {
            assertEquals(-Math.log(1 - z) / z, BgNbd.hypergeometric(1, 1, 2, z), 1e-12);
        }
    }

    @Test
    void probabilityAliveFollowsTheHistory() {
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        assertEquals(1, model.probabilityAlive(0, 0, 30), 0);
        // same frequency: the customer who bought recently is more likely alive
        assertTrue(model.probabilityAlive(3, 29, 30) > model.probabilityAlive(3, 5, 30));
        // by hand: 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx))^(r + x)) for x = 1, tx = 10, T = 30
        double odds = 0.793 / 2.426 * Math.pow((4.414 + 30) / (4.414 + 10), 1.243);
        assertEquals(1 / (1 + odds), model.probabilityAlive(1, 10, 30), 1e-12);
    }
}
