package io.mercator.platform.evaluation.filtering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void rankingMetricsMatchHandComputation() {
        RankingMetrics metrics = new RankingMetrics(3, 4);
        // user 1: hits at ranks 1 and 3 of 3; relevant {a, c, x}; d at rank 4 is not relevant
        metrics.add(new String[] {"a", "b", "c", "d"}, Set.of("a", "c", "x"));
        // user 2: one hit at rank 4, outside k = 3 but inside recall-k = 4
        metrics.add(new String[] {"b", "e", "f", "g"}, Set.of("g"));
        // P@3: (2/3 + 0) / 2; R@4: (2/3 + 1) / 2
        assertEquals((2.0 / 3) / 2, metrics.precision(), 1e-12);
        assertEquals((2.0 / 3 + 1) / 2, metrics.recall(), 1e-12);
        // nDCG@3 user 1: (1 + 1/log2(4)) / (1 + 1/log2(3) + 1/log2(4)) = 1.5 / 2.130930
        assertEquals((1.5 / (1.5 + 1 / (Math.log(3) / Math.log(2)))) / 2, metrics.ndcg(), 1e-12);
        // AP@3 user 1: (1/1 + 2/3) / min(3, 3)
        assertEquals(((1 + 2.0 / 3) / 3) / 2, metrics.meanAveragePrecision(), 1e-12);
        // top 3 lists hold a, b, c, e, f: 5 of 10 items
        assertEquals(0.5, metrics.coverage(10), 1e-12);
        assertEquals(2, metrics.users());
    }

    @Test
    void shortListsCountMissingPlacesAsMisses() {
        RankingMetrics metrics = new RankingMetrics(10, 10);
        metrics.add(new String[] {"a"}, Set.of("a"));
        assertEquals(0.1, metrics.precision(), 1e-12);
        assertEquals(1, metrics.ndcg(), 1e-12);
        assertEquals(1, metrics.meanAveragePrecision(), 1e-12);
    }

    @Test
    void errorMetricsMatchHandComputation() {
        ErrorMetrics errors = new ErrorMetrics();
        errors.add(3, 4);
        errors.add(5, 3);
        errors.add(2, 2);
        assertEquals(Math.sqrt((1 + 4 + 0) / 3.0), errors.rmse(), 1e-12);
        assertEquals(1, errors.mae(), 1e-12);
        assertEquals(Double.NaN, new ErrorMetrics().rmse());
    }
}
