package io.mercator.api;

import java.util.Objects;

/**
 * Thrown when a value handed to the API is not acceptable. The message always names the field
 * (and, for columnar data, the row) at fault so that it can be shown to a user as it is.
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Row number used when the error is not about one row. */
    public static final int NO_ROW = -1;

    private final String field;
    private final int row;

    /**
     * @param field the name of the field (column, parameter, property) at fault
     * @param problem what is wrong, phrased to follow the field name
     */
    public ValidationException(String field, String problem) {
        this(field, NO_ROW, problem);
    }

    /**
     * @param field the name of the column at fault
     * @param row zero-based row index, or {@link #NO_ROW}
     * @param problem what is wrong, phrased to follow the field name
     */
    public ValidationException(String field, int row, String problem) {
        super(describe(field, row, problem));
        this.field = Objects.requireNonNull(field, "field");
        this.row = row;
    }

    private static String describe(String field, int row, String problem) {
        return row == NO_ROW ? field + ": " + problem : field + " (row " + row + "): " + problem;
    }

    /** @return the name of the field at fault */
    public String field() {
        return field;
    }

    /** @return the zero-based row at fault, or {@link #NO_ROW} */
    public int row() {
        return row;
    }
}
