package io.mercator.api.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemCatalogTest {

    @Test
    void attributesAreCollectedInFirstSeenOrderAndMissingOnesAreNull() {
        ItemCatalog catalog = ItemCatalog.builder()
                .add("milk", "Fresh milk", Map.of("category", "dairy"))
                .add("bread", null, Map.of("category", "bakery", "brand", "Acorn"))
                .add("jam", "Strawberry jam", Map.of("brand", " "))
                .build();
        assertArrayEquals(new String[] {"category", "brand"}, catalog.attributeNames());
        assertEquals("", catalog.text(1));
        assertEquals("bakery", catalog.attribute(0, 1));
        assertNull(catalog.attribute(1, 0));
        assertNull(catalog.attribute(1, 2), "a blank value is missing");
        assertNull(catalog.attribute(0, 2));
    }

    @Test
    void badCataloguesNameTheFieldAndRow() {
        ValidationException twice = assertThrows(ValidationException.class, () -> ItemCatalog.builder()
                .add("milk", "", Map.of()).add("milk", "again", Map.of()));
        assertEquals("itemId", twice.field());
        assertEquals(1, twice.row());
        assertEquals("text", assertThrows(ValidationException.class, () -> new ItemCatalog(
                IdDictionary.of("items", "a"), new String[] {null}, new String[0], new String[0][])).field());
        assertEquals("category", assertThrows(ValidationException.class, () -> new ItemCatalog(
                IdDictionary.of("items", "a"), new String[] {""}, new String[] {"category"},
                new String[][] {{"x", "y"}})).field());
    }

    @Test
    void interactionsCarryTheCatalogue() {
        Interactions rows = Interactions.builder().add("u", "milk", 1).build();
        assertTrue(rows.catalog().isEmpty());
        ItemCatalog catalog = ItemCatalog.builder().add("bread", "new", Map.of()).build();
        Interactions described = rows.withCatalog(catalog);
        assertSame(catalog, described.catalog().orElseThrow());
        assertEquals(1, described.size());
        assertEquals("catalog", assertThrows(ValidationException.class, () -> rows.withCatalog(null)).field());
    }
}
