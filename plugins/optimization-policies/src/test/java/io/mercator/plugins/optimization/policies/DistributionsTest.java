package io.mercator.plugins.optimization.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Known answers for the demand distributions and stock-level searches (references in each test). */
class DistributionsTest {

    @Test
    void standardNormalLossMatchesTheTables() {
        // G(0) = 1/sqrt(2 pi); G(1), G(2) as tabulated by Silver, Pyke & Peterson and by scipy:
        // norm.pdf(z) - z * norm.sf(z)
        assertEquals(0.3989422804014327, NormalDemand.standardLoss(0), 1e-12);
        assertEquals(0.08331547058768629, NormalDemand.standardLoss(1), 1e-9);
        assertEquals(0.008490702616829673, NormalDemand.standardLoss(2), 1e-9);
    }

    @Test
    void leadTimeVarianceAddsToTheSafetyStock() {
        // d = 50 +- 10 per day, L = 4 +- 1 days: sigma = sqrt(4 * 100 + 50^2 * 1) = sqrt(2900);
        // safety stock at 95 %: 1.644854 * 53.85 = 88.578 (scipy norm.ppf(0.95) * sqrt(2900))
        DemandDistribution demand = DemandDistribution.over(50, 10, 4, 1, DemandDistribution.Shape.NORMAL);
        assertEquals(200, demand.mean(), 1e-12);
        assertEquals(88.57807864746614, demand.quantile(0.95) - 200, 1e-6);
        assertFalse(demand.discrete());
    }

    @Test
    void poissonQuantileAndLossAreExact() {
        // Poisson(2): P(X <= 3) = 0.857123, P(X <= 4) = 0.947347, so the 90 % quantile is 4;
        // E[(X - 2)+] = mean - 2 + E[(2 - X)+] = 2 p0 + p1 = 4 e^-2
        DemandDistribution poisson = new DiscreteDemand(2, 2);
        assertEquals(4, poisson.quantile(0.9), 0);
        assertEquals(3, poisson.quantile(0.857), 0);
        assertEquals(4 * Math.exp(-2), poisson.expectedShortage(2), 1e-12);
        assertEquals(2, poisson.expectedShortage(0), 1e-12);
        assertEquals(2.5, poisson.expectedShortage(-0.5), 1e-12);
        assertTrue(poisson.discrete());
    }

    @Test
    void negativeBinomialMatchesItsProbabilities() {
        // mean 2, variance 4: r = 2, pmf (k + 1) / 2^(k + 2) = 1/4, 1/4, 3/16, ...
        DemandDistribution lumpy = new DiscreteDemand(2, 4);
        assertEquals(1, lumpy.quantile(0.5), 0);
        assertEquals(2, lumpy.quantile(0.6875), 0);
        assertEquals(3, lumpy.quantile(0.69), 0);
        // E[(X - 1)+] = mean - 1 + P(X = 0) = 1.25; halfway to 2 the loss falls by half of P(X > 1)
        assertEquals(1.25, lumpy.expectedShortage(1), 1e-12);
        assertEquals(1.25 - 0.5 * 0.5, lumpy.expectedShortage(1.5), 1e-12);
    }

    @Test
    void gammaWithShapeOneIsTheExponential() {
        // mean 10, variance 100: exponential with mean 10; 95 % quantile -10 ln 0.05 = 29.957,
        // E[(X - 5)+] = 10 e^-0.5
        DemandDistribution exponential = new GammaDemand(10, 100);
        assertEquals(-10 * Math.log(0.05), exponential.quantile(0.95), 1e-6);
        assertEquals(10 * Math.exp(-0.5), exponential.expectedShortage(5), 1e-9);
        assertEquals(12, exponential.expectedShortage(-2), 1e-12);
        // shape 4, scale 2.5 (mean 10, variance 25): scipy gamma(4, scale=2.5).ppf(0.9) = 16.70196;
        // E[(X - 16)+] = 0.448000, scipy quad of the survival function from 16
        DemandDistribution skewed = new GammaDemand(10, 25);
        assertEquals(16.70195767063966, skewed.quantile(0.9), 1e-5);
        assertEquals(0.44800014904164387, skewed.expectedShortage(16), 1e-8);
    }

    @Test
    void zeroDemandIsAPointMass() {
        assertEquals(0, new DiscreteDemand(0, 0).quantile(0.99), 0);
        assertEquals(0, new DiscreteDemand(0, 0).expectedShortage(0), 0);
        assertEquals(0, new NormalDemand(0, 0).quantile(0.99), 0);
        assertEquals(3, new NormalDemand(0, 0).expectedShortage(-3), 0);
    }

    @Test
    void economicOrderQuantityIsTheTextbookOne() {
        // D = 1000 a year, K = 10 an order, h = 0.5 a unit-year: sqrt(2 * 1000 * 10 / 0.5) = 200
        assertEquals(200, StockLevels.economicOrderQuantity(1000, 10, 0.5), 1e-9);
        assertEquals(0, StockLevels.economicOrderQuantity(0, 10, 0.5), 0);
        assertEquals(Double.POSITIVE_INFINITY, StockLevels.economicOrderQuantity(1000, 10, 0), 0);
    }

    @Test
    void fillRateSearchFindsTheLossFunctionRoot() {
        // sigma 20, allowance 2 units: G(z) = 0.1 at z = 0.902346 (scipy brentq on norm.pdf(z) - z * norm.sf(z))
        DemandDistribution demand = new NormalDemand(200, 20);
        double level = StockLevels.smallestLevelWithin(demand::expectedShortage, 2, 200, 20, false);
        assertEquals(200 + 20 * 0.902346347510041, level, 1e-6);
        // whole units: E[(X - 2)+] = 4 e^-2 for Poisson(2), so 2 units meet that allowance and 3 are needed below it
        DemandDistribution poisson = new DiscreteDemand(2, 2);
        assertEquals(2, StockLevels.smallestLevelWithin(poisson::expectedShortage, 4 * Math.exp(-2) + 1e-9, 2, 1,
                true), 0);
        assertEquals(3, StockLevels.smallestLevelWithin(poisson::expectedShortage, 4 * Math.exp(-2) - 1e-9, 2, 1,
                true), 0);
    }
}
