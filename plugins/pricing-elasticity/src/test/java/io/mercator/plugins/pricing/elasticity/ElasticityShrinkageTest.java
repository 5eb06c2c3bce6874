package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ElasticityShrinkageTest {

    @Test
    void derSimonianLairdByHand() {
        // estimates -1 and -3, variances 1: fixed mean -2, Q = 2, tau^2 = (2 - 1) / (2 - 2/2) = 1;
        // random-effects weights 1/2 each: mu = -2, var(mu) = 1
        ElasticityShrinkage pooling = ElasticityShrinkage.fit(new double[] {-1, -3}, new double[] {1, 1});
        assertEquals(-2, pooling.mean(), 1e-12);
        assertEquals(1, pooling.betweenVariance(), 1e-12);
        assertEquals(2, pooling.predictiveVariance(), 1e-12);
        // half-way to mu; variance 1/2 * 1 + (1/2)^2 * 1
        assertArrayEquals(new double[] {-1.5, 0.75}, pooling.shrink(-1, 1), 1e-12);
    }

    @Test
    void agreeingEstimatesHaveNoBetweenVarianceAndAnImpreciseOneMovesToTheMean() {
        // estimates within their noise: Q = (0.05^2 * 2) / 0.01 = 0.5 < 2 degrees of freedom, so tau^2 = 0
        ElasticityShrinkage pooling = ElasticityShrinkage.fit(new double[] {-2, -2.05, -1.95},
                new double[] {0.01, 0.01, 0.01});
        assertEquals(0, pooling.betweenVariance(), 0);
        assertEquals(-2, pooling.mean(), 1e-12);
        assertEquals(-2, pooling.shrink(-5, 4)[0], 1e-12);
    }

    @Test
    void aSingleProductIsItsOwnPool() {
        ElasticityShrinkage pooling = ElasticityShrinkage.fit(new double[] {-2.5}, new double[] {0.04});
        assertEquals(-2.5, pooling.mean(), 0);
        assertArrayEquals(new double[] {-2.5, 0.04}, pooling.shrink(-2.5, 0.04), 1e-15);
    }
}
