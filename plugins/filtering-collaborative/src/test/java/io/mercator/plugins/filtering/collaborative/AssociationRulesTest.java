package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Explanation;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The FP-growth example of Han, Pei and Yin (2000), Table 1, with a minimum support of 3 of 5 baskets. */
class AssociationRulesTest {

    private static final String[][] BASKETS = {
        {"f", "a", "c", "d", "g", "i", "m", "p"},
        {"a", "b", "c", "f", "l", "m", "o"},
        {"b", "f", "h", "j", "o"},
        {"b", "c", "k", "s", "p"},
        {"a", "f", "c", "e", "l", "p", "m", "n"},
    };

    private static Interactions baskets() {
        Interactions.Builder builder = Interactions.builder();
        for (int t = 0; t < BASKETS.length; t++) {
            for (String item : BASKETS[t]) {
                builder.add("T" + (t + 1), item, 1);
            }
        }
        return builder.build();
    }

    @Test
    void fpGrowthFindsTheTextbookItemsets() {
        Interactions data = baskets();
        RatingMatrix matrix = RatingMatrix.of(data);
        List<int[]> transactions = new ArrayList<>();
        for (int u = 0; u < matrix.users; u++) {
            transactions.add(Arrays.copyOfRange(matrix.userItem, matrix.userStart[u], matrix.userStart[u + 1]));
        }
        Map<List<Integer>, Integer> frequent = FpGrowth.mine(transactions, 3, 10, 1000);
        // the paper: f:4 c:4 a:3 b:3 m:3 p:3, fc fa fm ca cm am cp fca fcm fam cam fcam (all 3, fc 3)
        assertEquals(18, frequent.size());
        assertEquals(3, frequent.get(itemset(data, "f", "c", "a", "m")));
        assertEquals(3, frequent.get(itemset(data, "c", "p")));
        assertEquals(4, frequent.get(itemset(data, "f")));
        assertEquals(null, frequent.get(itemset(data, "b", "f")));
        ValidationException tooMany = assertThrows(ValidationException.class,
                () -> FpGrowth.mine(transactions, 3, 10, 17));
        assertEquals("min-support", tooMany.field());
    }

    private static List<Integer> itemset(Interactions data, String... items) {
        return Arrays.stream(items).map(data.items()::indexOf).sorted().toList();
    }

    @Test
    void rulesScoreBasketsByConfidence() {
        AssociationRulesStrategy strategy = new AssociationRulesStrategy();
        RecommenderModel model = strategy.fit(baskets(), Parameters.resolve(strategy.descriptor().parameters(),
                Map.of("min-support", 0.6, "min-confidence", 0.5)), TrainingContext.none());
        // T4 holds b, c, p: p -> c has confidence 3/3; c -> f, c -> a, c -> m have 3/4
        Recommendations completion = model.recommend("T4", 3, Set.of("b", "c", "k", "s", "p"));
        assertArrayEquals(new String[] {"f", "a", "m"}, completion.itemIds());
        assertArrayEquals(new double[] {0.75, 0.75, 0.75}, completion.scores(), 1e-12);
        assertEquals(1.0, model.predict("T4", "c"), 1e-12);
        // the same basket given at query time completes the same way
        assertArrayEquals(new String[] {"f", "a", "m"},
                model.recommendForItems(Set.of("b", "c", "p"), 3, Set.of("k", "s")).itemIds());
        // a -> c, a -> f, a -> m all have confidence 1; {a, p} is not frequent, so no rule leads to p or b,
        // which fill the list by popularity with score 0 (p and b are both in 3 baskets; p came first)
        Recommendations withA = model.similarItems("a", 5);
        assertArrayEquals(new String[] {"f", "c", "m", "p", "b"}, withA.itemIds());
        assertArrayEquals(new double[] {1, 1, 1, 0, 0}, withA.scores(), 1e-12);
        // the explanation is the rule: c -> f holds in 3 of the 4 baskets with c, f is in 4 of 5 (lift 0.75 / 0.8)
        Explanation why = model.explain("T4", "f");
        assertEquals("bought together: c -> f (confidence 0.75, lift 0.94, support 0.6000)", why.reason());
        assertArrayEquals(new String[] {"c"}, why.itemIds());
        assertEquals("bought together: p -> c (confidence 1.00, lift 1.25, support 0.6000)",
                model.explainForItems(Set.of("p", "b"), "c").reason());
        // an unknown basket gets the item's support; an unknown item 0
        assertEquals(0.6, model.predict("new basket", "m"), 1e-12);
        assertEquals(0, model.predict("T1", "caviar"), 0);
    }
}
