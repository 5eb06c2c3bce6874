package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollaborativeStrategiesTest {

    private static RecommenderModel fit(RecommenderStrategy strategy, Interactions data, Map<String, ?> given) {
        return strategy.fit(data, Parameters.resolve(strategy.descriptor().parameters(), given),
                TrainingContext.none());
    }

    /** Three users, three items; similarities worked out by hand in the tests below. */
    private static Interactions threeByThree() {
        return TinyRatings.RATINGS;
    }

    @Test
    void cosineOverSharedUsersMatchesHandComputation() {
        // A.B over u1,u2: (1*2 + 2*4) / sqrt((1+4)(4+16)) = 1; A.C over u1,u3: (1 + 3) / sqrt(2 * 10) = 0.894427
        Recommendations similar = fit(new ItemKnnStrategy(), threeByThree(),
                Map.of("similarity", "cosine", "shrinkage", 0)).similarItems("A", 5);
        assertArrayEquals(new String[] {"B", "C"}, similar.itemIds());
        assertArrayEquals(new double[] {1, 4 / Math.sqrt(20)}, similar.scores(), 1e-12);
    }

    @Test
    void shrinkageScalesBySharedUsers() {
        // two shared users, shrinkage 1: multiply by 2 / 3
        Recommendations similar = fit(new ItemKnnStrategy(), threeByThree(),
                Map.of("similarity", "cosine", "shrinkage", 1)).similarItems("A", 5);
        assertArrayEquals(new double[] {2.0 / 3, 4 / Math.sqrt(20) * 2 / 3}, similar.scores(), 1e-12);
    }

    @Test
    void jaccardCountsUsers() {
        // users: A {u1,u2,u3}, B {u1,u2}, C {u1,u3}; J(B,A) = 2/3, J(B,C) = 1/3
        Recommendations similar = fit(new ItemKnnStrategy(), threeByThree(),
                Map.of("similarity", "jaccard", "shrinkage", 0)).similarItems("B", 5);
        assertArrayEquals(new String[] {"A", "C"}, similar.itemIds());
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, similar.scores(), 1e-12);
    }

    @Test
    void theDefaultSimilarityComparesUnweightedPurchasesByJaccard() {
        // the same users as the three-by-three ratings, every value 1: A {u1,u2,u3}, B {u1,u2}, C {u1,u3}
        Interactions purchases = Interactions.builder().add("u1", "A", 1).add("u2", "A", 1).add("u3", "A", 1)
                .add("u1", "B", 1).add("u2", "B", 1).add("u1", "C", 1).add("u3", "C", 1).build();
        Recommendations similar = fit(new ItemKnnStrategy(), purchases, Map.of("shrinkage", 0)).similarItems("B", 5);
        assertArrayEquals(new String[] {"A", "C"}, similar.itemIds());
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, similar.scores(), 1e-12);
    }

    @Test
    void baselineRecoversPlantedAdditiveRatings() {
        // r = 3.5 + b_u + b_i with b_a = 0.5, b_b = -0.5, b_1 = 1, b_2 = -1; no damping gives them back exactly
        Interactions additive = Interactions.builder()
                .add("a", "1", 5).add("a", "2", 3).add("b", "1", 4).add("b", "2", 2).build();
        RecommenderModel model = fit(new PopularityStrategy(), additive,
                Map.of("user-regularisation", 0, "item-regularisation", 0));
        assertEquals(5, model.predict("a", "1"), 1e-9);
        assertEquals(2, model.predict("b", "2"), 1e-9);
        // unknown user: mu + b_i; unknown item: mu + b_u
        assertEquals(4.5, model.predict("nobody", "1"), 1e-9);
        assertEquals(3.0, model.predict("b", "new"), 1e-9);
    }

    @Test
    void knnPredictionIsBaselinePlusSimilarityWeightedResiduals() {
        Map<String, Object> cosine = Map.of("similarity", "cosine", "shrinkage", 0);
        RecommenderModel knn = fit(new ItemKnnStrategy(), threeByThree(), cosine);
        RecommenderModel baseline = fit(new PopularityStrategy(), threeByThree(), Map.of());
        // u2 rated A and B; C's neighbours are A (0.894427) and B (1)
        double simCa = 4 / Math.sqrt(20);
        double expected = baseline.predict("u2", "C")
                + (simCa * (2 - baseline.predict("u2", "A")) + 1 * (4 - baseline.predict("u2", "B"))) / (simCa + 1);
        assertEquals(expected, knn.predict("u2", "C"), 1e-9);
    }

    @Test
    void knnTopNSumsSimilaritiesToTheUsersItemsAndExcludesOnRequest() {
        RecommenderModel knn = fit(new ItemKnnStrategy(), threeByThree(),
                Map.of("similarity", "cosine", "shrinkage", 0));
        // u3 has A and C: B scores sim(A,B) + sim(C,B) = 1 + 1
        Recommendations top = knn.recommend("u3", 1, Set.of("A", "C"));
        assertArrayEquals(new String[] {"B"}, top.itemIds());
        assertEquals(2, top.score(0), 1e-12);
    }

    @Test
    void aNewUsersItemsAreFoldedInAtQueryTime() {
        RecommenderModel knn = fit(new ItemKnnStrategy(), threeByThree(),
                Map.of("similarity", "cosine", "shrinkage", 0));
        // the same items as u3 give u3's scores, without u3 in the model; the given items are never returned
        Recommendations folded = knn.recommendForItems(Set.of("A", "C", "unknown"), 3, Set.of());
        assertArrayEquals(new String[] {"B"}, folded.itemIds());
        assertEquals(2, folded.score(0), 1e-12);
        // nothing known: the popularity ranking, minus the caller's exclusions
        assertArrayEquals(new String[] {"B", "C"}, knn.recommendForItems(Set.of("unknown"), 3, Set.of("A")).itemIds());
        // matrix factorisation folds the user in as the mean of the items' factors
        RecommenderModel mf = fit(new BiasedMfStrategy(), threeByThree(), Map.of());
        assertEquals(Set.of("A", "C"), Set.of(mf.recommendForItems(Set.of("B"), 5, Set.of()).itemIds()));
    }

    @Test
    void popularityRanksByDistinctUsersAndServesUnknownUsers() {
        RecommenderModel model = fit(new PopularityStrategy(), threeByThree(), Map.of());
        Recommendations top = model.recommend("stranger", 3, Set.of());
        assertArrayEquals(new String[] {"A", "B", "C"}, top.itemIds()); // 3 users, then a 2-2 tie in index order
        assertArrayEquals(new double[] {3, 2, 2}, top.scores(), 0);
        assertArrayEquals(new String[] {"A", "C"}, model.recommend("u1", 5, Set.of("B")).itemIds());
        // an unknown item gets the popularity ranking as its similar items
        assertArrayEquals(new String[] {"A", "B"}, model.similarItems("new", 2).itemIds());
    }

    @Test
    void recencyWeightingHalvesOldInteractions() {
        long day = 86_400;
        Interactions timed = Interactions.builder()
                .add("u1", "old", 1, 0).add("u2", "old", 1, 0).add("u3", "old", 1, 0)
                .add("u1", "new", 1, 10 * day).build();
        Recommendations top = fit(new PopularityStrategy(), timed, Map.of("half-life-days", 5))
                .recommend("u9", 2, Set.of());
        assertArrayEquals(new String[] {"new", "old"}, top.itemIds());
        assertArrayEquals(new double[] {1, 0.75}, top.scores(), 1e-12); // three at 2 half-lives: 3 / 4
        ValidationException untimed = assertThrows(ValidationException.class,
                () -> fit(new PopularityStrategy(), threeByThree(), Map.of("half-life-days", 5)));
        assertEquals("half-life-days", untimed.field());
    }

    @Test
    void biasedMfRecoversAPlantedLowRankMatrix() {
        int users = 40;
        int items = 30;
        Random random = new Random(7);
        double[][] p = new double[users][2];
        double[][] q = new double[items][2];
        for (double[] row : p) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        for (double[] row : q) {
            row[0] = random.nextGaussian();
            row[1] = random.nextGaussian();
        }
        Interactions.Builder training = Interactions.builder();
        double heldOutSquares = 0;
        int heldOut = 0;
        boolean[][] test = new boolean[users][items];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                test[u][i] = random.nextDouble() < 0.2;
                if (!test[u][i]) {
                    training.add("u" + u, "i" + i, 3 + p[u][0] * q[i][0] + p[u][1] * q[i][1]);
                }
            }
        }
        RecommenderModel model = fit(new BiasedMfStrategy(), training.build(), Map.of("factors", 2,
                "epochs", 300, "regularisation", 0, "bias-regularisation", 0, "learning-rate", 0.02,
                "learning-rate-decay", 0.99));
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (test[u][i]) {
                    double error = model.predict("u" + u, "i" + i) - (3 + p[u][0] * q[i][0] + p[u][1] * q[i][1]);
                    heldOutSquares += error * error;
                    heldOut++;
                }
            }
        }
        double rmse = Math.sqrt(heldOutSquares / heldOut);
        assertTrue(rmse < 0.1, "held-out RMSE " + rmse + " on a noise-free rank-2 matrix");
    }

    @Test
    void svdPlusPlusFoldsInANewUserByTheItemsTheyRated() {
        // users 0-9 love a-items and dislike b0-b2, users 10-19 the other way round with a3-a5: a0-a2 are
        // rated by a-lovers only, so a new user who rated them (whatever the ratings) is folded in as one
        Interactions.Builder ratings = Interactions.builder();
        for (int u = 0; u < 20; u++) {
            String loved = u < 10 ? "a" : "b";
            String disliked = u < 10 ? "b" : "a";
            for (int i = 0; i < 6; i++) {
                ratings.add("u" + u, loved + i, 5);
            }
            for (int i = 0; i < 3; i++) {
                ratings.add("u" + u, disliked + (u < 10 ? i : i + 3), 1);
            }
        }
        // the default implicit step suits 100,000 ratings; on 180 the implicit factors would hardly move
        RecommenderModel model = fit(new BiasedMfStrategy(), ratings.build(), Map.of("factors", 4,
                "implicit-learning-rate", 0.05, "epochs", 200));
        // a3-a5 and b0-b2 are each loved by ten users and disliked by ten: equal biases, so the user's taste decides
        List<String> folded = List.of(model.recommendForItems(Set.of("a0", "a1", "a2"), 12, Set.of()).itemIds());
        for (int i = 0; i < 3; i++) {
            assertTrue(folded.indexOf("a" + (i + 3)) < folded.indexOf("b" + i), "a new a-lover's list: " + folded);
        }
    }

    @Test
    void choiceRankingListsWhatUsersRateBeforeAnItemOneUserRatedHighly() {
        // 40 users each rate five of the eight items p0-p7 with a 3 or a 4; n0 has one 5-star rating
        Random random = new Random(7);
        Interactions.Builder ratings = Interactions.builder();
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 8; i++) {
                if ((i + u) % 8 < 5) {
                    ratings.add("u" + u, "p" + i, 3 + random.nextInt(2));
                }
            }
        }
        ratings.add("u0", "n0", 5);
        Interactions data = ratings.build();
        // no shrinkage of the biases: n0's predicted rating is the highest of all
        Map<String, Object> unshrunk = Map.of("factors", 2, "item-regularisation", 0, "bias-regularisation", 0);
        Map<String, Object> byRatingParameters = new java.util.HashMap<>(unshrunk);
        byRatingParameters.put("ranking", "rating");
        RecommenderModel byRating = fit(new BiasedMfStrategy(), data, byRatingParameters);
        RecommenderModel byChoice = fit(new BiasedMfStrategy(), data, unshrunk);
        // u1 rated p0, p1, p2, p6, p7 and not p3, p4, p5, n0
        assertEquals("n0", byRating.recommend("u1", 4, Set.of()).itemId(0));
        List<String> chosen = List.of(byChoice.recommend("u1", 4, Set.of()).itemIds());
        assertEquals("n0", chosen.get(3), "the item one user rated comes last: " + chosen);
        // predictions come from the rating factors in both modes
        for (String item : List.of("p3", "n0")) {
            assertEquals(byRating.predict("u1", item), byChoice.predict("u1", item), 1e-12);
        }
    }

    @Test
    void implicitAlsCompletesThePlantedCluster() {
        // two tastes: users 0-9 buy items a0-a5, users 10-19 buy b0-b5; each user misses one item of
        // their own cluster, and the b items are bought more often overall
        Interactions.Builder baskets = Interactions.builder();
        for (int u = 0; u < 20; u++) {
            String cluster = u < 10 ? "a" : "b";
            for (int i = 0; i < 6; i++) {
                if (i != u % 6) {
                    baskets.add("u" + u, cluster + i, u < 10 ? 1 : 3);
                }
            }
        }
        // the default regularisation suits 100,000 interactions; on 100 it would flatten every score
        RecommenderModel model = fit(new ImplicitAlsStrategy(), baskets.build(),
                Map.of("factors", 4, "regularisation", 0.1));
        Set<String> seen = Set.of("a1", "a2", "a3", "a4", "a5");
        assertArrayEquals(new String[] {"a0"}, model.recommend("u0", 1, seen).itemIds());
        assertTrue(model.predict("u0", "a0") > model.predict("u0", "b0"), "own cluster scores higher");
        // a new user with u0's items, folded in by solving their factors, completes the cluster the same way
        assertArrayEquals(new String[] {"a0"}, model.recommendForItems(seen, 1, Set.of()).itemIds());
        assertArrayEquals(new String[] {"b1"}, model.recommendForItems(Set.of("b0", "b2", "b3", "b4", "b5"), 1,
                Set.of()).itemIds());
        ValidationException negative = assertThrows(ValidationException.class, () -> fit(new ImplicitAlsStrategy(),
                Interactions.builder().add("u", "i", -1).build(), Map.of()));
        assertEquals("value", negative.field());
    }

    @Test
    void repeatedPairsAreAveragedAndEmptyDataRejected() {
        Interactions repeated = Interactions.builder().add("u", "a", 2).add("u", "a", 4).add("v", "a", 3).build();
        RecommenderModel model = fit(new PopularityStrategy(), repeated,
                Map.of("user-regularisation", 0, "item-regularisation", 0));
        assertEquals(3, model.predict("u", "a"), 1e-12);
        ValidationException empty = assertThrows(ValidationException.class,
                () -> fit(new ItemKnnStrategy(), Interactions.builder().build(), Map.of()));
        assertEquals("interactions", empty.field());
    }

    @Test
    void malformedQueriesNameTheField() {
        RecommenderModel model = fit(new BiasedMfStrategy(), threeByThree(), Map.of());
        assertEquals("count", assertThrows(ValidationException.class,
                () -> model.recommend("u1", 0, Set.of())).field());
        assertEquals("userId", assertThrows(ValidationException.class,
                () -> model.recommend(null, 3, Set.of())).field());
        assertEquals("itemId", assertThrows(ValidationException.class, () -> model.predict("u1", null)).field());
        double prediction = model.predict("u1", "unknown");
        assertTrue(prediction >= 1 && prediction <= 4, "clamped to the training range: " + prediction);
    }

    @Test
    void everyModelRoundTripsAndRejectsAnotherKind() throws IOException {
        Interactions data = threeByThree();
        for (RecommenderStrategy strategy : new RecommenderStrategy[] {
            new PopularityStrategy(), new ItemKnnStrategy(), new UserKnnStrategy(), new BiasedMfStrategy(),
            new ImplicitAlsStrategy(), new AssociationRulesStrategy()}) {
            RecommenderModel model = fit(strategy, data, Map.of());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.writeTo(bytes);
            RecommenderModel read = strategy.readModel(new ByteArrayInputStream(bytes.toByteArray()));
            assertEquals(model.predict("u2", "C"), read.predict("u2", "C"), 0);
            assertArrayEquals(model.recommend("u3", 3, Set.of()).scores(), read.recommend("u3", 3, Set.of()).scores());
            assertArrayEquals(model.similarItems("B", 2).itemIds(), read.similarItems("B", 2).itemIds());
            assertEquals(strategy.descriptor().name(), read.strategyName());
        }
        ByteArrayOutputStream popularity = new ByteArrayOutputStream();
        fit(new PopularityStrategy(), data, Map.of()).writeTo(popularity);
        IOException wrongKind = assertThrows(IOException.class,
                () -> new ItemKnnStrategy().readModel(new ByteArrayInputStream(popularity.toByteArray())));
        assertEquals("the model is a popularity model, not item-knn", wrongKind.getMessage());
    }
}
