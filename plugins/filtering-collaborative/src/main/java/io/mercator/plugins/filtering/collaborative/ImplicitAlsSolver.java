package io.mercator.plugins.filtering.collaborative;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The least-squares steps of implicit ALS: a half-sweep recomputes every row of one side with the
 * other side fixed; a fold-in solves one new user's row against the fixed item factors.
 */
final class ImplicitAlsSolver {
    private final int factors;
    private final double regularisation;
    private final double alpha;
    private final int steps;

    ImplicitAlsSolver(int factors, double regularisation, double alpha, int steps) {
        this.factors = factors;
        this.regularisation = regularisation;
        this.alpha = alpha;
        this.steps = steps;
    }

    /** @return a solver with the same equations and as many steps as factors, for fold-ins */
    ImplicitAlsSolver forFoldIn() {
        return new ImplicitAlsSolver(factors, regularisation, alpha, factors);
    }

    /**
     * Minimises, per row r, sum over all columns c of conf(r,c) (pref(r,c) - x_r . y_c)^2 +
     * regularisation |x_r|^2, whose normal equations are
     * (Y'Y + Y'(C_r - I)Y + regularisation I) x_r = Y' C_r p_r.
     */
    void solve(double[] rows, double[] fixed, int[] start, int[] column, double[] value) {
        double[] gram = gram(fixed);
        IntStream.range(0, start.length - 1).parallel().forEach(row -> conjugateGradient(rows, fixed, gram,
                row, start[row], start[row + 1], column, value));
    }

    /**
     * @param fixed the fixed side's factors, row-major
     * @return {@code Y'Y}, row-major
     */
    double[] gram(double[] fixed) {
        int fixedRows = fixed.length / factors;
        double[] gram = new double[factors * factors];
        for (int c = 0; c < fixedRows; c++) {
            for (int a = 0; a < factors; a++) {
                double ya = fixed[c * factors + a];
                for (int b = 0; b < factors; b++) {
                    gram[a * factors + b] += ya * fixed[c * factors + b];
                }
            }
        }
        return gram;
    }

    /**
     * Solves a new user's factors from the items they chose, each counted once, against fixed item
     * factors: the same normal equations as training, from zero; a solver made with as many steps
     * as factors ({@link #read}, {@link #forFoldIn}) solves them exactly up to rounding.
     *
     * @param itemFactors the fixed item factors, row-major
     * @param gram {@link #gram} of {@code itemFactors}
     * @param items the chosen items, distinct
     * @return the user's factors
     */
    double[] foldIn(double[] itemFactors, double[] gram, int[] items) {
        double[] user = new double[factors];
        double[] once = new double[items.length];
        Arrays.fill(once, 1);
        conjugateGradient(user, itemFactors, gram, 0, 0, items.length, items, once);
        return user;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeDouble(regularisation);
        out.writeDouble(alpha);
    }

    /**
     * @param in the stream, positioned where {@link #writeTo} wrote
     * @param factors the model's number of factors
     * @return a solver for fold-ins, with as many steps as factors
     * @throws IOException when reading fails
     */
    static ImplicitAlsSolver read(DataInputStream in, int factors) throws IOException {
        return new ImplicitAlsSolver(factors, in.readDouble(), in.readDouble(), factors);
    }

    private void conjugateGradient(double[] rows, double[] fixed, double[] gram, int row, int from, int to,
            int[] column, double[] value) {
        int offset = row * factors;
        double[] residual = new double[factors];
        double[] direction = new double[factors];
        double[] product = new double[factors];
        // residual = b - A x with b = sum of conf * y_c over the observed columns
        multiply(rows, offset, fixed, gram, from, to, column, value, product);
        for (int k = from; k < to; k++) {
            double confidence = 1 + alpha * value[k];
            int c = column[k] * factors;
            for (int f = 0; f < factors; f++) {
                residual[f] += confidence * fixed[c + f];
            }
        }
        double squared = 0;
        for (int f = 0; f < factors; f++) {
            residual[f] -= product[f];
            direction[f] = residual[f];
            squared += residual[f] * residual[f];
        }
        for (int step = 0; step < steps && squared > 1e-20; step++) {
            multiply(direction, 0, fixed, gram, from, to, column, value, product);
            double curvature = 0;
            for (int f = 0; f < factors; f++) {
                curvature += direction[f] * product[f];
            }
            double length = squared / curvature;
            double next = 0;
            for (int f = 0; f < factors; f++) {
                rows[offset + f] += length * direction[f];
                residual[f] -= length * product[f];
                next += residual[f] * residual[f];
            }
            for (int f = 0; f < factors; f++) {
                direction[f] = residual[f] + next / squared * direction[f];
            }
            squared = next;
        }
    }

    /** out = (Y'Y + Y'(C - I)Y + regularisation I) v for v at vector[offset ..]. */
    private void multiply(double[] vector, int offset, double[] fixed, double[] gram, int from, int to,
            int[] column, double[] value, double[] out) {
        for (int a = 0; a < factors; a++) {
            double sum = regularisation * vector[offset + a];
            for (int b = 0; b < factors; b++) {
                sum += gram[a * factors + b] * vector[offset + b];
            }
            out[a] = sum;
        }
        for (int k = from; k < to; k++) {
            int c = column[k] * factors;
            double dot = 0;
            for (int f = 0; f < factors; f++) {
                dot += fixed[c + f] * vector[offset + f];
            }
            double weight = alpha * value[k] * dot;
            for (int f = 0; f < factors; f++) {
                out[f] += weight * fixed[c + f];
            }
        }
    }
}
