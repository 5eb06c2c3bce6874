package io.mercator.api.data;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mercator.api.ValidationException;
import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void lengthChecksReturnTheColumn() {
        double[] doubles = {1};
        int[] ints = {1};
        long[] longs = {1};
        boolean[] flags = {true};
        String[] texts = {"a"};
        assertSame(doubles, Columns.requireLength("d", doubles, 1));
        assertSame(ints, Columns.requireLength("i", ints, 1));
        assertSame(longs, Columns.requireLength("l", longs, 1));
        assertSame(flags, Columns.requireLength("b", flags, 1));
        assertSame(texts, Columns.requireLength("s", texts, 1));
    }

    @Test
    void missingOrShortColumnIsRejected() {
        assertRejected("value", ValidationException.NO_ROW, "column is missing",
                () -> Columns.requireLength("value", (double[]) null, 1));
        assertRejected("value", ValidationException.NO_ROW, "has 2 rows, expected 3",
                () -> Columns.requireLength("value", new int[2], 3));
        assertRejected("value", ValidationException.NO_ROW, "has 0 rows, expected 1",
                () -> Columns.requireLength("value", new String[0], 1));
        assertRejected("value", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> Columns.requireLength("value", new boolean[1], 2));
        assertRejected("value", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> Columns.requireLength("value", new long[1], 2));
    }

    @Test
    void rangeChecksNameTheFirstBadRow() {
        assertRejected("price", 1, "-2.0 must be a finite number >= 0.0",
                () -> Columns.requireAtLeast("price", new double[] {1, -2, -3}, 0.0));
        assertRejected("price", 0, "0.0 must be a finite number > 0.0",
                () -> Columns.requireAbove("price", new double[] {0}, 0.0));
        assertRejected("price", 0, "Infinity must be a finite number > 0.0",
                () -> Columns.requireAbove("price", new double[] {Double.POSITIVE_INFINITY}, 0.0));
        assertRejected("rate", 2, "NaN is outside [0.0, 1.0]",
                () -> Columns.requireWithin("rate", new double[] {0, 1, Double.NaN}, 0.0, 1.0));
        assertRejected("mean", 0, "NaN is not a finite number",
                () -> Columns.requireFinite("mean", new double[] {Double.NaN}));
        assertRejected("name", 1, "is empty", () -> Columns.requireNonBlank("name", new String[] {"a", null}));
        assertRejected("item", 1, "index 2 does not name one of the 2 known ids",
                () -> Columns.requireIndices("item", new int[] {0, 2}, IdDictionary.of("items", "a", "b")));
        assertRejected("users", ValidationException.NO_ROW, "id dictionary is missing",
                () -> Columns.requireDictionary("users", null));
    }
}
