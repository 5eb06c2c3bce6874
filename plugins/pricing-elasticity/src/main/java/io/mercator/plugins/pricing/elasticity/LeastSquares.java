package io.mercator.plugins.pricing.elasticity;

/**
 * Ordinary least squares through the normal equations with a Cholesky factorisation that drops
 * regressors which add nothing to the ones before them (constant, or a combination of earlier
 * columns): their coefficient is 0 and they cost no degree of freedom. Columns are taken in
 * order, so put the coefficient that matters most first. Small systems only (a few dozen
 * columns).
 */
final class LeastSquares {

    /** A pivot below this fraction of the column's own sum of squares counts as collinear. */
    private static final double COLLINEAR = 1e-9;

    private final double[] coefficients;
    private final boolean[] kept;
    private final double[][] lower;
    private final int rank;

    private LeastSquares(double[] coefficients, boolean[] kept, double[][] lower, int rank) {
        this.coefficients = coefficients;
        this.kept = kept;
        this.lower = lower;
        this.rank = rank;
    }

    /**
     * @param gram the cross products X'X, k by k (only the lower triangle is read)
     * @param moments the cross products X'y
     * @return the solution
     */
    static LeastSquares solve(double[][] gram, double[] moments) {
        int k = moments.length;
        double[][] lower = new double[k][k];
        boolean[] kept = new boolean[k];
        int rank = 0;
        for (int j = 0; j < k; j++) {
            double pivot = gram[j][j];
            for (int m = 0; m < j; m++) {
                pivot -= lower[j][m] * lower[j][m];
            }
            if (!(pivot > COLLINEAR * gram[j][j]) || gram[j][j] <= 0) {
                continue;
            }
            kept[j] = true;
            rank++;
            lower[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < k; i++) {
                double sum = gram[i][j];
                for (int m = 0; m < j; m++) {
                    sum -= lower[i][m] * lower[j][m];
                }
                lower[i][j] = sum / lower[j][j];
            }
        }
        LeastSquares factor = new LeastSquares(null, kept, lower, rank);
        return new LeastSquares(factor.solveWith(moments), kept, lower, rank);
    }

    /** Solves L L' b = v over the kept columns; dropped columns get 0. */
    private double[] solveWith(double[] v) {
        int k = v.length;
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            if (kept[i]) {
                double sum = v[i];
                for (int m = 0; m < i; m++) {
                    sum -= lower[i][m] * z[m];
                }
                z[i] = sum / lower[i][i];
            }
        }
        double[] b = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            if (kept[i]) {
                double sum = z[i];
                for (int m = i + 1; m < k; m++) {
                    sum -= lower[m][i] * b[m];
                }
                b[i] = sum / lower[i][i];
            }
        }
        return b;
    }

    /** @return the coefficients, 0 for dropped columns */
    double[] coefficients() {
        return coefficients;
    }

    /**
     * @param column a column index
     * @return whether the column was kept
     */
    boolean kept(int column) {
        return kept[column];
    }

    /** @return the number of kept columns */
    int rank() {
        return rank;
    }

    /**
     * @param column a kept column
     * @return the diagonal element of (X'X)^-1 for that column: its variance per unit of residual variance
     */
    double inverseDiagonal(int column) {
        double[] unit = new double[coefficients.length];
        unit[column] = 1;
        return solveWith(unit)[column];
    }
}
