package io.mercator.plugins.forecasting.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class SmoothedStateTest {

    /**
     * R 4 with forecast 8.20: {@code fit <- ets(y, model = "MAN", damped = FALSE)} on
     * y = 112 118 132 129 121 135 148 148 136 119 104 118 115 126 141 135 125 149 170 170 158 133 114 140,
     * then {@code forecast(fit, h = 6, level = 80)}; the state is the last row of {@code fit$states},
     * sigma is {@code sqrt(fit$sigma2)}.
     */
    @Test
    void multiplicativeErrorIntervalsMatchRsClassTwoVariance() {
        SmoothedState state = new SmoothedState(EtsForm.parse("MAN"), 0.999551592724, 0.000100000704275, 0, 1,
                139.989379484, 2.30783055155, new double[0], 24, 0.116183592858);
        double[] mean = state.mean(6);
        assertArrayEquals(new double[] {142.297210035, 144.605040587, 146.912871138, 149.220701690, 151.528532241,
            153.836362793}, mean, 1e-6);
        double[] standardError = state.standardError(mean);
        double[] upper = new double[6];
        for (int h = 0; h < 6; h++) {
            upper[h] = mean[h] + 1.2815515655446004 * standardError[h];
        }
        assertArrayEquals(new double[] {163.484590877, 174.907382970, 184.447996803, 193.054411396, 201.089529093,
            208.737391943}, upper, 1e-5);
    }
}
