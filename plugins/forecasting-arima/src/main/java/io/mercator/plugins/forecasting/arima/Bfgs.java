package io.mercator.plugins.forecasting.arima;

import java.util.function.ToDoubleFunction;

/**
 * Quasi-Newton (BFGS) minimisation with central-difference gradients and a backtracking line
 * search, stopping when an iteration improves the value by at most
 * {@code relativeTolerance * (|value| + relativeTolerance)}: the optimiser and stopping rule R's
 * {@code arima} uses, so that both stop at the same optimum. commons-math3 offers no
 * quasi-Newton method; its BOBYQA needs at least two parameters and its Nelder-Mead stops early on
 * the flat ridges ARMA likelihoods often have.
 */
final class Bfgs {

    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final double BACKTRACK = 0.2;

    private Bfgs() {
    }

    /**
     * @param function the function to minimise; may return infinity or NaN outside its domain
     * @param start a point where the function is finite
     * @param step the finite-difference step for the gradient
     * @param relativeTolerance the stopping tolerance on the value
     * @param maxIterations the iteration budget
     * @return the best point found
     */
    static double[] minimise(ToDoubleFunction<double[]> function, double[] start, double step,
            double relativeTolerance, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double value = function.applyAsDouble(x);
        if (n == 0 || !Double.isFinite(value)) {
            return x;
        }
        double[] gradient = gradient(function, x, value, step);
        double[][] inverse = identity(n);
        boolean fresh = true;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] direction = new double[n];
            double slope = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    direction[i] -= inverse[i][j] * gradient[j];
                }
                slope += direction[i] * gradient[i];
            }
            if (!(slope < 0)) {
                if (fresh) {
                    break;
                }
                inverse = identity(n);
                fresh = true;
                continue;
            }
            double length = 1;
            double[] next = null;
            double nextValue = Double.NaN;
            while (length > 1e-10) {
                double[] candidate = new double[n];
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] + length * direction[i];
                }
                double candidateValue = function.applyAsDouble(candidate);
                if (candidateValue <= value + SUFFICIENT_DECREASE * length * slope) {
                    next = candidate;
                    nextValue = candidateValue;
                    break;
                }
                length *= BACKTRACK;
            }
            if (next == null) {
                if (fresh) {
                    break;
                }
                inverse = identity(n);
                fresh = true;
                continue;
            }
            double[] nextGradient = gradient(function, next, nextValue, step);
            boolean converged = Math.abs(value - nextValue) <= relativeTolerance * (Math.abs(value) + relativeTolerance);
            update(inverse, next, x, nextGradient, gradient);
            fresh = false;
            x = next;
            value = nextValue;
            gradient = nextGradient;
            if (converged) {
                break;
            }
        }
        return x;
    }

    /** The BFGS update of the inverse Hessian approximation, skipped when the curvature is not positive. */
    private static void update(double[][] inverse, double[] next, double[] x, double[] nextGradient, double[] gradient) {
        int n = x.length;
        double[] s = new double[n];
        double[] y = new double[n];
        double sy = 0;
        for (int i = 0; i < n; i++) {
            s[i] = next[i] - x[i];
            y[i] = nextGradient[i] - gradient[i];
            sy += s[i] * y[i];
        }
        if (!(sy > 1e-12)) {
            return;
        }
        double[] hy = new double[n];
        double yhy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hy[i] += inverse[i][j] * y[j];
            }
            yhy += y[i] * hy[i];
        }
        double factor = (1 + yhy / sy) / sy;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inverse[i][j] += factor * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
            }
        }
    }

    private static double[] gradient(ToDoubleFunction<double[]> function, double[] x, double value, double step) {
        double[] gradient = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            probe[i] = x[i] + step;
            double up = function.applyAsDouble(probe);
            probe[i] = x[i] - step;
            double down = function.applyAsDouble(probe);
            probe[i] = x[i];
            if (Double.isFinite(up) && Double.isFinite(down)) {
                gradient[i] = (up - down) / (2 * step);
            } else if (Double.isFinite(up)) {
                gradient[i] = (up - value) / step;
            } else if (Double.isFinite(down)) {
                gradient[i] = (value - down) / step;
            }
        }
        return gradient;
    }

    private static double[][] identity(int n) {
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1;
        }
        return identity;
    }
}
