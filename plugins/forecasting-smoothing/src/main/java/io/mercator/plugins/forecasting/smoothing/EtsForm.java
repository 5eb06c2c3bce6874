package io.mercator.plugins.forecasting.smoothing;

/**
 * The form of an ETS model in Hyndman's notation: error (A, M), trend (N, A, Ad) and season (N, A,
 * M), written e.g. {@code MAdM}.
 *
 * @param error {@code A} or {@code M}
 * @param trendKind {@code N}, {@code A} or {@code D} (additive damped)
 * @param season {@code N}, {@code A} or {@code M}
 */
record EtsForm(char error, char trendKind, char season) {

    /**
     * @param text e.g. {@code ANN}, {@code AAdN}, {@code MAM}
     * @return the form
     * @throws IllegalArgumentException when the text names no form
     */
    static EtsForm parse(String text) {
        String compact = text.replace("Ad", "D");
        if (compact.length() != 3 || "AM".indexOf(compact.charAt(0)) < 0 || "NAD".indexOf(compact.charAt(1)) < 0
                || "NAM".indexOf(compact.charAt(2)) < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an ETS form such as ANN, AAdN or MAM");
        }
        return new EtsForm(compact.charAt(0), compact.charAt(1), compact.charAt(2));
    }

    boolean multiplicativeError() {
        return error == 'M';
    }

    boolean trended() {
        return trendKind != 'N';
    }

    boolean damped() {
        return trendKind == 'D';
    }

    /** @return 1 to 3 components' worth of parameters: alpha, and beta, gamma, phi when present */
    int smoothingParameters() {
        return 1 + (trended() ? 1 : 0) + (season != 'N' ? 1 : 0) + (damped() ? 1 : 0);
    }

    @Override
    public String toString() {
        return "" + error + (damped() ? "Ad" : String.valueOf(trendKind)) + season;
    }
}
