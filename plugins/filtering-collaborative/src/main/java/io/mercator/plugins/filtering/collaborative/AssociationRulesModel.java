package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.filtering.Explanation;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers from association rules and the training baskets. Predicted values are the best
 * confidence of a rule from the basket to the item, else the item's support (the share of
 * baskets holding it), 0 for an unknown item.
 */
final class AssociationRulesModel extends CollaborativeModel {

    private final AssociationRules rules;

    AssociationRulesModel(Common common, AssociationRules rules) {
        super(common);
        this.rules = rules;
    }

    @Override
    String kind() {
        return AssociationRulesStrategy.NAME;
    }

    /** @return per item, the best confidence of a rule whose antecedent the basket holds; 0 where none fires */
    @Override
    double[] basketScores(int[] items) {
        double[] scores = new double[common.items().size()];
        boolean[] inBasket = new boolean[scores.length];
        for (int item : items) {
            inBasket[item] = true;
        }
        for (int first : items) {
            for (int r = rules.byFirstItem[first]; r < rules.byFirstItem[first + 1]; r++) {
                if (holdsAntecedent(inBasket, r)) {
                    scores[rules.consequent[r]] = Math.max(scores[rules.consequent[r]], rules.confidence[r]);
                }
            }
        }
        return scores;
    }

    /** Names the rule with the highest confidence that fires on the basket and gives {@code i}. */
    @Override
    Explanation explain(int u, int[] basket, int i) {
        boolean[] inBasket = new boolean[common.items().size()];
        for (int item : basket) {
            inBasket[item] = true;
        }
        int best = -1;
        for (int first : basket) {
            for (int r = rules.byFirstItem[first]; r < rules.byFirstItem[first + 1]; r++) {
                if (rules.consequent[r] == i && holdsAntecedent(inBasket, r)
                        && (best < 0 || rules.confidence[r] > rules.confidence[best])) {
                    best = r;
                }
            }
        }
        if (best < 0) {
            return popular(i);
        }
        String[] antecedent = new String[rules.antecedentStart[best + 1] - rules.antecedentStart[best]];
        double[] weights = new double[antecedent.length];
        for (int k = 0; k < antecedent.length; k++) {
            antecedent[k] = common.items().id(rules.antecedent[rules.antecedentStart[best] + k]);
            weights[k] = rules.confidence[best];
        }
        return new Explanation(String.format(Locale.ROOT, "bought together: %s -> %s (confidence %.2f, lift %.2f, "
                + "support %.4f)", String.join(" + ", antecedent), common.items().id(i), rules.confidence[best],
                rules.lift[best], rules.support[best]), antecedent, weights);
    }

    private boolean holdsAntecedent(boolean[] inBasket, int rule) {
        for (int k = rules.antecedentStart[rule]; k < rules.antecedentStart[rule + 1]; k++) {
            if (!inBasket[rules.antecedent[k]]) {
                return false;
            }
        }
        return true;
    }

    /** @return per item, the confidence of the one-item rule from {@code i} to it; 0 where there is none */
    @Override
    double[] itemSimilarities(int i) {
        double[] scores = new double[common.items().size()];
        for (int r = rules.byFirstItem[i]; r < rules.byFirstItem[i + 1]; r++) {
            if (rules.antecedentStart[r + 1] - rules.antecedentStart[r] == 1) {
                scores[rules.consequent[r]] = rules.confidence[r];
            }
        }
        return scores;
    }

    @Override
    double unclampedPrediction(int u, int i) {
        if (i < 0) {
            return 0;
        }
        double support = common.baseline().itemBias[i];
        return u < 0 ? support : Math.max(support, userScores(u)[i]);
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        rules.writeTo(out);
    }
}
