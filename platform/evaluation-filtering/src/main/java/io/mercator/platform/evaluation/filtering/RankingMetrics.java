package io.mercator.platform.evaluation.filtering;

import java.util.HashSet;
import java.util.Set;

/**
 * Top-N metrics averaged over the users evaluated, with binary relevance. For one user with
 * recommendation list {@code L} (best first) and relevant set {@code R}:
 * <ul>
 * <li>Precision@k = |L[1..k] ∩ R| / k (a list shorter than k counts its missing places as misses);</li>
 * <li>Recall@k = |L[1..k] ∩ R| / |R|;</li>
 * <li>nDCG@k = DCG / ideal DCG with DCG = sum over hits at rank r of 1 / log2(r + 1), and the ideal
 * placing min(|R|, k) hits first;</li>
 * <li>AP@k = (sum over hits at rank r of Precision@r) / min(|R|, k); MAP@k is its mean.</li>
 * </ul>
 * Coverage is the share of the catalogue that appears in some user's top k. Not thread-safe.
 */
final class RankingMetrics {

    private final int k;
    private final int recallK;
    private final Set<String> recommended = new HashSet<>();
    private double precision;
    private double recall;
    private double ndcg;
    private double averagePrecision;
    private int users;

    /**
     * @param k the cut-off of precision, nDCG, MAP and coverage
     * @param recallK the cut-off of recall
     */
    RankingMetrics(int k, int recallK) {
        this.k = k;
        this.recallK = recallK;
    }

    /** @return the longest list the metrics look at */
    int listLength() {
        return Math.max(k, recallK);
    }

    /**
     * @param list one user's recommendations, best first
     * @param relevant the user's relevant items; not empty
     */
    void add(String[] list, Set<String> relevant) {
        int hits = 0;
        int recallHits = 0;
        double dcg = 0;
        double precisionSum = 0;
        for (int rank = 1; rank <= Math.min(list.length, listLength()); rank++) {
            boolean hit = relevant.contains(list[rank - 1]);
            if (rank <= recallK && hit) {
                recallHits++;
            }
            if (rank > k) {
                continue;
            }
            recommended.add(list[rank - 1]);
            if (hit) {
                hits++;
                dcg += 1 / log2(rank + 1);
                precisionSum += (double) hits / rank;
            }
        }
        double idealDcg = 0;
        for (int rank = 1; rank <= Math.min(relevant.size(), k); rank++) {
            idealDcg += 1 / log2(rank + 1);
        }
        precision += (double) hits / k;
        recall += (double) recallHits / relevant.size();
        ndcg += dcg / idealDcg;
        averagePrecision += precisionSum / Math.min(relevant.size(), k);
        users++;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    double precision() {
        return mean(precision);
    }

    double recall() {
        return mean(recall);
    }

    double ndcg() {
        return mean(ndcg);
    }

    double meanAveragePrecision() {
        return mean(averagePrecision);
    }

    /**
     * @param catalogueSize the number of items that could have been recommended
     * @return the share of them that appeared in some top k
     */
    double coverage(int catalogueSize) {
        return catalogueSize == 0 ? Double.NaN : (double) recommended.size() / catalogueSize;
    }

    /** @return the number of users added */
    int users() {
        return users;
    }

    private double mean(double sum) {
        return users == 0 ? Double.NaN : sum / users;
    }
}
