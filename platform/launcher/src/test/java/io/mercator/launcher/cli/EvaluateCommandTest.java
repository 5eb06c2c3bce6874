package io.mercator.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluateCommandTest {

    @Test
    void metricsShowFourSignificantDigits() {
        assertEquals("13.64", EvaluateCommand.format(13.6412));
        assertEquals("0.9051", EvaluateCommand.format(0.905123));
        assertEquals("1235", EvaluateCommand.format(1234.56));
        assertEquals("0", EvaluateCommand.format(0.0));
        assertEquals("-2.500", EvaluateCommand.format(-2.5));
        assertEquals("1.235e+08", EvaluateCommand.format(123_456_789.0));
        assertEquals("-", EvaluateCommand.format(null));
    }

    @Test
    void strategyParametersAreGroupedByStrategy() {
        assertEquals(Map.of("kmeans", Map.of("k", "4", "max.k", "9"), "ets", Map.of("model", "AAN")),
                EvaluateCommand.byStrategy(Map.of("kmeans.k", "4", "kmeans.max.k", "9", "ets.model", "AAN")));
        IllegalArgumentException noDot = assertThrows(IllegalArgumentException.class,
                () -> EvaluateCommand.byStrategy(Map.of("k", "4")));
        assertEquals("-p k=4: expected STRATEGY.PARAMETER=VALUE, e.g. -p kmeans.k=4", noDot.getMessage());
    }
}
