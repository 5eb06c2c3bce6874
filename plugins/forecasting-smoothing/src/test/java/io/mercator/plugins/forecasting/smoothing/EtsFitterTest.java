package io.mercator.plugins.forecasting.smoothing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EtsFitterTest {

    /** AirPassengers 1949-1952 (48 months), fitted without seasonality. */
    private static final double[] FOUR_YEARS = Arrays.copyOf(SmoothingStrategiesTest.AIR_PASSENGERS, 48);

    /**
     * Expected values from R 4.2.2 with forecast 8.20 (Debian r-cran-forecast):
     * {@code ets(window(AirPassengers, end = c(1952, 12)), model = ..., damped = ...)}, its
     * {@code $loglik} and {@code forecast(fit, h = 1)$mean}. Both optimisers are Nelder-Mead
     * and stop on flat ridges: ours ends within 0.05 of R's maximum, sometimes above it. The
     * likelihood is flat along the trend (AAN: R's slope 2.38 per month, ours 1.86 with a higher
     * likelihood), so only the one-step forecast is compared.
     */
    private static void assertMatchesR(String form, double logLikelihood, double oneStep) {
        EtsFitter.Fit fit = EtsFitter.fit(FOUR_YEARS, 1, EtsForm.parse(form));
        assertTrue(fit.logLikelihood() >= logLikelihood - 0.05 && fit.logLikelihood() <= logLikelihood + 0.2,
                form + " log-likelihood " + fit.logLikelihood() + ", R " + logLikelihood);
        assertEquals(oneStep, fit.state().mean(1)[0], 0.005 * oneStep, form + " forecast");
    }

    @Test
    void simpleExponentialSmoothingMatchesR() {
        assertMatchesR("ANN", -225.4529, 193.9977959);
        assertMatchesR("MNN", -225.3549, 193.9977822);
    }

    @Test
    void holtAndDampedHoltMatchR() {
        assertMatchesR("AAN", -225.3506, 196.3739916);
        assertMatchesR("AAdN", -225.3209, 194.7615053);
    }

    @Test
    void formsNeedMoreObservationsThanParameters() {
        assertNull(EtsFitter.fit(new double[] {1, 2, 3, 4}, 1, EtsForm.parse("AAdN")));
        assertNull(EtsFitter.fit(Arrays.copyOf(FOUR_YEARS, 18), 12, EtsForm.parse("MAM")),
                "seasonal forms need two full seasons");
    }

    @Test
    void formsParseAndPrintInHyndmansNotation() {
        assertEquals("MAdM", EtsForm.parse("MAdM").toString());
        assertEquals(15, EtsFitter.candidates(true, true).size());
        assertEquals(6, EtsFitter.candidates(true, false).size());
    }
}
