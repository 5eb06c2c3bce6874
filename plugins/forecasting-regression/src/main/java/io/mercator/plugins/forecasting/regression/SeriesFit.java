package io.mercator.plugins.forecasting.regression;

/**
 * The regression fitted to one series, on standardised columns.
 *
 * @param length periods of history, missing ones included; the first forecast is period {@code length}
 * @param futureLength future periods the regressors cover, or -1 when there are no regressors
 *     (the horizon is then unlimited)
 * @param center column means subtracted before scaling (column 0, the intercept, is left alone)
 * @param scale column standard deviations; 0 for a column that was constant and so dropped
 * @param beta coefficients on the standardised columns
 * @param covariance coefficient covariance divided by the error variance
 * @param variance the error variance estimate, residual sum of squares over residual degrees of freedom
 * @param degreesOfFreedom residual degrees of freedom: observations minus the effective number of
 *     parameters (the trace of the hat matrix, the column count for ordinary least squares)
 * @param nonNegative whether forecasts are floored at zero
 * @param future {@code future[r][h]} is regressor {@code r}, {@code h + 1} periods ahead
 */
record SeriesFit(int length, int futureLength, double[] center, double[] scale, double[] beta,
        double[][] covariance, double variance, double degreesOfFreedom, boolean nonNegative, double[][] future) {
}
