package io.mercator.api.data;

import io.mercator.api.ValidationException;

/**
 * Checks that data set constructors apply to their columns. Each check names the column and the
 * first row at fault.
 */
public final class Columns {

    private Columns() {
    }

    /**
     * @param field column name
     * @param column the column; must not be null
     * @param expectedLength the number of rows of the data set
     * @return the column
     * @throws ValidationException when the column is missing or has another length
     */
    public static double[] requireLength(String field, double[] column, int expectedLength) {
        if (column == null) {
            throw new ValidationException(field, "column is missing");
        }
        checkLength(field, column.length, expectedLength);
        return column;
    }

    /**
     * @param field column name
     * @param column the column; must not be null
     * @param expectedLength the number of rows of the data set
     * @return the column
     * @throws ValidationException when the column is missing or has another length
     */
    public static int[] requireLength(String field, int[] column, int expectedLength) {
        if (column == null) {
            throw new ValidationException(field, "column is missing");
        }
        checkLength(field, column.length, expectedLength);
        return column;
    }

    /**
     * @param field column name
     * @param column the column; must not be null
     * @param expectedLength the number of rows of the data set
     * @return the column
     * @throws ValidationException when the column is missing or has another length
     */
    public static long[] requireLength(String field, long[] column, int expectedLength) {
        if (column == null) {
            throw new ValidationException(field, "column is missing");
        }
        checkLength(field, column.length, expectedLength);
        return column;
    }

    /**
     * @param field column name
     * @param column the column; must not be null
     * @param expectedLength the number of rows of the data set
     * @return the column
     * @throws ValidationException when the column is missing or has another length
     */
    public static boolean[] requireLength(String field, boolean[] column, int expectedLength) {
        if (column == null) {
            throw new ValidationException(field, "column is missing");
        }
        checkLength(field, column.length, expectedLength);
        return column;
    }

    /**
     * @param <T> the element type
     * @param field column name
     * @param column the column; must not be null
     * @param expectedLength the number of rows of the data set
     * @return the column
     * @throws ValidationException when the column is missing or has another length
     */
    public static <T> T[] requireLength(String field, T[] column, int expectedLength) {
        if (column == null) {
            throw new ValidationException(field, "column is missing");
        }
        checkLength(field, column.length, expectedLength);
        return column;
    }

    private static void checkLength(String field, int length, int expectedLength) {
        if (length != expectedLength) {
            throw new ValidationException(field, "has " + length + " rows, expected " + expectedLength);
        }
    }

    /**
     * @param field column name
     * @param column values that must all be finite (no NaN, no infinity)
     * @throws ValidationException naming the first row that is not finite
     */
    public static void requireFinite(String field, double[] column) {
        for (int row = 0; row < column.length; row++) {
            if (!Double.isFinite(column[row])) {
                throw new ValidationException(field, row, column[row] + " is not a finite number");
            }
        }
    }

    /**
     * @param field column name
     * @param column values that must be finite and at least {@code min}
     * @param min the smallest allowed value
     * @throws ValidationException naming the first row out of range
     */
    public static void requireAtLeast(String field, double[] column, double min) {
        for (int row = 0; row < column.length; row++) {
            if (!(column[row] >= min) || Double.isInfinite(column[row])) {
                throw new ValidationException(field, row, column[row] + " must be a finite number >= " + min);
            }
        }
    }

    /**
     * @param field column name
     * @param column values that must be finite and strictly greater than {@code bound}
     * @param bound the largest value not allowed
     * @throws ValidationException naming the first row out of range
     */
    public static void requireAbove(String field, double[] column, double bound) {
        for (int row = 0; row < column.length; row++) {
            if (!(column[row] > bound) || Double.isInfinite(column[row])) {
                throw new ValidationException(field, row, column[row] + " must be a finite number > " + bound);
            }
        }
    }

    /**
     * @param field column name
     * @param column values that must be finite and within {@code [min, max]}
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @throws ValidationException naming the first row out of range
     */
    public static void requireWithin(String field, double[] column, double min, double max) {
        for (int row = 0; row < column.length; row++) {
            if (!(column[row] >= min && column[row] <= max)) {
                throw new ValidationException(field, row, column[row] + " is outside [" + min + ", " + max + "]");
            }
        }
    }

    /**
     * @param field column name
     * @param column text values that must not be null or blank
     * @throws ValidationException naming the first row that is null or blank
     */
    public static void requireNonBlank(String field, String[] column) {
        for (int row = 0; row < column.length; row++) {
            if (column[row] == null || column[row].isBlank()) {
                throw new ValidationException(field, row, "is empty");
            }
        }
    }

    /**
     * @param field the name of the dictionary, used in the message
     * @param dictionary an id dictionary
     * @return the dictionary
     * @throws ValidationException when the dictionary is null
     */
    public static IdDictionary requireDictionary(String field, IdDictionary dictionary) {
        if (dictionary == null) {
            throw new ValidationException(field, "id dictionary is missing");
        }
        return dictionary;
    }

    /**
     * @param field column name
     * @param indices indices that must point into {@code dictionary}
     * @param dictionary the dictionary they point into
     * @throws ValidationException naming the first row whose index is out of range
     */
    public static void requireIndices(String field, int[] indices, IdDictionary dictionary) {
        int size = dictionary.size();
        for (int row = 0; row < indices.length; row++) {
            if (indices[row] < 0 || indices[row] >= size) {
                throw new ValidationException(field, row, "index " + indices[row]
                        + " does not name one of the " + size + " known ids");
            }
        }
    }
}
