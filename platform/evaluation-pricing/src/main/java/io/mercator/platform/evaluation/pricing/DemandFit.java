package io.mercator.platform.evaluation.pricing;

/**
 * Out-of-sample demand fit: the mean absolute percentage error over rows that sold something, and
 * the bias of total predicted against total actual units, both in percent. Plain Java.
 *
 * @param mape mean of {@code 100 |predicted - actual| / actual} over rows with actual &gt; 0
 * @param bias {@code 100 (sum predicted - sum actual) / sum actual}; positive means over-prediction
 * @param rows the rows that entered the MAPE
 */
record DemandFit(double mape, double bias, int rows) {

    /**
     * @param actual units sold, &gt;= 0
     * @param predicted predicted units, same length
     * @return the fit; NaN metrics when nothing was sold
     */
    static DemandFit of(double[] actual, double[] predicted) {
        double absolutePercent = 0;
        int counted = 0;
        double actualTotal = 0;
        double predictedTotal = 0;
        for (int i = 0; i < actual.length; i++) {
            actualTotal += actual[i];
            predictedTotal += predicted[i];
            if (actual[i] > 0) {
                absolutePercent += 100 * Math.abs(predicted[i] - actual[i]) / actual[i];
                counted++;
            }
        }
        return new DemandFit(counted == 0 ? Double.NaN : absolutePercent / counted,
                actualTotal > 0 ? 100 * (predictedTotal - actualTotal) / actualTotal : Double.NaN, counted);
    }
}
