package io.mercator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions about {@link ValidationException}s shared by the API's tests. */
public final class Rejections {

    private Rejections() {
    }

    /**
     * Asserts that the call is rejected with a ValidationException that names the field and row
     * in its accessors and in its message, and that the message contains the given fragment.
     *
     * @param field the expected field
     * @param row the expected row, or {@link ValidationException#NO_ROW}
     * @param fragment text the message must contain
     * @param call the call that must fail
     * @return the exception
     */
    public static ValidationException assertRejected(String field, int row, String fragment, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertEquals(field, e.field(), () -> "field of: " + e.getMessage());
        assertEquals(row, e.row(), () -> "row of: " + e.getMessage());
        String prefix = row == ValidationException.NO_ROW ? field + ": " : field + " (row " + row + "): ";
        assertTrue(e.getMessage().startsWith(prefix), () -> "'" + e.getMessage() + "' should start with '" + prefix + "'");
        assertTrue(e.getMessage().contains(fragment), () -> "'" + e.getMessage() + "' should contain '" + fragment + "'");
        return e;
    }

    /**
     * @param field the expected field
     * @param row the expected row, or {@link ValidationException#NO_ROW}
     * @param call the call that must fail
     * @return the exception
     */
    public static ValidationException assertRejected(String field, int row, Executable call) {
        return assertRejected(field, row, "", call);
    }

    /**
     * @param field the expected field
     * @param call the call that must fail, with no row named
     * @return the exception
     */
    public static ValidationException assertRejected(String field, Executable call) {
        return assertRejected(field, ValidationException.NO_ROW, "", call);
    }
}
