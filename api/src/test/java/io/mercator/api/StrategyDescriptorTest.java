package io.mercator.api;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyDescriptorTest {

    @Test
    void builderRoundTrips() {
        ParameterSpec k = ParameterSpec.integer("k", "", 20, 1, 500);
        StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.FILTERING, "item-knn", "1.2.0")
                .vendor("Acme").description("Item-based kNN").parameter(k).build();
        assertEquals(Family.FILTERING, descriptor.family());
        assertEquals("item-knn", descriptor.name());
        assertEquals("1.2.0", descriptor.version());
        assertEquals("Acme", descriptor.vendor());
        assertEquals("Item-based kNN", descriptor.description());
        assertEquals(List.of(k), descriptor.parameters());
        assertEquals("filtering/item-knn@1.2.0", descriptor.toString());
    }

    @Test
    void optionalFieldsDefaultToEmpty() {
        StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.PRICING, "log-log", "1").build();
        assertEquals("", descriptor.vendor());
        assertEquals("", descriptor.description());
        assertEquals(List.of(), descriptor.parameters());
    }

    @Test
    void badNameIsRejected() {
        assertRejected("name", ValidationException.NO_ROW, "'Item KNN'",
                () -> StrategyDescriptor.builder(Family.FILTERING, "Item KNN", "1.0.0").build());
        assertRejected("name", () -> StrategyDescriptor.builder(Family.FILTERING, null, "1.0.0").build());
    }

    @Test
    void badVersionIsRejected() {
        assertRejected("version", ValidationException.NO_ROW, "'v1'",
                () -> StrategyDescriptor.builder(Family.FILTERING, "pop", "v1").build());
        assertRejected("version", () -> StrategyDescriptor.builder(Family.FILTERING, "pop", "1.2.3.4.5").build());
    }

    @Test
    void duplicateParameterIsRejected() {
        assertRejected("parameters", ValidationException.NO_ROW, "'k' is declared twice",
                () -> StrategyDescriptor.builder(Family.FILTERING, "pop", "1.0.0")
                        .parameter(ParameterSpec.integer("k", "", 1, 0, 9))
                        .parameter(ParameterSpec.real("k", "", 1, 0, 9)).build());
    }
}
