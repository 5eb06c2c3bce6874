package io.mercator.api.pricing;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class PriceRequestTest {

    @Test
    void builderRoundTrips() {
        PriceRequest request = PriceRequest.builder().add("p1", 1.2, 2.99, 1.99, 3.49).add("p2", 0, 9, 10, 10).build();
        assertEquals(2, request.size());
        assertEquals("p2", request.products().id(1));
        assertEquals(1.2, request.unitCost(0));
        assertEquals(2.99, request.currentPrice(0));
        assertEquals(1.99, request.minPrice(0));
        assertEquals(3.49, request.maxPrice(0));
        assertEquals(9.0, request.currentPrice(1));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        PriceRequest.Builder builder = PriceRequest.builder();
        for (int row = 0; row < 300; row++) {
            builder.add("p" + row, row, row + 1, 1, row + 2);
        }
        PriceRequest request = builder.build();
        assertEquals(300, request.size());
        assertEquals(299.0, request.unitCost(299));
        assertEquals(301.0, request.maxPrice(299));
    }

    @Test
    void repeatedProductIsRejected() {
        PriceRequest.Builder builder = PriceRequest.builder().add("p1", 1, 2, 1, 3);
        assertRejected("products", 1, "id 'p1' was already added", () -> builder.add("p1", 1, 2, 1, 3));
    }

    @Test
    void badValuesAreRejectedWithTheirRow() {
        assertRejected("unitCost", 1, "-1.0 must be a finite number >= 0.0",
                () -> PriceRequest.builder().add("a", 1, 2, 1, 3).add("b", -1, 2, 1, 3).build());
        assertRejected("currentPrice", 0, "0.0 must be a finite number > 0.0",
                () -> PriceRequest.builder().add("a", 1, 0, 1, 3).build());
        assertRejected("minPrice", 0, "NaN must be a finite number > 0.0",
                () -> PriceRequest.builder().add("a", 1, 2, Double.NaN, 3).build());
        assertRejected("maxPrice", 0, "Infinity must be a finite number > 0.0",
                () -> PriceRequest.builder().add("a", 1, 2, 1, Double.POSITIVE_INFINITY).build());
        assertRejected("maxPrice", 0, "2.0 is below the minimum price 3.0",
                () -> PriceRequest.builder().add("a", 1, 2, 3, 2).build());
    }

    @Test
    void columnOfTheWrongLengthIsRejected() {
        double[] one = {1};
        assertRejected("maxPrice", ValidationException.NO_ROW, "has 2 rows, expected 1",
                () -> new PriceRequest(IdDictionary.of("products", "a"), one, one, one, new double[2]));
        assertRejected("products", ValidationException.NO_ROW, "id dictionary is missing",
                () -> new PriceRequest(null, one, one, one, one));
    }

    @Test
    void competitorPriceIsOptionalPerRowAndMustBePositive() {
        PriceRequest request = PriceRequest.builder().add("a", 1, 2, 1, 3, 2.5).add("b", 1, 2, 1, 3).build();
        assertEquals(2.5, request.competitorPrice(0));
        assertEquals(Double.NaN, request.competitorPrice(1));
        assertRejected("competitorPrice", 0, "-1.0 must be a finite number > 0",
                () -> PriceRequest.builder().add("a", 1, 2, 1, 3, -1).build());
    }

    @Test
    void sizeGroupsAreOptionalPerRowAndNeedAPositiveSize() {
        PriceRequest request = PriceRequest.builder().add("oj-64", 1, 2, 1, 3, Double.NaN, "oj", 64)
                .add("milk", 1, 2, 1, 3).build();
        assertTrue(request.hasSizes());
        assertEquals("oj", request.sizeGroup(0));
        assertEquals(64, request.size(0));
        assertNull(request.sizeGroup(1));
        assertEquals(Double.NaN, request.size(1));
        assertFalse(PriceRequest.builder().add("milk", 1, 2, 1, 3).build().hasSizes());
        assertRejected("size", 0, "0.0 must be a finite number > 0 in size group 'oj'",
                () -> PriceRequest.builder().add("oj-64", 1, 2, 1, 3, Double.NaN, "oj", 0).build());
        assertRejected("sizeGroup", 0, "is blank",
                () -> PriceRequest.builder().add("oj-64", 1, 2, 1, 3, Double.NaN, " ", 64).build());
        double[] one = {1};
        assertRejected("size", ValidationException.NO_ROW, "must both be given or both be absent",
                () -> new PriceRequest(IdDictionary.of("products", "a"), one, one, one, one, null, new String[1], null));
    }
}
