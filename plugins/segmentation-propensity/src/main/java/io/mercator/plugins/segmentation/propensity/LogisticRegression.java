package io.mercator.plugins.segmentation.propensity;

/**
 * Binary logistic regression with an L2 penalty on the coefficients (not on the intercept),
 * fitted by Newton's method: it minimises {@code sum(log-loss) + lambda / 2 * |w|^2}, the
 * objective of scikit-learn's {@code LogisticRegression(C = 1 / lambda)}. Plain Java on
 * row-major features; immutable once fitted.
 *
 * @param intercept the fitted intercept
 * @param coefficients one per feature
 */
record LogisticRegression(double intercept, double[] coefficients) {

    private static final int MAX_ITERATIONS = 100;

    /**
     * @param features row-major, {@code dimensions} per row
     * @param labels 0 or 1 per row
     * @param lambda the L2 penalty, &gt; 0 keeps the fit finite on separable data
     * @return the fitted model
     */
    static LogisticRegression fit(double[] features, int dimensions, int[] labels, double lambda) {
        int n = labels.length;
        int parameters = dimensions + 1;
        double[] weights = new double[parameters];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[parameters];
            double[][] hessian = new double[parameters][parameters];
            for (int i = 0; i < n; i++) {
                double p = PlattScaling.sigmoid(linear(weights, features, i, dimensions));
                double curvature = p * (1 - p);
                for (int a = 0; a < parameters; a++) {
                    double xa = a == 0 ? 1 : features[i * dimensions + a - 1];
                    gradient[a] += (p - labels[i]) * xa;
                    for (int b = 0; b <= a; b++) {
                        double xb = b == 0 ? 1 : features[i * dimensions + b - 1];
                        hessian[a][b] += curvature * xa * xb;
                    }
                }
            }
            for (int a = 1; a < parameters; a++) {
                gradient[a] += lambda * weights[a];
                hessian[a][a] += lambda;
            }
            for (int a = 0; a < parameters; a++) {
                for (int b = a + 1; b < parameters; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < parameters; a++) {
                weights[a] -= step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-12) {
                break;
            }
        }
        double[] coefficients = new double[dimensions];
        System.arraycopy(weights, 1, coefficients, 0, dimensions);
        return new LogisticRegression(weights[0], coefficients);
    }

    /** @return the probability of label 1 for row {@code i} of the row-major features */
    double probability(double[] features, int i) {
        return PlattScaling.sigmoid(score(features, i));
    }

    /** @return the log-odds of label 1 for row {@code i} of the row-major features */
    double score(double[] features, int i) {
        double[] weights = new double[coefficients.length + 1];
        weights[0] = intercept;
        System.arraycopy(coefficients, 0, weights, 1, coefficients.length);
        return linear(weights, features, i, coefficients.length);
    }

    private static double linear(double[] weights, double[] features, int i, int dimensions) {
        double sum = weights[0];
        for (int d = 0; d < dimensions; d++) {
            sum += weights[d + 1] * features[i * dimensions + d];
        }
        return sum;
    }

    /** Solves the symmetric positive-definite system by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int size = vector.length;
        double[][] a = new double[size][];
        for (int r = 0; r < size; r++) {
            a[r] = matrix[r].clone();
        }
        double[] b = vector.clone();
        for (int column = 0; column < size; column++) {
            int pivot = column;
            for (int r = column + 1; r < size; r++) {
                if (Math.abs(a[r][column]) > Math.abs(a[pivot][column])) {
                    pivot = r;
                }
            }
            double[] row = a[column];
            a[column] = a[pivot];
            a[pivot] = row;
            double value = b[column];
            b[column] = b[pivot];
            b[pivot] = value;
            for (int r = column + 1; r < size; r++) {
                double factor = a[r][column] / a[column][column];
                for (int c = column; c < size; c++) {
                    a[r][c] -= factor * a[column][c];
                }
                b[r] -= factor * b[column];
            }
        }
        double[] x = new double[size];
        for (int r = size - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < size; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
