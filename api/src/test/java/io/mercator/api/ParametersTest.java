package io.mercator.api;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.integer("k", "", 20, 1, 500),
            ParameterSpec.real("alpha", "", 0.3, 0.0, 1.0),
            ParameterSpec.bool("bias", "", true),
            ParameterSpec.choice("similarity", "", "cosine", "cosine", "pearson"));

    @Test
    void givenValuesOverrideDefaultsAndAreConverted() {
        Parameters parameters = Parameters.resolve(specs, Map.of("k", "50", "similarity", "pearson"));
        assertEquals(50, parameters.getInt("k"));
        assertEquals(0.3, parameters.getDouble("alpha"));
        assertEquals(true, parameters.getBoolean("bias"));
        assertEquals("pearson", parameters.getString("similarity"));
        assertEquals(List.of("k", "alpha", "bias", "similarity"), List.copyOf(parameters.asMap().keySet()));
    }

    @Test
    void defaultsEqualAnEmptyResolve() {
        assertEquals(Parameters.resolve(specs, Map.of()), Parameters.defaults(specs));
        assertEquals(20, Parameters.defaults(specs).getInt("k"));
    }

    @Test
    void unknownNameIsRejectedListingTheKnownOnes() {
        assertRejected("beta", ValidationException.NO_ROW, "unknown parameter; this strategy takes k, alpha",
                () -> Parameters.resolve(specs, Map.of("beta", 1)));
        assertRejected("beta", ValidationException.NO_ROW, "takes no parameters",
                () -> Parameters.resolve(List.of(), Map.of("beta", 1)));
    }

    @Test
    void badValueIsRejectedNamingTheParameter() {
        assertRejected("alpha", ValidationException.NO_ROW, "outside",
                () -> Parameters.resolve(specs, Map.of("alpha", 2.0)));
    }

    @Test
    void wrongTypeOrUnknownGetterIsRejected() {
        Parameters parameters = Parameters.defaults(specs);
        assertRejected("k", ValidationException.NO_ROW, "is a Integer, not a String", () -> parameters.getString("k"));
        assertRejected("nope", ValidationException.NO_ROW, "no such parameter", () -> parameters.getInt("nope"));
    }
}
