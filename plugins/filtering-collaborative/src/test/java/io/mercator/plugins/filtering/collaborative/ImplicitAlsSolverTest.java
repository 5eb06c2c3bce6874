package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImplicitAlsSolverTest {

    @Test
    void aFoldedInUserSolvesTheNormalEquationsAgainstFixedItems() {
        int factors = 3;
        double regularisation = 0.5;
        double alpha = 2;
        Random random = new Random(3);
        double[] items = new double[5 * factors];
        for (int k = 0; k < items.length; k++) {
            items[k] = random.nextGaussian();
        }
        ImplicitAlsSolver solver = new ImplicitAlsSolver(factors, regularisation, alpha, factors);
        int[] chosen = {1, 3};
        double[] user = solver.foldIn(items, solver.gram(items), chosen);
        // (Y'Y + alpha * sum of y_j y_j' over chosen j + regularisation I) x = (1 + alpha) * sum of y_j
        double[] left = new double[factors];
        double[] right = new double[factors];
        for (int a = 0; a < factors; a++) {
            left[a] = regularisation * user[a];
            for (int i = 0; i < 5; i++) {
                boolean isChosen = i == 1 || i == 3;
                double dot = 0;
                for (int b = 0; b < factors; b++) {
                    dot += items[i * factors + b] * user[b];
                }
                left[a] += (isChosen ? 1 + alpha : 1) * items[i * factors + a] * dot;
                right[a] += isChosen ? (1 + alpha) * items[i * factors + a] : 0;
            }
        }
        assertArrayEquals(right, left, 1e-9);
    }
}
