package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Explanation;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.ItemCatalog;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in model says why it lists an item, naming items the user really has. */
class ExplanationsTest {

    private static final Interactions RATINGS = TinyRatings.RATINGS;

    private static RecommenderModel fit(RecommenderStrategy strategy, Map<String, ?> given) {
        return strategy.fit(RATINGS, Parameters.resolve(strategy.descriptor().parameters(), given),
                TrainingContext.none());
    }

    @Test
    void itemKnnNamesTheUsersItemsBySimilarity() {
        // cos(A,B) = cos(C,B) = 1 over their shared users: both of u3's items led to B
        RecommenderModel model = fit(new ItemKnnStrategy(), Map.of("similarity", "cosine", "shrinkage", 0));
        Explanation why = model.explain("u3", "B");
        assertEquals("because you chose A and C", why.reason());
        assertArrayEquals(new String[] {"A", "C"}, why.itemIds());
        assertArrayEquals(new double[] {1, 1}, why.weights(), 1e-12);
        Explanation basket = model.explainForItems(Set.of("C", "unknown"), "B");
        assertEquals("because the basket holds C", basket.reason());
    }

    @Test
    void userKnnNamesTheNeighboursAndWhatTheyShareWithTheUser() {
        // u3's neighbours u2 (1) and u1 (4 / sqrt(20)) both have B; A is shared with both, C with u1 only
        RecommenderModel model = fit(new UserKnnStrategy(), Map.of("similarity", "cosine", "shrinkage", 0));
        Explanation why = model.explain("u3", "B");
        assertEquals("2 customers who also chose A and C chose it", why.reason());
        assertArrayEquals(new String[] {"A", "C"}, why.itemIds());
        assertArrayEquals(new double[] {1 + 4 / Math.sqrt(20), 4 / Math.sqrt(20)}, why.weights(), 1e-12);
    }

    @Test
    void popularityNamesTheCategoryTheUserChoseFrom() throws IOException {
        ItemCatalog catalog = ItemCatalog.builder().add("A", "", Map.of("category", "fruit"))
                .add("B", "", Map.of("category", "fruit")).add("C", "", Map.of("category", "vegetables")).build();
        PopularityStrategy strategy = new PopularityStrategy();
        RecommenderModel model = strategy.fit(RATINGS.withCatalog(catalog),
                Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
        // B (2 users) is second in fruit after A (3); u3 chose A, a fruit, and C
        Explanation why = model.explain("u3", "B");
        assertEquals("popular in fruit (rank 2), where you chose A", why.reason());
        assertArrayEquals(new String[] {"A"}, why.itemIds());
        // u2 chose no vegetable: C is just popular, third after A and B (a 2-2 tie broken by index)
        assertEquals("popular: rank 3 of 3", model.explain("u2", "C").reason());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.writeTo(bytes);
        assertEquals(why.reason(), strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()))
                .explain("u3", "B").reason());
    }

    @Test
    void popularityAndUnknownUsersArePopular() {
        RecommenderModel model = fit(new PopularityStrategy(), Map.of());
        assertEquals("popular: rank 1 of 3", model.explain("u1", "A").reason());
        assertEquals(0, model.explain("u1", "A").size());
        RecommenderModel knn = fit(new ItemKnnStrategy(), Map.of());
        assertEquals("popular: rank 2 of 3", knn.explain("stranger", "B").reason());
        assertEquals("'Z' was not in the training data, so it is never recommended",
                knn.explain("u1", "Z").reason());
    }

    @Test
    void factorModelsNameSeenItemsByTheirCosineInFactorSpace() {
        // two tastes: users 0-9 rate a0-a5 high and b0-b5 low, users 10-19 the other way round, and buy only
        // what they rate high; u0 has not rated a0
        Interactions.Builder ratings = Interactions.builder();
        Interactions.Builder purchases = Interactions.builder();
        for (int u = 0; u < 20; u++) {
            for (int i = 0; i < 6; i++) {
                if (u != 0 || i != 0) {
                    ratings.add("u" + u, "a" + i, u < 10 ? 5 : 1).add("u" + u, "b" + i, u < 10 ? 1 : 5);
                    purchases.add("u" + u, (u < 10 ? "a" : "b") + i, 1);
                }
            }
        }
        Map<RecommenderStrategy, Interactions> data = Map.of(new BiasedMfStrategy(), ratings.build(),
                new ImplicitAlsStrategy(), purchases.build());
        for (RecommenderStrategy strategy : data.keySet()) {
            RecommenderModel model = strategy.fit(data.get(strategy), Parameters.resolve(strategy.descriptor().parameters(),
                    Map.of("factors", 2, "regularisation", 0.1)), TrainingContext.none());
            Explanation why = model.explain("u0", "a0");
            assertTrue(why.size() > 0 && why.itemId(0).startsWith("a"), strategy.descriptor().name() + ": " + why);
            for (int rank = 0; rank < why.size(); rank++) {
                String seen = why.itemId(rank);
                assertTrue(!seen.equals("a0"), why + " names the item it explains");
                Recommendations similar = model.similarItems(seen, model.items().size());
                assertEquals(similar.score(List.of(similar.itemIds()).indexOf("a0")), why.weight(rank), 1e-12);
            }
        }
    }
}
