package io.mercator.platform.evaluation.filtering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilteringEvaluationTest {

    @Test
    void aRepeatOfATrainingItemIsNeitherACandidateNorRelevant() {
        // u1 buys a and b, then a again and c: the latest half (a again, c) is held out
        InteractionsFile file = new InteractionsFile(new String[] {"u1", "u1", "u1", "u1", "u2", "u2"},
                new String[] {"a", "b", "a", "c", "c", "d"}, new double[] {1, 1, 1, 1, 1, 1},
                new long[] {1, 2, 3, 4, 1, 2}, null);
        boolean[] test = Splits.latestPerUser(file.users(), file.timestamps(), 0.5);
        FilteringEvaluation evaluation = new FilteringEvaluation(file, null,
                new FilteringEvaluation.Plan(null, 0, test, 2, 2, 0, false));
        double[] values = evaluation.run(new FixedOrder("c", "d", "a", "b"), null, TrainingContext.none());
        // u1 is offered c, d (a and b are in training): c is the one relevant item, a hit at rank 1 (counting
        // the repeated a as relevant would give R@2 1/2 and nDCG@2 1/(1 + 1/log2 3)); u2 (c in training, d
        // held out) is offered d, a: a hit at rank 1
        assertEquals(1, values[3], 1e-12, "R@2");
        assertEquals(1, values[4], 1e-12, "nDCG@2");
        assertEquals(0.5, values[2], 1e-12, "P@2");
    }

    /** Recommends the same items to everyone, in a fixed order, leaving out the excluded ones. */
    private record FixedOrder(String... order) implements RecommenderStrategy {
        @Override
        public StrategyDescriptor descriptor() {
            return StrategyDescriptor.builder(Family.FILTERING, "fixed", "1.0.0").build();
        }

        @Override
        public RecommenderModel fit(Interactions data, Parameters parameters, TrainingContext context) {
            return new RecommenderModel() {
                @Override
                public IdDictionary users() {
                    return data.users();
                }

                @Override
                public IdDictionary items() {
                    return data.items();
                }

                @Override
                public Recommendations recommend(String userId, int count, Set<String> exclude) {
                    String[] listed = Arrays.stream(order).filter(item -> !exclude.contains(item)).limit(count)
                            .toArray(String[]::new);
                    return new Recommendations(listed, new double[listed.length]);
                }

                @Override
                public Recommendations similarItems(String itemId, int count) {
                    return new Recommendations(new String[0], new double[0]);
                }

                @Override
                public double predict(String userId, String itemId) {
                    return 0;
                }

                @Override
                public String strategyName() {
                    return "fixed";
                }

                @Override
                public String strategyVersion() {
                    return "1.0.0";
                }

                @Override
                public void writeTo(OutputStream out) {
                }
            };
        }

        @Override
        public RecommenderModel readModel(InputStream in) {
            throw new UnsupportedOperationException();
        }
    }

}
