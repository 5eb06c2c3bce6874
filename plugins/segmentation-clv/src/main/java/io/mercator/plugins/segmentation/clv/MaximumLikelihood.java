package io.mercator.plugins.segmentation.clv;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum likelihood over positive parameters: Nelder-Mead on their logarithms from all ones,
 * restarted from its own optimum until it stops improving (a single simplex run often stalls
 * short of the optimum on these flat likelihoods).
 */
final class MaximumLikelihood {

    private MaximumLikelihood() {
    }

    /**
     * @param parameters the number of parameters
     * @param logLikelihood the total log-likelihood of the data at the given parameters; a
     *     non-finite value counts as impossible
     * @return the parameters at the maximum
     */
    static double[] maximise(int parameters, ToDoubleFunction<double[]> logLikelihood) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
        ObjectiveFunction negative = new ObjectiveFunction(logs -> {
            double value = logLikelihood.applyAsDouble(exponentials(logs));
            return Double.isFinite(value) ? -value : Double.MAX_VALUE;
        });
        double[] start = new double[parameters];
        double best = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < 5; restart++) {
            PointValuePair optimum = optimizer.optimize(new MaxEval(20_000), negative, GoalType.MINIMIZE,
                    new InitialGuess(start), new NelderMeadSimplex(parameters, 0.5));
            start = optimum.getPoint();
            if (optimum.getValue() > best - 1e-9) {
                break;
            }
            best = optimum.getValue();
        }
        return exponentials(start);
    }

    private static double[] exponentials(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
