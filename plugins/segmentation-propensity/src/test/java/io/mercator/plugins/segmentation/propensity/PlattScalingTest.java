package io.mercator.plugins.segmentation.propensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {

    /** Outcomes drawn with probability sigmoid(slope * score + intercept) for scores uniform in [-3, 3]. */
    private static PlattScaling fitOnDrawn(double slope, double intercept) {
        Random random = new Random(7);
        int n = 40_000;
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            score[i] = -3 + 6 * random.nextDouble();
            positive[i] = random.nextDouble() < PlattScaling.sigmoid(slope * score[i] + intercept);
        }
        return PlattScaling.fit(score, positive);
    }

    @Test
    void recoversTheMapTheOutcomesWereDrawnWith() {
        PlattScaling calibrated = fitOnDrawn(1, 0);
        assertEquals(1, calibrated.slope(), 0.05);
        assertEquals(0, calibrated.intercept(), 0.05);
        // an over-confident score: the outcomes follow half its log-odds, shifted down
        PlattScaling shrunk = fitOnDrawn(0.5, -1);
        assertEquals(0.5, shrunk.slope(), 0.05);
        assertEquals(-1, shrunk.intercept(), 0.05);
        assertEquals(PlattScaling.sigmoid(0.5 * 2 - 1), shrunk.probability(2), 0.02);
    }

    @Test
    void separatedOutcomesGiveAFiniteMapThanksToTheSmoothedTargets() {
        double[] score = {-2, -1, 1, 2};
        boolean[] positive = {false, false, true, true};
        PlattScaling map = PlattScaling.fit(score, positive);
        assertTrue(Double.isFinite(map.slope()) && map.slope() > 0, map.toString());
        // smoothed targets: positives aim at 3/4, negatives at 1/4, so no probability reaches 0.9
        assertTrue(map.probability(2) > 0.5 && map.probability(2) < 0.9, map.toString());
        assertEquals(0.5, map.probability(0), 1e-9);
    }
}
