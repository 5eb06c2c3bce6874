package io.mercator.api;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private final ParameterSpec neighbours = ParameterSpec.integer("k", "neighbours", 20, 1, 500);
    private final ParameterSpec alpha = ParameterSpec.real("alpha", "smoothing", 0.3, 0.0, 1.0);

    @Test
    void factoriesKeepWhatTheyAreGiven() {
        assertEquals("k", neighbours.name());
        assertEquals(ParameterSpec.Type.INTEGER, neighbours.type());
        assertEquals("neighbours", neighbours.description());
        assertEquals(20, neighbours.defaultValue());
        assertEquals(1.0, neighbours.min());
        assertEquals(500.0, neighbours.max());
        ParameterSpec similarity = ParameterSpec.choice("similarity", "", "cosine", "cosine", "pearson");
        assertEquals(List.of("cosine", "pearson"), similarity.choices());
        assertEquals(ParameterSpec.Type.CHOICE, similarity.type());
    }

    @Test
    void valuesAreConvertedToTheParameterType() {
        assertEquals(7, neighbours.validate("7"));
        assertEquals(7, neighbours.validate(7.0));
        assertEquals(0.5, alpha.validate("0.5"));
        assertEquals(true, ParameterSpec.bool("bias", "", false).validate("TRUE"));
        assertEquals("x", ParameterSpec.text("label", "", "").validate("x"));
    }

    @Test
    void outOfRangeIntegerIsRejected() {
        assertRejected("k", ValidationException.NO_ROW, "0 is outside the allowed range [1, 500]",
                () -> neighbours.validate(0));
    }

    @Test
    void fractionalIntegerIsRejected() {
        assertRejected("k", ValidationException.NO_ROW, "not a whole number", () -> neighbours.validate(2.5));
        assertRejected("k", ValidationException.NO_ROW, "not a whole number", () -> neighbours.validate("ten"));
    }

    @Test
    void nonFiniteRealIsRejected() {
        assertRejected("alpha", ValidationException.NO_ROW, "not a finite number", () -> alpha.validate(Double.NaN));
        assertRejected("alpha", ValidationException.NO_ROW, "not a number", () -> alpha.validate("abc"));
        assertRejected("alpha", ValidationException.NO_ROW, "outside", () -> alpha.validate(1.5));
    }

    @Test
    void badBooleanAndChoiceAreRejected() {
        assertRejected("bias", ValidationException.NO_ROW, "not true or false",
                () -> ParameterSpec.bool("bias", "", false).validate("yes"));
        assertRejected("similarity", ValidationException.NO_ROW, "'jaccard' is not one of",
                () -> ParameterSpec.choice("similarity", "", "cosine", "cosine").validate("jaccard"));
    }

    @Test
    void missingValueIsRejected() {
        assertRejected("k", ValidationException.NO_ROW, "a value is required", () -> neighbours.validate(null));
    }

    @Test
    void badDeclarationsAreRejected() {
        assertRejected("parameter name", ValidationException.NO_ROW, "'1k'",
                () -> ParameterSpec.integer("1k", "", 1, 0, 2));
        assertRejected("k", ValidationException.NO_ROW, "minimum 5.0 is above maximum 1.0",
                () -> ParameterSpec.integer("k", "", 1, 5, 1));
        assertRejected("k", ValidationException.NO_ROW, "outside", () -> ParameterSpec.integer("k", "", 9, 0, 5));
        assertRejected("mode", ValidationException.NO_ROW, "at least one choice",
                () -> ParameterSpec.choice("mode", "", "a"));
        assertRejected("mode", ValidationException.NO_ROW, "'c' is not one of",
                () -> ParameterSpec.choice("mode", "", "c", "a", "b"));
    }
}
