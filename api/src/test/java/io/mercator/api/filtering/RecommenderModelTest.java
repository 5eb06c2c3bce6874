package io.mercator.api.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommenderModelTest {

    /** Answers similar items from a fixed table; everything else is unused by the default method. */
    private static final class TableModel implements RecommenderModel {
        private static final Map<String, Recommendations> SIMILAR = Map.of(
                "milk", new Recommendations(new String[] {"bread", "eggs", "butter"}, new double[] {0.5, 0.4, 0.1}),
                "bread", new Recommendations(new String[] {"butter", "milk", "jam"}, new double[] {0.6, 0.5, 0.2}));

        @Override
        public IdDictionary users() {
            return IdDictionary.of("users");
        }

        @Override
        public IdDictionary items() {
            return IdDictionary.of("items", "milk", "bread", "eggs", "butter", "jam");
        }

        @Override
        public Recommendations similarItems(String itemId, int count) {
            return SIMILAR.getOrDefault(itemId, Recommendations.empty());
        }

        @Override
        public Recommendations recommend(String userId, int count, Set<String> exclude) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double predict(String userId, String itemId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String strategyName() {
            return "table";
        }

        @Override
        public String strategyVersion() {
            return "1.0.0";
        }

        @Override
        public void writeTo(OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void defaultBasketCompletionSumsSimilaritiesOfKnownItems() {
        RecommenderModel model = new TableModel();
        // butter 0.1 + 0.6, eggs 0.4, jam 0.2; milk and bread are in the basket; caviar is unknown
        Recommendations completion = model.recommendForItems(Set.of("milk", "bread", "caviar"), 5, Set.of("jam"));
        assertArrayEquals(new String[] {"butter", "eggs"}, completion.itemIds());
        assertArrayEquals(new double[] {0.7, 0.4}, completion.scores(), 1e-12);
        assertEquals(0, model.recommendForItems(Set.of("caviar"), 5, Set.of()).size());
        assertEquals("count", assertThrows(ValidationException.class,
                () -> model.recommendForItems(Set.of("milk"), 0, Set.of())).field());
    }

    @Test
    void defaultExplanationsNameTheBasketItemsThatListedTheItem() {
        RecommenderModel model = new TableModel();
        // butter is 0.6 similar to bread and 0.1 to milk
        Explanation butter = model.explainForItems(Set.of("milk", "bread", "caviar"), "butter");
        assertArrayEquals(new String[] {"bread", "milk"}, butter.itemIds());
        assertArrayEquals(new double[] {0.6, 0.1}, butter.weights(), 1e-12);
        assertEquals("similar to bread, milk", butter.reason());
        // nothing given lists jam, and a user-level explanation knows only the strategy
        assertEquals("recommended by table", model.explainForItems(Set.of("milk"), "jam").reason());
        assertEquals(0, model.explain("anyone", "jam").size());
        assertEquals("itemId", assertThrows(ValidationException.class, () -> model.explain("u", null)).field());
    }

    @Test
    void explanationsRejectUnsortedWeightsAndBlankReasons() {
        assertEquals("weights", assertThrows(ValidationException.class,
                () -> new Explanation("why", new String[] {"a", "b"}, new double[] {1, 2})).field());
        assertEquals("reason", assertThrows(ValidationException.class, () -> Explanation.of(" ")).field());
    }
}
