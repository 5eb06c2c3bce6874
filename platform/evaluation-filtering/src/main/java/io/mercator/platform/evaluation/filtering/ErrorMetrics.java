package io.mercator.platform.evaluation.filtering;

/**
 * Accumulates the errors of predicted against actual values:
 * {@code RMSE = sqrt(mean((predicted - actual)^2))} and {@code MAE = mean(|predicted - actual|)}.
 * Not thread-safe.
 */
final class ErrorMetrics {

    private double squares;
    private double absolutes;
    private long count;

    void add(double predicted, double actual) {
        double error = predicted - actual;
        squares += error * error;
        absolutes += Math.abs(error);
        count++;
    }

    /** @return the root mean squared error, NaN before the first pair */
    double rmse() {
        return count == 0 ? Double.NaN : Math.sqrt(squares / count);
    }

    /** @return the mean absolute error, NaN before the first pair */
    double mae() {
        return count == 0 ? Double.NaN : absolutes / count;
    }
}
