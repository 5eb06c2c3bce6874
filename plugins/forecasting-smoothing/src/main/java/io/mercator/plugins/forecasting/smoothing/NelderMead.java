package io.mercator.plugins.forecasting.smoothing;

import java.util.function.ToDoubleFunction;

/**
 * Nelder-Mead minimisation with the stopping rule of R's {@code optim}: stop once the simplex's
 * worst and best values differ by at most {@code reltol * (|best| + reltol)}, or after a number of
 * evaluations. commons-math3's simplex optimiser stops as soon as one step improves little, which
 * on the flat ridges of smoothing likelihoods ends the search far from the maximum.
 */
final class NelderMead {

    private static final double REFLECTION = 1;
    private static final double EXPANSION = 2;
    private static final double CONTRACTION = 0.5;
    private static final double SHRINK = 0.5;

    private NelderMead() {
    }

    /**
     * @param function the function to minimise
     * @param start the starting point
     * @param step the initial simplex's extent along each coordinate
     * @param relativeTolerance R's {@code reltol}
     * @param maxEvaluations evaluation budget
     * @return the best point found
     */
    static double[] minimise(ToDoubleFunction<double[]> function, double[] start, double[] step,
            double relativeTolerance, int maxEvaluations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            simplex[i] = start.clone();
            if (i > 0) {
                simplex[i][i - 1] += step[i - 1];
            }
            values[i] = function.applyAsDouble(simplex[i]);
        }
        int evaluations = n + 1;
        while (evaluations < maxEvaluations) {
            sort(simplex, values);
            if (Math.abs(values[n] - values[0]) <= relativeTolerance * (Math.abs(values[0]) + relativeTolerance)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -REFLECTION);
            double reflectedValue = function.applyAsDouble(reflected);
            evaluations++;
            if (reflectedValue < values[0]) {
                double[] expanded = along(centroid, simplex[n], -EXPANSION);
                double expandedValue = function.applyAsDouble(expanded);
                evaluations++;
                boolean expand = expandedValue < reflectedValue;
                simplex[n] = expand ? expanded : reflected;
                values[n] = expand ? expandedValue : reflectedValue;
            } else if (reflectedValue < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = reflectedValue;
            } else {
                boolean outside = reflectedValue < values[n];
                double[] contracted = along(centroid, outside ? reflected : simplex[n], CONTRACTION);
                double contractedValue = function.applyAsDouble(contracted);
                evaluations++;
                if (contractedValue < Math.min(reflectedValue, values[n])) {
                    simplex[n] = contracted;
                    values[n] = contractedValue;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], SHRINK);
                        values[i] = function.applyAsDouble(simplex[i]);
                    }
                    evaluations += n;
                }
            }
        }
        sort(simplex, values);
        return simplex[0];
    }

    /** @return {@code from + factor * (to - from)} */
    private static double[] along(double[] from, double[] to, double factor) {
        double[] point = new double[from.length];
        for (int j = 0; j < from.length; j++) {
            point[j] = from[j] + factor * (to[j] - from[j]);
        }
        return point;
    }

    /** Insertion sort of the vertices by value; the simplex is small. */
    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double value = values[i];
            double[] vertex = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = value;
            simplex[j + 1] = vertex;
        }
    }
}
