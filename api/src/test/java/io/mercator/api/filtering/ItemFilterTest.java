package io.mercator.api.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemFilterTest {

    private static final ItemCatalog CATALOG = ItemCatalog.builder()
            .add("milk", "", Map.of("category", "dairy"))
            .add("bread", "", Map.of("category", "bakery"))
            .add("cheese", "", Map.of("category", "dairy"))
            .add("jam", "", Map.of())
            .build();
    /** tea is sold but not in the catalogue, so it has no category. */
    private static final RecommenderModel MODEL = new FixedOrderModel(IdDictionary.of("users", "ann"),
            "milk", "bread", "cheese", "jam", "tea");

    private static String[] top(ItemFilter filter) {
        return MODEL.recommend("ann", 10, filter).itemIds();
    }

    @Test
    void noFilterLetsEveryItemThrough() {
        assertArrayEquals(new String[] {"milk", "bread", "cheese", "jam", "tea"}, top(ItemFilter.none()));
    }

    @Test
    void categoryKeepsOnlyCatalogueItemsWithAWantedValue() {
        Recommendations dairy = MODEL.recommend("ann", 10,
                ItemFilter.none().inCategories(CATALOG, "category", List.of("dairy")));
        assertArrayEquals(new String[] {"milk", "cheese"}, dairy.itemIds());
        assertArrayEquals(new double[] {3, 2}, dairy.scores());
    }

    @Test
    void allowedListsIntersectAndExclusionsApplyOnTop() {
        ItemFilter inStock = ItemFilter.none().onlyItems(Set.of("bread", "cheese", "jam", "tea"))
                .onlyItems(List.of("bread", "cheese", "jam")).excluding(List.of("cheese"));
        assertArrayEquals(new String[] {"bread", "jam"}, top(inStock));
    }

    @Test
    void restrictionsCombine() {
        ItemFilter filter = ItemFilter.none().inCategories(CATALOG, "category", Set.of("dairy", "bakery"))
                .onlyItems(Set.of("milk", "bread", "tea"));
        assertArrayEquals(new String[] {"milk", "bread"}, top(filter));
        assertEquals(Set.of("cheese", "jam", "tea"), filter.rejected(MODEL.items()));
    }

    @Test
    void batchScoringHonoursTheFilter() {
        StringWriter out = new StringWriter();
        BatchScorer.builder(MODEL).count(1).filter(ItemFilter.none().excluding(List.of("milk"))).build()
                .score(List.of("ann").iterator(), out);
        assertEquals("user,rank,item,score\nann,1,bread,3.0\n", out.toString());
    }

    @Test
    void badRestrictionsSayWhatIsWrong() {
        ValidationException attribute = assertThrows(ValidationException.class,
                () -> ItemFilter.none().inCategories(CATALOG, "brand", List.of("acme")));
        assertEquals("attribute", attribute.field());
        assertTrue(attribute.getMessage().contains("category"), attribute.getMessage());
        assertEquals("categories", assertThrows(ValidationException.class,
                () -> ItemFilter.none().inCategories(CATALOG, "category", List.of())).field());
        assertEquals("catalog", assertThrows(ValidationException.class,
                () -> ItemFilter.none().inCategories(null, "category", List.of("dairy"))).field());
        assertEquals("allowed", assertThrows(ValidationException.class,
                () -> ItemFilter.none().onlyItems(null)).field());
        assertEquals("filter", assertThrows(ValidationException.class,
                () -> MODEL.recommend("ann", 3, (ItemFilter) null)).field());
    }
}
