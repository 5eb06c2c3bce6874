package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * User-kNN on u1 {A:1, B:2, C:1}, u2 {A:2, B:4}, u3 {A:1, C:3}; every similarity below is worked
 * out by hand over the items two users share.
 */
class UserKnnTest {

    private static final Interactions RATINGS = TinyRatings.RATINGS;

    private static RecommenderModel fit(Map<String, ?> given) {
        UserKnnStrategy strategy = new UserKnnStrategy();
        return strategy.fit(RATINGS, Parameters.resolve(strategy.descriptor().parameters(), given),
                TrainingContext.none());
    }

    private static final RecommenderModel BASELINE = new PopularityStrategy().fit(RATINGS,
            Parameters.defaults(new PopularityStrategy().descriptor().parameters()), TrainingContext.none());

    private static double residual(String user, String item, double rating) {
        return rating - BASELINE.predict(user, item);
    }

    @Test
    void cosinePredictionIsTheBaselinePlusNeighboursWeightedResiduals() {
        // cos(u2,u1) over A,B = (2 + 8) / sqrt(20 * 5) = 1; cos(u2,u3) over A = 2 / sqrt(4 * 1) = 1; both rated C
        RecommenderModel model = fit(Map.of("similarity", "cosine", "shrinkage", 0));
        double expected = BASELINE.predict("u2", "C") + (residual("u1", "C", 1) + residual("u3", "C", 3)) / 2;
        assertEquals(expected, model.predict("u2", "C"), 1e-9);
    }

    @Test
    void pearsonCentresOnUserMeansAndShrinkageWeighsByItemsShared() {
        // user means 4/3, 3, 2; pearson(u2,u1) over A,B = (1/3 + 2/3) / sqrt((1/9 + 4/9) * 2) = 0.948683,
        // pearson(u2,u3) over A = 1; shrinkage 1 multiplies by 2/3 (two shared items) and 1/2 (one)
        RecommenderModel model = fit(Map.of("similarity", "pearson", "shrinkage", 1));
        double toU1 = 1 / Math.sqrt(10.0 / 9) * 2 / 3;
        double toU3 = 0.5;
        double expected = BASELINE.predict("u2", "C")
                + (toU1 * residual("u1", "C", 1) + toU3 * residual("u3", "C", 3)) / (toU1 + toU3);
        assertEquals(expected, model.predict("u2", "C"), 1e-9);
        // pearson(u3,u1) over A,C = (-1/3)(-1) + (-1/3)(1) = 0 is not kept: u3's only neighbour for B is u2
        assertEquals(BASELINE.predict("u3", "B") + residual("u2", "B", 4), model.predict("u3", "B"), 1e-9);
    }

    @Test
    void neighbourhoodSizeLimitsThePrediction() {
        // one neighbour: u2's nearest by cosine with shrinkage 1 is u1 (1 * 2/3) ahead of u3 (1 * 1/2)
        RecommenderModel model = fit(Map.of("similarity", "cosine", "shrinkage", 1, "neighbours", 1));
        assertEquals(BASELINE.predict("u2", "C") + residual("u1", "C", 1), model.predict("u2", "C"), 1e-9);
    }

    @Test
    void topNSumsTheSimilarityOfNeighboursWhoHaveTheItem() {
        // u3's neighbours by cosine: u2 (1) and u1 (4 / sqrt(20)); both have B
        Recommendations top = fit(Map.of("similarity", "cosine", "shrinkage", 0)).recommend("u3", 2, Set.of("A", "C"));
        assertArrayEquals(new String[] {"B"}, top.itemIds());
        assertEquals(1 + 4 / Math.sqrt(20), top.score(0), 1e-12);
    }

    @Test
    void aNewUserFindsNeighboursByTheItemsTheyHave() {
        // {A, C} against the 0/1 vectors: u1 2/sqrt(6), u2 1/sqrt(4), u3 2/sqrt(4); B is u1's and u2's
        Recommendations folded = fit(Map.of()).recommendForItems(Set.of("A", "C"), 3, Set.of());
        assertArrayEquals(new String[] {"B"}, folded.itemIds());
        assertEquals(2 / Math.sqrt(6) + 0.5, folded.score(0), 1e-12);
    }

    @Test
    void similarItemsAreBoughtByTheSameUsers() {
        // users of A {u1,u2,u3}, B {u1,u2}, C {u1,u3}: cos(B,A) = 2/sqrt(6), cos(B,C) = 1/sqrt(4)
        Recommendations similar = fit(Map.of()).similarItems("B", 3);
        assertArrayEquals(new String[] {"A", "C"}, similar.itemIds());
        assertArrayEquals(new double[] {2 / Math.sqrt(6), 0.5}, similar.scores(), 1e-12);
    }

    @Test
    void unknownIdsFallBackInsteadOfFailing() {
        RecommenderModel model = fit(Map.of());
        assertEquals(BASELINE.predict("stranger", "B"), model.predict("stranger", "B"), 1e-12);
        assertArrayEquals(new String[] {"A", "B"}, model.recommend("stranger", 2, Set.of()).itemIds());
    }
}
