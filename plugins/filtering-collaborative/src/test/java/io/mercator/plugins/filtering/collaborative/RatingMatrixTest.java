package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.filtering.Interactions;
import org.junit.jupiter.api.Test;

class RatingMatrixTest {

    /** u1 rated a twice (4 then 2) and b once; as purchases, u1 bought a 3 + 1 units and b 1 unit. */
    private static final Interactions REPEATED = Interactions.builder()
            .add("u1", "a", 4).add("u1", "b", 1).add("u1", "a", 2).build();

    @Test
    void ratingsOfARepeatedPairAreAveraged() {
        RatingMatrix matrix = RatingMatrix.of(REPEATED);
        assertEquals(2, matrix.entries());
        assertArrayEquals(new double[] {3, 1}, matrix.userValue, 0);
    }

    @Test
    void implicitFeedbackOfARepeatedPairIsSummed() {
        RatingMatrix matrix = RatingMatrix.of(REPEATED, RatingMatrix.Repeats.SUM);
        assertEquals(2, matrix.entries());
        assertArrayEquals(new double[] {6, 1}, matrix.userValue, 0);
    }
}
