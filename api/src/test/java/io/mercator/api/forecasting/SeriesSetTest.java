package io.mercator.api.forecasting;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class SeriesSetTest {

    private final IdDictionary twoSeries = IdDictionary.of("series", "a", "b");

    @Test
    void builderRoundTrips() {
        SeriesSet set = SeriesSet.builder(7).add("a", 1, 2, 3).add("b").add("c", Double.NaN, 5).build();
        assertEquals(3, set.size());
        assertEquals(7, set.seasonLength());
        assertEquals(3, set.length(0));
        assertEquals(0, set.length(1));
        assertEquals(2, set.length(2));
        assertEquals(2.0, set.value(0, 1));
        assertTrue(Double.isNaN(set.value(2, 0)));
        assertArrayEquals(new double[] {Double.NaN, 5}, set.values(2));
        assertEquals("c", set.ids().id(2));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        SeriesSet.Builder builder = SeriesSet.builder(1);
        double[] long300 = new double[300];
        for (int s = 0; s < 40; s++) {
            long300[0] = s;
            builder.add("s" + s, long300);
        }
        SeriesSet set = builder.build();
        assertEquals(40, set.size());
        assertEquals(300, set.length(39));
        assertEquals(39.0, set.value(39, 0));
        assertEquals(0.0, set.value(39, 299));
    }

    @Test
    void valuesAreCopiesAndPeriodIsChecked() {
        SeriesSet set = SeriesSet.builder(0).add("a", 1, 2).build();
        set.values(0)[0] = 99;
        assertEquals(1.0, set.value(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> set.value(0, 2));
    }

    @Test
    void repeatedSeriesIdIsRejected() {
        SeriesSet.Builder builder = SeriesSet.builder(1).add("a", 1);
        assertRejected("series", 1, "id 'a' was already added", () -> builder.add("a", 2));
    }

    @Test
    void blankSeriesIdIsRejected() {
        assertRejected("series", 0, "id is empty", () -> SeriesSet.builder(1).add(" ", 1));
    }

    @Test
    void infiniteValueIsRejectedNamingTheSeries() {
        assertRejected("values", 4, "series 'b' holds Infinity; use NaN",
                () -> SeriesSet.builder(1).add("a", 1, 2).add("b", 3, 4, Double.POSITIVE_INFINITY).build());
    }

    @Test
    void infiniteValueAfterEmptySeriesNamesTheRightSeries() {
        assertRejected("values", 0, "series 'b'", () -> new SeriesSet(twoSeries, new int[] {0, 0, 1},
                new double[] {Double.NEGATIVE_INFINITY}, 1));
    }

    @Test
    void negativeSeasonLengthIsRejected() {
        assertRejected("seasonLength", ValidationException.NO_ROW, "must be 0 (unknown) or positive, is -1",
                () -> SeriesSet.builder(-1).add("a", 1).build());
    }

    @Test
    void badOffsetsAreRejected() {
        assertRejected("offsets", ValidationException.NO_ROW, "has 2 rows, expected 3",
                () -> new SeriesSet(twoSeries, new int[] {0, 1}, new double[1], 1));
        assertRejected("offsets", 0, "must be 0, is 1",
                () -> new SeriesSet(twoSeries, new int[] {1, 1, 2}, new double[2], 1));
        assertRejected("offsets", 2, "decreases from 2 to 1",
                () -> new SeriesSet(twoSeries, new int[] {0, 2, 1}, new double[1], 1));
        assertRejected("offsets", 2, "must equal the number of values 3, is 2",
                () -> new SeriesSet(twoSeries, new int[] {0, 1, 2}, new double[3], 1));
    }

    @Test
    void missingValuesColumnIsRejected() {
        assertRejected("values", ValidationException.NO_ROW, "column is missing",
                () -> new SeriesSet(twoSeries, new int[] {0, 0, 0}, null, 1));
    }

    @Test
    void nonNegativeSeriesIgnoreMissingValues() {
        SeriesSet set = SeriesSet.builder(1).add("units", 0, Double.NaN, 3).add("returns", 2, -1).build();
        assertTrue(set.isNonNegative(0));
        assertFalse(set.isNonNegative(1));
    }
}
