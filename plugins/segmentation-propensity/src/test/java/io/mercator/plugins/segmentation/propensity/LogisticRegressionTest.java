package io.mercator.plugins.segmentation.propensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final double[] FEATURES = {0.5, 1.2, 1.5, -0.3, -0.7, 0.8, 2.0, 1.0, -1.2, -0.5, 0.3, -1.4, 1.1, 0.4,
        -0.4, 1.9, 0.9, -0.9, -1.6, 0.2};
    private static final int[] LABELS = {1, 1, 0, 1, 0, 0, 1, 0, 1, 0};

    @Test
    void coefficientsMatchAReferenceFit() {
        // reference: scipy 1.10.1 BFGS (gtol 1e-12) on sum(log-loss) + lambda / 2 * |w|^2, polished by numpy Newton
        // steps; scikit-learn 1.2.1 LogisticRegression(C = 1 / lambda, tol = 1e-10) agrees within 2e-5 (its lbfgs
        // stops short): intercept -0.42265749, coefficients 1.45122928, 0.15182185 for lambda = 1
        LogisticRegression fit = LogisticRegression.fit(FEATURES, 2, LABELS, 1.0);
        assertEquals(-0.42265622221851834, fit.intercept(), 1e-9);
        assertEquals(1.4512410180021398, fit.coefficients()[0], 1e-9);
        assertEquals(0.1518225067613293, fit.coefficients()[1], 1e-9);
        LogisticRegression stronger = LogisticRegression.fit(FEATURES, 2, LABELS, 2.0);
        assertEquals(-0.28333076124372636, stronger.intercept(), 1e-9);
        assertEquals(1.0345032082926036, stronger.coefficients()[0], 1e-9);
        assertEquals(0.08272611987747668, stronger.coefficients()[1], 1e-9);
    }

    @Test
    void separableDataStaysFiniteAndProbabilitiesFollowTheSigmoid() {
        LogisticRegression fit = LogisticRegression.fit(new double[] {-2, -1, 1, 2}, 1, new int[] {0, 0, 1, 1}, 1.0);
        double slope = fit.coefficients()[0];
        assertTrue(Double.isFinite(slope) && slope > 0, "slope " + slope);
        assertEquals(1 / (1 + Math.exp(-(fit.intercept() + 2 * slope))), fit.probability(new double[] {2}, 0), 1e-15);
    }
}
