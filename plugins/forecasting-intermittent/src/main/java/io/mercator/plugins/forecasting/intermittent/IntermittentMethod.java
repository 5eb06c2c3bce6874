package io.mercator.plugins.forecasting.intermittent;

/**
 * The demand-rate recursions for intermittent series. Plain Java: one series in, the flat
 * forecast and the one-step in-sample errors out.
 */
enum IntermittentMethod {

    /**
     * Croston (1972): exponential smoothing of the non-zero demand sizes and, separately, of the
     * intervals between them; forecast = size / interval. Both start at their first value, as in
     * R's {@code forecast::croston}.
     */
    CROSTON,
    /** Syntetos-Boylan approximation (2005): Croston's rate times {@code 1 - alpha / 2}, which removes its bias. */
    SBA,
    /**
     * Teunter-Syntetos-Babai (2011): smooths the demand probability every period (weight beta)
     * and the size when demand occurs (weight alpha); forecast = probability * size. The
     * probability starts at the share of periods with demand, the size at the first demand.
     */
    TSB;

    /**
     * @param demand observed demand per period, oldest first, no missing values, not negative
     * @param alpha smoothing weight of the sizes (and of the intervals for Croston and SBA)
     * @param beta smoothing weight of the demand probability (TSB only)
     * @param errors receives the one-step in-sample errors from the first demand on; its length must be at
     *     least {@code demand.length}
     * @return {rate forecast, number of errors written}
     */
    double[] fit(double[] demand, double alpha, double beta, double[] errors) {
        int first = 0;
        int demands = 0;
        while (first < demand.length && demand[first] == 0) {
            first++;
        }
        for (double d : demand) {
            demands += d > 0 ? 1 : 0;
        }
        if (demands == 0) {
            return new double[] {0, 0};
        }
        double size = demand[first];
        double interval = first + 1;
        double probability = (double) demands / demand.length;
        if (this == TSB) {
            // TSB updates the probability in every period, the zeros before the first demand included
            for (int t = 0; t <= first; t++) {
                probability += beta * ((demand[t] > 0 ? 1 : 0) - probability);
            }
        }
        int written = 0;
        int sinceDemand = 0;
        for (int t = first + 1; t < demand.length; t++) {
            double forecast = rate(size, interval, probability, alpha);
            errors[written++] = demand[t] - forecast;
            sinceDemand++;
            if (this == TSB) {
                probability += beta * ((demand[t] > 0 ? 1 : 0) - probability);
            }
            if (demand[t] > 0) {
                size += alpha * (demand[t] - size);
                if (this != TSB) {
                    interval += alpha * (sinceDemand - interval);
                }
                sinceDemand = 0;
            }
        }
        return new double[] {rate(size, interval, probability, alpha), written};
    }

    private double rate(double size, double interval, double probability, double alpha) {
        return switch (this) {
            case CROSTON -> size / interval;
            case SBA -> (1 - alpha / 2) * size / interval;
            case TSB -> probability * size;
        };
    }
}
