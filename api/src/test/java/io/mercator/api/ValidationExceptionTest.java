package io.mercator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void messageNamesFieldAndRow() {
        ValidationException e = new ValidationException("price", 17, "-2.0 must be a finite number >= 0.0");
        assertEquals("price (row 17): -2.0 must be a finite number >= 0.0", e.getMessage());
        assertEquals("price", e.field());
        assertEquals(17, e.row());
    }

    @Test
    void messageWithoutRowNamesOnlyTheField() {
        ValidationException e = new ValidationException("horizon", "must be positive");
        assertEquals("horizon: must be positive", e.getMessage());
        assertEquals(ValidationException.NO_ROW, e.row());
    }

    @Test
    void fieldIsRequired() {
        assertThrows(NullPointerException.class, () -> new ValidationException(null, "x"));
    }
}
