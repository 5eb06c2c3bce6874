package io.mercator.plugins.forecasting.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class NumericsTest {

    @Test
    void kpssStatisticMatchesUrca() throws IOException {
        // urca::ur.kpss(y, type = "mu", use.lag = trunc(3 * sqrt(length(y)) / 13))@teststat, printed by benchmarks/r/arima-reference.R
        assertEquals(0.721974, Differencing.kpss(ReferenceSeries.resource("wwwusage.txt")), 1e-6);
        assertEquals(0.069465, Differencing.kpss(ReferenceSeries.resource("lynx.txt")), 1e-6);
        assertEquals(4.540882, Differencing.kpss(ReferenceSeries.logAirPassengers()), 1e-6);
    }

    @Test
    void differencesMatchNdiffsAndNsdiffs() throws IOException {
        double[] air = ReferenceSeries.logAirPassengers();
        assertEquals(1, Differencing.seasonalDifferences(air, 12, 1));
        assertEquals(1, Differencing.firstDifferences(Differencing.lagDifference(air, 12), 2));
        assertEquals(0, Differencing.firstDifferences(ReferenceSeries.resource("lynx.txt"), 2));
        assertEquals(1, Differencing.firstDifferences(ReferenceSeries.resource("wwwusage.txt"), 2));
    }

    @Test
    void seasonalStrengthSeparatesACycleFromNoise() {
        double[] cycle = new double[48];
        double[] noise = new double[48];
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = 10 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian();
            noise[t] = random.nextGaussian();
        }
        assertTrue(Differencing.seasonalStrength(cycle, 12) > 0.9);
        assertTrue(Differencing.seasonalStrength(noise, 12) < 0.64);
    }

    @Test
    void stationaryTransformRoundTrips() {
        double[] raw = {0.3, -1.2, 0.7};
        double[] coefficients = Polynomials.stationaryFromRaw(raw);
        assertArrayEquals(raw, Polynomials.rawFromStationary(coefficients), 1e-12);
        assertTrue(Polynomials.rootsOutside(coefficients, -1, 1));
        // 1 - 1.2 B + 0.2 B^2 = (1 - B)(1 - 0.2 B) has a unit root
        assertNull(Polynomials.rawFromStationary(new double[] {1.2, -0.2}));
        // 1 + 0.995 B has its root at 1.005: invertible, but within the 1.01 margin
        assertTrue(Polynomials.rootsOutside(new double[] {0.995}, 1, 1));
        assertFalse(Polynomials.rootsOutside(new double[] {0.995}, 1, 1.01));
    }

    @Test
    void polynomialsMultiplyOut() {
        // (1 - 0.5 B)(1 - 0.3 B^4) = 1 - 0.5 B - 0.3 B^4 + 0.15 B^5
        assertArrayEquals(new double[] {0.5, 0, 0, 0.3, -0.15},
                Polynomials.seasonalProduct(new double[] {0.5}, new double[] {0.3}, 4, -1), 1e-15);
        // (1 + 0.5 B)(1 + 0.3 B^2) = 1 + 0.5 B + 0.3 B^2 + 0.15 B^3
        assertArrayEquals(new double[] {0.5, 0.3, 0.15},
                Polynomials.seasonalProduct(new double[] {0.5}, new double[] {0.3}, 2, 1), 1e-15);
        // (1 - B)(1 - B^4) = 1 - B - B^4 + B^5
        assertArrayEquals(new double[] {1, 0, 0, 1, -1}, Polynomials.differencing(1, 1, 4), 0);
    }

    @Test
    void stationaryCovarianceSolvesTheLyapunovEquation() {
        // ARIMA(1,0,1)(1,0,1)[4] multiplied out: r = max(5, 6) = 6
        double[] phi = Polynomials.seasonalProduct(new double[] {0.6}, new double[] {0.8}, 4, -1);
        double[] theta = Polynomials.seasonalProduct(new double[] {0.3}, new double[] {-0.5}, 4, 1);
        int r = 6;
        double[] ar = java.util.Arrays.copyOf(phi, r);
        double[] loading = new double[r];
        loading[0] = 1;
        System.arraycopy(theta, 0, loading, 1, theta.length);
        double[] covariance = ArmaKalmanFilter.stationaryCovariance(ar, loading);
        // P = T P T' + R R' with T: first column ar, ones above the diagonal
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double expected = loading[i] * loading[j];
                for (int k = 0; k < r; k++) {
                    for (int l = 0; l < r; l++) {
                        double tik = (k == 0 ? ar[i] : 0) + (k == i + 1 ? 1 : 0);
                        double tjl = (l == 0 ? ar[j] : 0) + (l == j + 1 ? 1 : 0);
                        expected += tik * covariance[k * r + l] * tjl;
                    }
                }
                assertEquals(expected, covariance[i * r + j], 1e-9 * Math.abs(covariance[0]), "P[" + i + "][" + j + "]");
            }
        }
        assertNull(ArmaKalmanFilter.stationaryCovariance(new double[] {1.1, 0}, new double[] {1, 0}));
    }

    @Test
    void interpolationFillsGapsAndHoldsTheEnds() {
        assertArrayEquals(new double[] {2, 2, 3, 4, 4}, Differencing.interpolate(
                new double[] {Double.NaN, 2, Double.NaN, 4, Double.NaN}), 1e-12);
    }

    @Test
    void bfgsFindsTheMinimumOfRosenbrock() {
        double[] minimum = Bfgs.minimise(x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2),
                new double[] {-1.2, 1}, 1e-6, 1e-14, 500);
        assertArrayEquals(new double[] {1, 1}, minimum, 1e-3);
    }
}
