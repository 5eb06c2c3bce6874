package io.mercator.platform.evaluation.filtering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    @Test
    void oneItemOfEveryBasketWithTwoItemsIsHeldOut() {
        String[] baskets = {"1", "1", "1", "2", "3", "3", "3"};
        String[] items = {"milk", "bread", "milk", "eggs", "jam", "tea", "rice"};
        boolean[] test = Splits.oneItemPerBasket(baskets, items, 42);
        // basket 1 holds out milk (both rows) or bread; basket 2 has one item; basket 3 holds out one of three
        assertEquals(test[0], test[2]);
        assertEquals(1, (test[0] ? 1 : 0) + (test[1] ? 1 : 0));
        assertFalse(test[3]);
        assertEquals(1, (test[4] ? 1 : 0) + (test[5] ? 1 : 0) + (test[6] ? 1 : 0));
        assertArrayEquals(test, Splits.oneItemPerBasket(baskets, items, 42));
    }
}
