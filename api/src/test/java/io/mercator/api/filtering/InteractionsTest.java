package io.mercator.api.filtering;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import org.junit.jupiter.api.Test;

class InteractionsTest {

    private final IdDictionary users = IdDictionary.of("users", "u1", "u2");
    private final IdDictionary items = IdDictionary.of("items", "i1", "i2", "i3");

    @Test
    void builderRoundTripsWithTimestamps() {
        Interactions data = Interactions.builder()
                .add("u1", "i1", 5.0, 1_700_000_000L)
                .add("u2", "i1", 3.0, 1_700_000_100L)
                .add("u1", "i2", 1.0, 1_700_000_200L)
                .build();
        assertEquals(3, data.size());
        assertEquals(2, data.users().size());
        assertEquals(2, data.items().size());
        assertEquals("u2", data.users().id(data.user(1)));
        assertEquals("i2", data.items().id(data.item(2)));
        assertEquals(3.0, data.value(1));
        assertTrue(data.hasTimestamps());
        assertEquals(1_700_000_200L, data.timestamp(2));
    }

    @Test
    void builderWithoutTimestampsHasNone() {
        Interactions data = Interactions.builder().add("u1", "i1", 1).add("u1", "i1", 1).build();
        assertEquals(2, data.size());
        assertEquals(1, data.items().size());
        assertFalse(data.hasTimestamps());
        assertThrows(IllegalStateException.class, () -> data.timestamp(0));
    }

    @Test
    void builderGrowsPastItsInitialCapacity() {
        Interactions.Builder builder = Interactions.builder();
        for (int row = 0; row < 1000; row++) {
            builder.add("u" + (row % 7), "i" + row, row, row);
        }
        Interactions data = builder.build();
        assertEquals(1000, data.size());
        assertEquals(7, data.users().size());
        assertEquals(999.0, data.value(999));
        assertEquals(999L, data.timestamp(999));
        assertEquals("i999", data.items().id(data.item(999)));
    }

    @Test
    void emptyDataIsAccepted() {
        assertEquals(0, Interactions.builder().build().size());
    }

    @Test
    void nonFiniteValueIsRejectedWithItsRow() {
        assertRejected("value", 1, "NaN is not a finite number",
                () -> Interactions.builder().add("u1", "i1", 1).add("u1", "i2", Double.NaN).build());
    }

    @Test
    void millisecondTimestampIsRejected() {
        assertRejected("timestamp", 1, "1700000000000 is not in epoch seconds",
                () -> Interactions.builder().add("u1", "i1", 1, 0).add("u1", "i2", 1, 1_700_000_000_000L).build());
        assertRejected("timestamp", 0, "-1 is not in epoch seconds",
                () -> Interactions.builder().add("u1", "i1", 1, -1).build());
    }

    @Test
    void mixingRowsWithAndWithoutTimestampIsRejected() {
        Interactions.Builder timed = Interactions.builder().add("u1", "i1", 1, 10);
        assertRejected("timestamp", 1, "is missing", () -> timed.add("u1", "i2", 1));
        Interactions.Builder untimed = Interactions.builder().add("u1", "i1", 1);
        assertRejected("timestamp", 1, "earlier rows have no timestamp", () -> untimed.add("u1", "i2", 1, 10));
    }

    @Test
    void blankIdsAreRejectedWithTheirRow() {
        Interactions.Builder builder = Interactions.builder().add("u1", "i1", 1);
        assertRejected("users", 1, "id is empty", () -> builder.add("", "i1", 1));
        assertRejected("items", 1, "id is empty", () -> builder.add("u1", null, 1));
    }

    @Test
    void indexOutsideTheDictionaryIsRejected() {
        assertRejected("user", 1, "index 2 does not name one of the 2 known ids",
                () -> new Interactions(users, items, new int[] {0, 2}, new int[] {0, 0}, new double[2], null));
        assertRejected("item", 0, "index -1",
                () -> new Interactions(users, items, new int[] {0}, new int[] {-1}, new double[1], null));
    }

    @Test
    void columnsOfTheWrongLengthAreRejected() {
        assertRejected("item", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new Interactions(users, items, new int[2], new int[1], new double[2], null));
        assertRejected("value", ValidationException.NO_ROW, "has 3 rows, expected 2",
                () -> new Interactions(users, items, new int[2], new int[2], new double[3], null));
        assertRejected("timestamp", ValidationException.NO_ROW, "has 1 rows, expected 2",
                () -> new Interactions(users, items, new int[2], new int[2], new double[2], new long[1]));
        assertRejected("user", ValidationException.NO_ROW, "column is missing",
                () -> new Interactions(users, items, null, new int[0], new double[0], null));
    }

    @Test
    void missingDictionaryIsRejected() {
        assertRejected("items", ValidationException.NO_ROW, "id dictionary is missing",
                () -> new Interactions(users, null, new int[0], new int[0], new double[0], null));
    }
}
