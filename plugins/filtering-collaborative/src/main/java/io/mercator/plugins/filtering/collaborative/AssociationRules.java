package io.mercator.plugins.filtering.collaborative;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Rules {@code X -> y} in flat arrays, grouped by the smallest item index of their antecedent:
 * the rules whose antecedent starts with item i are {@code byFirstItem[i] .. byFirstItem[i + 1] - 1}.
 * Rule r's antecedent is {@code antecedent[antecedentStart[r] .. antecedentStart[r + 1] - 1]}
 * (ascending item indices).
 */
final class AssociationRules {

    final int[] byFirstItem;
    final int[] antecedentStart;
    final int[] antecedent;
    final int[] consequent;
    final double[] support;
    final double[] confidence;
    final double[] lift;

    AssociationRules(int[] byFirstItem, int[] antecedentStart, int[] antecedent, int[] consequent,
            double[] support, double[] confidence, double[] lift) {
        this.byFirstItem = byFirstItem;
        this.antecedentStart = antecedentStart;
        this.antecedent = antecedent;
        this.consequent = consequent;
        this.support = support;
        this.confidence = confidence;
        this.lift = lift;
    }

    /**
     * @param frequent frequent itemsets (ascending item indices) with their basket counts
     * @param itemCounts per item, its basket count
     * @param baskets the number of baskets
     * @param minConfidence the smallest confidence kept
     * @return every single-consequent rule of the itemsets with enough confidence
     */
    static AssociationRules of(Map<List<Integer>, Integer> frequent, double[] itemCounts, int baskets,
            double minConfidence) {
        List<List<Integer>> antecedents = new ArrayList<>();
        List<double[]> figures = new ArrayList<>(); // consequent, support, confidence, lift
        frequent.forEach((itemset, count) -> {
            if (itemset.size() < 2) {
                return;
            }
            for (int k = 0; k < itemset.size(); k++) {
                List<Integer> rest = new ArrayList<>(itemset);
                int y = rest.remove(k);
                double confidence = (double) count / frequent.get(rest);
                if (confidence >= minConfidence) {
                    antecedents.add(rest);
                    figures.add(new double[] {y, (double) count / baskets, confidence,
                            confidence / (itemCounts[y] / baskets)});
                }
            }
        });
        int items = itemCounts.length;
        int rules = antecedents.size();
        int[] byFirstItem = new int[items + 1];
        for (List<Integer> rest : antecedents) {
            byFirstItem[rest.get(0) + 1]++;
        }
        for (int i = 0; i < items; i++) {
            byFirstItem[i + 1] += byFirstItem[i];
        }
        int[] slotOf = new int[rules];
        int[] next = Arrays.copyOf(byFirstItem, items);
        int[] antecedentStart = new int[rules + 1];
        for (int r = 0; r < rules; r++) {
            slotOf[r] = next[antecedents.get(r).get(0)]++;
            antecedentStart[slotOf[r] + 1] = antecedents.get(r).size();
        }
        for (int r = 0; r < rules; r++) {
            antecedentStart[r + 1] += antecedentStart[r];
        }
        int[] antecedent = new int[antecedentStart[rules]];
        int[] consequent = new int[rules];
        double[] support = new double[rules];
        double[] confidence = new double[rules];
        double[] lift = new double[rules];
        for (int r = 0; r < rules; r++) {
            int slot = slotOf[r];
            List<Integer> rest = antecedents.get(r);
            for (int k = 0; k < rest.size(); k++) {
                antecedent[antecedentStart[slot] + k] = rest.get(k);
            }
            double[] figure = figures.get(r);
            consequent[slot] = (int) figure[0];
            support[slot] = figure[1];
            confidence[slot] = figure[2];
            lift[slot] = figure[3];
        }
        return new AssociationRules(byFirstItem, antecedentStart, antecedent, consequent, support, confidence, lift);
    }

    /** @return the number of rules */
    int size() {
        return consequent.length;
    }

    void writeTo(DataOutputStream out) throws IOException {
        Codec.writeInts(out, byFirstItem);
        Codec.writeInts(out, antecedentStart);
        Codec.writeInts(out, antecedent);
        Codec.writeInts(out, consequent);
        Codec.writeDoubles(out, support);
        Codec.writeDoubles(out, confidence);
        Codec.writeDoubles(out, lift);
    }

    static AssociationRules read(DataInputStream in) throws IOException {
        AssociationRules rules = new AssociationRules(Codec.readInts(in), Codec.readInts(in), Codec.readInts(in),
                Codec.readInts(in), Codec.readDoubles(in), Codec.readDoubles(in), Codec.readDoubles(in));
        int count = rules.consequent.length;
        if (rules.antecedentStart.length != count + 1 || rules.support.length != count
                || rules.confidence.length != count || rules.lift.length != count || rules.byFirstItem.length == 0
                || rules.byFirstItem[rules.byFirstItem.length - 1] != count
                || rules.antecedentStart[count] != rules.antecedent.length) {
            throw new IOException("corrupt model: rule arrays do not match");
        }
        return rules;
    }
}
