package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Association rules over baskets ("frequently bought together"): each user of the interactions is a
 * basket (a transaction id or a customer), values are ignored. Frequent itemsets come from
 * FP-growth; every rule {@code X -> y} with one consequent and confidence
 * {@code support(X + y) / support(X)} at or above {@code min-confidence} is kept with its lift
 * {@code confidence / support(y)}. A basket's recommendations are the consequents of the rules
 * whose antecedent it holds, scored by the best confidence; similar items are the consequents of
 * the one-item rules of an item.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class AssociationRulesStrategy extends CollaborativeStrategy {

    static final String NAME = "association-rules";
    private static final String MIN_SUPPORT = "min-support";
    private static final String MIN_CONFIDENCE = "min-confidence";
    private static final String MAX_LENGTH = "max-length";
    private static final String MAX_ITEMSETS = "max-itemsets";

    /** Describes the strategy and its parameters. */
    public AssociationRulesStrategy() {
        super(NAME, "FP-growth association rules (support, confidence, lift) for baskets: frequently bought "
                + "together.",
                ParameterSpec.real(MIN_SUPPORT, "Smallest share of baskets an itemset must be in.", 0.01, 1e-6, 1),
                ParameterSpec.real(MIN_CONFIDENCE, "Smallest confidence of a kept rule.", 0.1, 0, 1),
                ParameterSpec.integer(MAX_LENGTH, "Largest itemset size (antecedent plus consequent).", 3, 2, 10),
                ParameterSpec.integer(MAX_ITEMSETS, "Fitting fails past this many frequent itemsets instead of "
                        + "running out of memory on dense data.", 100_000, 1, Integer.MAX_VALUE));
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        List<int[]> baskets = new ArrayList<>(matrix.users);
        for (int u = 0; u < matrix.users; u++) {
            baskets.add(Arrays.copyOfRange(matrix.userItem, matrix.userStart[u], matrix.userStart[u + 1]));
        }
        int minCount = (int) Math.max(1, Math.ceil(parameters.getDouble(MIN_SUPPORT) * matrix.users));
        Map<List<Integer>, Integer> frequent = FpGrowth.mine(baskets, minCount, parameters.getInt(MAX_LENGTH),
                parameters.getInt(MAX_ITEMSETS));
        context.checkCancelled();
        double[] basketCounts = userCounts(matrix);
        AssociationRules rules = AssociationRules.of(frequent, basketCounts, matrix.users,
                parameters.getDouble(MIN_CONFIDENCE));
        double[] support = new double[matrix.items];
        for (int i = 0; i < matrix.items; i++) {
            support[i] = basketCounts[i] / matrix.users;
        }
        // no rating scale: predictions are confidences or supports
        return new AssociationRulesModel(unscaledCommon(data, matrix, new Baseline(0, new double[matrix.users],
                support), basketCounts), rules);
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        AssociationRules rules = AssociationRules.read(in);
        if (rules.byFirstItem.length != common.items().size() + 1) {
            throw new IOException("corrupt association-rules model: arrays do not match the ids");
        }
        return new AssociationRulesModel(common, rules);
    }
}
