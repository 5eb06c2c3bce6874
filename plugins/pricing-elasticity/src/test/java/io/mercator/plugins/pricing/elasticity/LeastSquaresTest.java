package io.mercator.plugins.pricing.elasticity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void solvesTheNormalEquationsAndGivesTheInverseDiagonal() {
        // X'X = [[2, 1], [1, 2]], X'y = [3, 3]: b = [1, 1]; (X'X)^-1 = [[2, -1], [-1, 2]] / 3
        LeastSquares solution = LeastSquares.solve(new double[][] {{2, 0}, {1, 2}}, new double[] {3, 3});
        assertArrayEquals(new double[] {1, 1}, solution.coefficients(), 1e-12);
        assertEquals(2.0 / 3, solution.inverseDiagonal(0), 1e-12);
        assertEquals(2, solution.rank());
    }

    @Test
    void dropsAConstantAndACollinearColumn() {
        // columns x = (1, 2, 3), 0, 2x; y = 3x: the second and third add nothing
        double[] x = {1, 2, 3};
        double[][] columns = {x, {0, 0, 0}, {2, 4, 6}};
        double[][] gram = new double[3][3];
        double[] moments = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                moments[j] += columns[j][i] * 3 * x[i];
                for (int m = 0; m < 3; m++) {
                    gram[j][m] += columns[j][i] * columns[m][i];
                }
            }
        }
        LeastSquares solution = LeastSquares.solve(gram, moments);
        assertArrayEquals(new double[] {3, 0, 0}, solution.coefficients(), 1e-12);
        assertFalse(solution.kept(1));
        assertFalse(solution.kept(2));
        assertEquals(1, solution.rank());
        assertEquals(1.0 / 14, solution.inverseDiagonal(0), 1e-12);
    }
}
