package io.mercator.plugins.forecasting.smoothing;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.forecasting.ForecastStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000), the M3 winner, in the form Hyndman
 * and Billah (2003) showed equivalent: simple exponential smoothing with drift equal to half the
 * slope of a least-squares line, on data seasonally adjusted by classical multiplicative
 * decomposition when the autocorrelation at the season lag is significant at 90% (as R's
 * {@code forecast::thetaf}).
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class ThetaStrategy extends SmoothingStrategy {

    /** Describes the strategy; it has no parameters. */
    public ThetaStrategy() {
        super(StrategyDescriptor.builder(Family.FORECASTING, "theta", "1.0.0")
                .vendor("Mercator")
                .description("Theta method: exponential smoothing with half the linear trend as drift, "
                        + "on seasonally adjusted data.")
                .build());
    }

    @Override
    SmoothedState[] fitSeries(double[] y, int seasonLength, Parameters parameters) {
        SmoothedState state = fitTheta(y, seasonLength);
        return state == null ? null : new SmoothedState[] {state};
    }

    /**
     * @param y observations, NaN for missing
     * @param seasonLength periods per season, 1 for none
     * @return the Theta forecaster's state, null when the series is too short
     */
    static SmoothedState fitTheta(double[] y, int seasonLength) {
        double[] filled = EtsFitter.interpolate(y);
        boolean positive = true;
        for (double v : filled) {
            positive &= v > 0;
        }
        boolean seasonal = positive && Seasonality.isSeasonal(filled, seasonLength);
        double[] index = seasonal ? Seasonality.indices(filled, seasonLength, true) : new double[0];
        double[] adjusted = y.clone();
        for (int t = 0; t < y.length && seasonal; t++) {
            adjusted[t] = y[t] / index[t % seasonLength];
        }
        EtsFitter.Fit ses = EtsFitter.fit(adjusted, 1, EtsForm.parse("ANN"));
        if (ses == null) {
            return null;
        }
        double alpha = ses.state().alpha;
        double[] filledAdjusted = EtsFitter.interpolate(adjusted);
        double drift = slope(filledAdjusted) / 2;
        double sigma = ses.state().sigma;
        SmoothedState[] sesOrigins = ses.origins().get();
        SmoothedState[] origins = new SmoothedState[y.length];
        // the least-squares slope of y[0..t] from running sums, so that every origin costs O(1)
        double sumT = 0;
        double sumY = 0;
        double sumTT = 0;
        double sumTY = 0;
        for (int t = 0; t < y.length; t++) {
            sumT += t;
            sumY += filledAdjusted[t];
            sumTT += (double) t * t;
            sumTY += t * filledAdjusted[t];
            int count = t + 1;
            double varianceT = sumTT - sumT * sumT / count;
            // the drift as it would have been estimated at t, so that its uncertainty is in the errors
            double driftThen = t == 0 ? 0 : (sumTY - sumT * sumY / count) / varianceT / 2;
            origins[t] = state(alpha, sesOrigins[t].level, driftThen, index, t + 1, sigma);
        }
        // the drift and the seasonal indices are estimated too
        int degreesOfFreedom = Math.max(1, ses.degreesOfFreedom() - 1 - Math.max(0, index.length - 1));
        return SpreadCalibration.calibrate(state(alpha, ses.state().level, drift, index, y.length, sigma), y, origins,
                seasonal ? seasonLength : 1, degreesOfFreedom);
    }

    /**
     * @param level the simple exponential smoothing level after {@code length} observations
     * @param index the seasonal indices, empty for none
     * @return the Theta forecaster from that point
     */
    private static SmoothedState state(double alpha, double level, double drift, double[] index, int length,
            double sigma) {
        // forecast h: level + drift * (h - 1 + (1 - (1 - alpha)^n) / alpha), written as a line in h
        double shift = (1 - Math.pow(1 - alpha, length)) / alpha - 1;
        return new SmoothedState(new EtsForm('A', 'A', index.length > 0 ? 'M' : 'N'), alpha, 0, 0, 1,
                level + drift * shift, drift, index, length, sigma);
    }

    private static double slope(double[] y) {
        double meanT = (y.length - 1) / 2.0;
        double meanY = 0;
        for (double v : y) {
            meanY += v;
        }
        meanY /= y.length;
        double covariance = 0;
        double varianceT = 0;
        for (int t = 0; t < y.length; t++) {
            covariance += (t - meanT) * (y[t] - meanY);
            varianceT += (t - meanT) * (t - meanT);
        }
        return covariance / varianceT;
    }
}
