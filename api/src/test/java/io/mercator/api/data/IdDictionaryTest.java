package io.mercator.api.data;

import static io.mercator.api.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import org.junit.jupiter.api.Test;

class IdDictionaryTest {

    @Test
    void ofRoundTrips() {
        IdDictionary ids = IdDictionary.of("items", "a", "b", "c");
        assertEquals(3, ids.size());
        assertEquals(1, ids.indexOf("b"));
        assertEquals(-1, ids.indexOf("z"));
        assertEquals("c", ids.id(2));
        assertArrayEquals(new String[] {"a", "b", "c"}, ids.toArray());
        assertEquals(IdDictionary.of("x", "a", "b", "c"), ids);
        assertEquals(IdDictionary.of("x", "a", "b", "c").hashCode(), ids.hashCode());
        assertNotEquals(IdDictionary.of("items", "b", "a", "c"), ids);
    }

    @Test
    void toArrayIsACopy() {
        IdDictionary ids = IdDictionary.of("items", "a");
        ids.toArray()[0] = "changed";
        assertEquals("a", ids.id(0));
    }

    @Test
    void indexOutOfRangeIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> IdDictionary.of("items", "a").id(1));
    }

    @Test
    void repeatedIdIsRejectedWithItsRow() {
        assertRejected("items", 2, "id 'a' appears twice", () -> IdDictionary.of("items", "a", "b", "a"));
    }

    @Test
    void blankOrNullIdIsRejectedWithItsRow() {
        assertRejected("items", 1, "id is empty", () -> IdDictionary.of("items", "a", " "));
        assertRejected("items", 0, "id is empty", () -> IdDictionary.of("items", (String) null));
    }

    @Test
    void builderInternsIdsAndGrows() {
        IdDictionary.Builder builder = new IdDictionary.Builder("users");
        for (int i = 0; i < 100; i++) {
            assertEquals(i, builder.add("u" + i, i));
        }
        assertEquals(42, builder.add("u42", 100));
        assertEquals(100, builder.size());
        IdDictionary ids = builder.build();
        assertEquals(100, ids.size());
        assertEquals("u99", ids.id(99));
        assertEquals(57, ids.indexOf("u57"));
    }

    @Test
    void builderRejectsBlankIdWithTheGivenRow() {
        IdDictionary.Builder builder = new IdDictionary.Builder("users");
        builder.add("u1", 0);
        assertRejected("users", 8, "id is empty", () -> builder.add("", 8));
    }

    @Test
    void requireReturnsTheIndexOrNamesTheField() {
        IdDictionary series = IdDictionary.of("series", "a", "b");
        assertEquals(1, series.require("series", "b"));
        assertRejected("series", ValidationException.NO_ROW, "'c' is not known (not in the training data)",
                () -> series.require("series", "c"));
    }
}
