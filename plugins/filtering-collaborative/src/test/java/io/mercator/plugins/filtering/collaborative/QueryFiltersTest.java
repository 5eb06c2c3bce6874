package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.ItemCatalog;
import io.mercator.api.filtering.ItemFilter;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in model honours a caller's filter, for a user's top-N and for basket completion. */
class QueryFiltersTest {

    private static final ItemCatalog CATALOG = ItemCatalog.builder()
            .add("milk", "fresh whole milk", Map.of("category", "dairy"))
            .add("cheese", "aged cheddar cheese", Map.of("category", "dairy"))
            .add("yogurt", "plain yogurt with milk cultures", Map.of("category", "dairy"))
            .add("bread", "whole wheat bread", Map.of("category", "bakery"))
            .add("bagel", "sesame bagel bread roll", Map.of("category", "bakery"))
            .add("jam", "strawberry jam", Map.of("category", "pantry"))
            .build();

    /** Six baskets: dairy buyers, bakery buyers and both. */
    private static final Interactions PURCHASES = Interactions.builder()
            .add("u1", "milk", 1).add("u1", "cheese", 1).add("u1", "bread", 1)
            .add("u2", "milk", 1).add("u2", "yogurt", 1).add("u2", "jam", 1)
            .add("u3", "bread", 1).add("u3", "bagel", 1).add("u3", "jam", 1)
            .add("u4", "milk", 1).add("u4", "cheese", 1).add("u4", "yogurt", 1)
            .add("u5", "bread", 1).add("u5", "jam", 1).add("u5", "milk", 1)
            .add("u6", "bagel", 1).add("u6", "cheese", 1).add("u6", "bread", 1)
            .build().withCatalog(CATALOG);

    private static final List<RecommenderStrategy> STRATEGIES = List.of(new PopularityStrategy(),
            new ItemKnnStrategy(), new UserKnnStrategy(), new BiasedMfStrategy(), new ImplicitAlsStrategy(),
            new AssociationRulesStrategy(), new ContentStrategy());

    private static RecommenderModel fit(RecommenderStrategy strategy) {
        return strategy.fit(PURCHASES, Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
    }

    @Test
    void topNForAUserKeepsOnlyTheWantedCategoryAndLeavesExcludedItemsOut() {
        ItemFilter dairyButNotMilk = ItemFilter.none().inCategories(CATALOG, "category", List.of("dairy"))
                .excluding(List.of("milk"));
        for (RecommenderStrategy strategy : STRATEGIES) {
            String name = strategy.descriptor().name();
            for (String user : List.of("u3", "someone-new")) {
                Recommendations top = fit(strategy).recommend(user, 10, dairyButNotMilk);
                String[] sorted = top.itemIds();
                Arrays.sort(sorted);
                assertArrayEquals(new String[] {"cheese", "yogurt"}, sorted, name + " for " + user);
            }
        }
    }

    @Test
    void basketCompletionKeepsOnlyAllowedItemsOutsideTheBasket() {
        ItemFilter inStock = ItemFilter.none().onlyItems(Set.of("milk", "bagel", "jam"));
        for (RecommenderStrategy strategy : STRATEGIES) {
            String name = strategy.descriptor().name();
            Recommendations completion = fit(strategy).recommendForItems(Set.of("bread", "jam"), 10, inStock);
            List<String> items = List.of(completion.itemIds());
            assertTrue(Set.of("milk", "bagel").containsAll(items), name + " returned " + items);
            assertFalse(items.isEmpty(), name + " returned nothing");
        }
    }
}
