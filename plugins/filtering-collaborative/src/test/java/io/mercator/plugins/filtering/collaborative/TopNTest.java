package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TopNTest {

    @Test
    void picksTheBestInOrderAndBreaksTiesByRank() {
        double[] scores = {0.5, 2, 0.5, 3, -1, 0.5};
        int[] tieRank = {2, 0, 1, 3, 4, 0};
        assertArrayEquals(new int[] {3, 1, 5, 2}, TopN.select(scores, tieRank, null, 4));
        assertArrayEquals(new int[] {3, 1, 0}, TopN.select(scores, null, null, 3));
    }

    @Test
    void skipsDisallowedAndReturnsFewerWhenShort() {
        double[] scores = {1, 2, 3};
        assertArrayEquals(new int[] {2, 0}, TopN.select(scores, null, new boolean[] {true, false, true}, 10));
    }
}
