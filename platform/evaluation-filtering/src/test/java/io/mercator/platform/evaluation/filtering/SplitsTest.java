package io.mercator.platform.evaluation.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void randomFoldsAreBalancedAndSeeded() {
        int[] folds = Splits.randomFolds(103, 5, 42);
        int[] sizes = new int[6];
        Arrays.stream(folds).forEach(fold -> sizes[fold]++);
        assertArrayEquals(new int[] {0, 21, 21, 21, 20, 20}, sizes);
        assertArrayEquals(folds, Splits.randomFolds(103, 5, 42));
    }

    @Test
    void latestRowsOfEachUserAreHeldOut() {
        String[] users = {"a", "a", "a", "a", "a", "b", "b", "c"};
        long[] times = {50, 10, 40, 20, 30, 7, 3, 1};
        boolean[] test = Splits.latestPerUser(users, times, 0.4);
        // a: 5 rows, round(2.0) = 2 latest (times 50, 40); b: round(0.8) = 1 (time 7); c: one row trains only
        assertArrayEquals(new boolean[] {true, false, true, false, false, true, false, false}, test);
        // at 99% a user still keeps one training row: a tests 4 of 5, b 1 of 2
        assertArrayEquals(new boolean[] {true, false, true, true, true, true, false, false},
                Splits.latestPerUser(users, times, 0.99));
    }
}
