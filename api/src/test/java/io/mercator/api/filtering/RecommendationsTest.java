package io.mercator.api.filtering;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.ValidationException;
import org.junit.jupiter.api.Test;

class RecommendationsTest {

    @Test
    void roundTripsAndCopiesBothWays() {
        String[] ids = {"a", "b", "c"};
        double[] scores = {0.9, 0.5, 0.5};
        Recommendations recommendations = new Recommendations(ids, scores);
        ids[0] = "changed";
        scores[0] = -1;
        assertEquals(3, recommendations.size());
        assertEquals("a", recommendations.itemId(0));
        assertEquals(0.5, recommendations.score(2));
        recommendations.itemIds()[1] = "changed";
        recommendations.scores()[1] = 7;
        assertArrayEquals(new String[] {"a", "b", "c"}, recommendations.itemIds());
        assertArrayEquals(new double[] {0.9, 0.5, 0.5}, recommendations.scores());
    }

    @Test
    void emptyHasNoItems() {
        assertEquals(0, Recommendations.empty().size());
    }

    @Test
    void unsortedScoresAreRejected() {
        assertRejected("scores", 2, "0.8 is above the score 0.5",
                () -> new Recommendations(new String[] {"a", "b", "c"}, new double[] {0.9, 0.5, 0.8}));
    }

    @Test
    void nonFiniteScoreIsRejected() {
        assertRejected("scores", 1, "NaN is not a finite number",
                () -> new Recommendations(new String[] {"a", "b"}, new double[] {1, Double.NaN}));
    }

    @Test
    void repeatedOrBlankItemIsRejected() {
        assertRejected("itemIds", 1, "item 'a' appears twice",
                () -> new Recommendations(new String[] {"a", "a"}, new double[] {2, 1}));
        assertRejected("itemIds", 0, "is empty", () -> new Recommendations(new String[] {""}, new double[] {1}));
    }

    @Test
    void columnsOfDifferentLengthAreRejected() {
        assertRejected("scores", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new Recommendations(new String[] {"a", "b"}, new double[] {1}));
        assertRejected("itemIds", ValidationException.NO_ROW, "column is missing",
                () -> new Recommendations(null, new double[0]));
    }
}
