package io.mercator.api.pricing;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class PriceObservationsTest {

    private final IdDictionary products = IdDictionary.of("products", "p1", "p2");

    @Test
    void builderRoundTripsWithPromoFlags() {
        PriceObservations data = PriceObservations.builder()
                .add("p1", 100, 2.99, 40, false)
                .add("p2", 100, 5.49, 0, true)
                .add("p1", 101, 2.49, 65, true)
                .build();
        assertEquals(3, data.size());
        assertEquals(2, data.products().size());
        assertEquals("p1", data.products().id(data.product(2)));
        assertEquals(101, data.period(2));
        assertEquals(5.49, data.price(1));
        assertEquals(0.0, data.units(1));
        assertTrue(data.hasPromo());
        assertTrue(data.promo(1));
        assertFalse(data.promo(0));
    }

    @Test
    void builderWithoutPromoFlagsHasNone() {
        PriceObservations data = PriceObservations.builder().add("p1", 1, 1.0, 1).build();
        assertFalse(data.hasPromo());
        assertThrows(IllegalStateException.class, () -> data.promo(0));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        PriceObservations.Builder builder = PriceObservations.builder();
        for (int row = 0; row < 1000; row++) {
            builder.add("p" + (row % 3), row, 1 + row, row, row % 2 == 0);
        }
        PriceObservations data = builder.build();
        assertEquals(1000, data.size());
        assertEquals(3, data.products().size());
        assertEquals(1000.0, data.price(999));
        assertEquals(999.0, data.units(999));
        assertFalse(data.promo(999));
        assertTrue(data.promo(998));
    }

    @Test
    void segmentsLabelEveryRowAndAreChecked() {
        PriceObservations data = PriceObservations.builder().add("p1", 1, 2.0, 3).add("p1", 1, 2.0, 5).build();
        assertFalse(data.hasSegments());
        assertThrows(IllegalStateException.class, () -> data.segment(0));
        IdDictionary segments = IdDictionary.of("segments", new String[] {"loyal", "switcher"});
        PriceObservations labelled = data.withSegments(segments, new int[] {1, 0});
        assertTrue(labelled.hasSegments());
        assertEquals("switcher", labelled.segments().id(labelled.segment(0)));
        assertEquals(5, labelled.units(1));
        assertFalse(data.hasSegments(), "the original is unchanged");
        assertRejected("segment", 1, "index 2 does not name one of the 2 known ids",
                () -> data.withSegments(segments, new int[] {0, 2}));
        assertThrows(ValidationException.class, () -> data.withSegments(segments, new int[] {0}));
    }

    @Test
    void nonPositivePriceIsRejected() {
        assertRejected("price", 1, "0.0 must be a finite number > 0.0",
                () -> PriceObservations.builder().add("p1", 1, 1.0, 1).add("p1", 2, 0.0, 1).build());
        assertRejected("price", 0, "-2.0 must be a finite number > 0.0",
                () -> PriceObservations.builder().add("p1", 1, -2.0, 1).build());
    }

    @Test
    void negativeOrNonFiniteUnitsAreRejected() {
        assertRejected("units", 0, "-1.0 must be a finite number >= 0.0",
                () -> PriceObservations.builder().add("p1", 1, 1.0, -1).build());
        assertRejected("units", 0, "NaN must be a finite number >= 0.0",
                () -> PriceObservations.builder().add("p1", 1, 1.0, Double.NaN).build());
    }

    @Test
    void mixingRowsWithAndWithoutPromoIsRejected() {
        PriceObservations.Builder flagged = PriceObservations.builder().add("p1", 1, 1.0, 1, true);
        assertRejected("promo", 1, "is missing", () -> flagged.add("p1", 2, 1.0, 1));
        PriceObservations.Builder plain = PriceObservations.builder().add("p1", 1, 1.0, 1);
        assertRejected("promo", 1, "earlier rows have no promotion flag", () -> plain.add("p1", 2, 1.0, 1, false));
    }

    @Test
    void blankProductIsRejected() {
        assertRejected("products", 0, "id is empty", () -> PriceObservations.builder().add("", 1, 1.0, 1));
    }

    @Test
    void badColumnsAreRejected() {
        double[] one = {1};
        assertRejected("product", 0, "index 2 does not name one of the 2 known ids",
                () -> new PriceObservations(products, new int[] {2}, new int[1], one, one, null));
        assertRejected("period", ValidationException.NO_ROW, "has 2 rows, expected 1",
                () -> new PriceObservations(products, new int[1], new int[2], one, one, null));
        assertRejected("promo", ValidationException.NO_ROW, "has 0 rows, expected 1",
                () -> new PriceObservations(products, new int[1], new int[1], one, one, new boolean[0]));
        assertRejected("products", ValidationException.NO_ROW, "id dictionary is missing",
                () -> new PriceObservations(null, new int[1], new int[1], one, one, null));
    }

    @Test
    void locatedRowsCarryLocationAndFeature() {
        PriceObservations data = PriceObservations.builder()
                .add("p1", "s1", 1, 2.0, 10, true, 0.5)
                .add("p2", "s2", 1, 3.0, 20, false, 0)
                .build();
        assertTrue(data.hasLocations());
        assertEquals("s2", data.locations().id(data.location(1)));
        assertEquals(0.5, data.feature(0));
        assertTrue(data.promo(0));
        assertFalse(PriceObservations.builder().add("p1", 1, 1.0, 1).build().hasLocations());
    }

    @Test
    void mixingLocatedAndPlainRowsOrFeatureOutsideZeroToOneIsRejected() {
        PriceObservations.Builder located = PriceObservations.builder().add("p1", "s1", 1, 1.0, 1, false, 0);
        assertRejected("location", 1, "is missing", () -> located.add("p1", 2, 1.0, 1, false));
        PriceObservations.Builder plain = PriceObservations.builder().add("p1", 1, 1.0, 1, false);
        assertRejected("location", 1, "earlier rows have no location",
                () -> plain.add("p1", "s1", 2, 1.0, 1, false, 0));
        assertRejected("feature", 0, "1.5 is outside [0.0, 1.0]",
                () -> PriceObservations.builder().add("p1", "s1", 1, 1.0, 1, false, 1.5).build());
    }
}
