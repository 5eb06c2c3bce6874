package io.mercator.plugins.forecasting.arima;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * What forecasting one series needs from its fitted model: the ARMA polynomials of the
 * differenced series (seasonal factors multiplied out), its mean, the Kalman state after the last
 * observation, the differencing and the last observations it undoes, and the innovation variance.
 * Point forecasts run the state forward and undo the differencing. The forecast error h periods
 * ahead is the error of the current state, carried forward and integrated, plus the future
 * innovations weighted by the psi weights of the whole (integrated) model; its variance is exact
 * as in R's {@code predict.Arima}, also for short series whose state is not yet known precisely.
 *
 * <p>Prediction intervals ({@link #intervalStandardErrors}) widen that exact variance for what it assumes
 * known: see {@link #withIntervalCalibration}.
 */
final class FittedArima {

    final String description;
    private final double[] phi;
    private final double[] theta;
    private final double mean;
    private final double[] delta;
    private final double[] lastValues;
    private final double[] state;
    private final double[] covariance;
    final double sigma2;
    /** Multiplies the interval standard error {@code h} periods ahead, the last one beyond; empty for none. */
    private final double[] spreadFactors;
    /** Of sigma2, for Student's t interval quantiles; 0 for normal ones. */
    final int degreesOfFreedom;
    /**
     * Degrees of freedom of the calibrated standard error {@code h} periods ahead (the last one beyond), at most
     * {@link #degreesOfFreedom}; empty for models of format 2 and older, which have only that.
     */
    private final double[] spreadDegrees;

    /** Fewer in-sample errors than this at a horizon are too few to estimate its spread. */
    static final int MINIMUM_ORIGINS = 5;
    /** Origins used at most (the latest), which bounds the work on long series. */
    static final int MAXIMUM_ORIGINS = 100;
    private static final int MINIMUM_HORIZONS = 8;

    /**
     * @param description e.g. {@code ARIMA(0,1,1)(0,1,1)[12]}
     * @param phi autoregressive coefficients of the differenced series
     * @param theta moving-average coefficients
     * @param mean the mean of the differenced series
     * @param delta the differencing polynomial (see {@link Polynomials#differencing})
     * @param lastValues the last {@code delta.length} observations, oldest first, none missing
     * @param state the predicted state of the demeaned differenced series after the last period
     * @param covariance the error covariance of that state over sigma squared, row-major
     * @param sigma2 the innovation variance
     */
    FittedArima(String description, double[] phi, double[] theta, double mean, double[] delta, double[] lastValues,
            double[] state, double[] covariance, double sigma2) {
        this(description, phi, theta, mean, delta, lastValues, state, covariance, sigma2, new double[0], 0, new double[0]);
    }

    private FittedArima(String description, double[] phi, double[] theta, double mean, double[] delta,
            double[] lastValues, double[] state, double[] covariance, double sigma2, double[] spreadFactors,
            int degreesOfFreedom, double[] spreadDegrees) {
        if (spreadDegrees.length != 0 && spreadDegrees.length != spreadFactors.length) {
            throw new IllegalArgumentException(spreadDegrees.length + " degrees of freedom for "
                    + spreadFactors.length + " spread factors");
        }
        if (lastValues.length != delta.length || state.length != Math.max(phi.length, theta.length + 1)
                || covariance.length != state.length * state.length) {
            throw new IllegalArgumentException("inconsistent ARIMA state");
        }
        this.description = description;
        this.phi = phi;
        this.theta = theta;
        this.mean = mean;
        this.delta = delta;
        this.lastValues = lastValues;
        this.state = state;
        this.covariance = covariance;
        this.sigma2 = sigma2;
        this.spreadFactors = spreadFactors;
        this.degreesOfFreedom = degreesOfFreedom;
        this.spreadDegrees = spreadDegrees;
    }

    /**
     * @param h periods ahead, from 1
     * @return the degrees of freedom of the interval standard error h periods ahead, for Student's t quantiles;
     *     infinite for normal ones
     */
    double degreesOfFreedom(int h) {
        if (spreadDegrees.length > 0) {
            return spreadDegrees[Math.min(h, spreadDegrees.length) - 1];
        }
        return degreesOfFreedom == 0 ? Double.POSITIVE_INFINITY : degreesOfFreedom;
    }

    /**
     * Calibrates the intervals on the series the model was fitted to. The exact variance assumes the
     * coefficients and the orders known; on real series the intervals cover too little, more so
     * further ahead. Three corrections:
     * <ul>
     * <li>the in-sample h-step errors: from each of the last 100 origins t of the differenced series, the error h periods
     * ahead is {@code sum_(j < h) psi_j e_(t+h-j)} with the residuals e and the integrated model's psi
     * weights; divided by the model's standard error it has mean square 1 when the residuals are white
     * noise around zero, more when they are biased (a drift the model left out) or correlated. The factor
     * at h is the root of that mean square, at least 1 and at least the factor at h - 1. The errors h ahead from
     * consecutive origins share h - 1 innovations, so n of them are worth about n / h independent ones: the
     * intervals h ahead use Student's t quantiles with that many degrees of freedom (at most sigma2's), wider where
     * the factor rests on few errors;</li>
     * <li>Akaike's final prediction error: k coefficients fitted to n points leave errors on new data
     * (1 + k/n) times the variance estimated from the residuals;</li>
     * <li>Student's t quantiles with at most sigma2's n - k degrees of freedom.</li>
     * </ul>
     *
     * @param filled the observations the model was fitted to, from the first observed one, gaps interpolated
     * @param coefficients the number of estimated coefficients, the mean or drift included
     * @param period the season length, 1 for none: two seasons of horizons are calibrated, at least 8
     * @return this model with its intervals calibrated
     */
    FittedArima withIntervalCalibration(double[] filled, int coefficients, int period) {
        int lost = delta.length;
        double[] w = new double[Math.max(0, filled.length - lost)];
        for (int t = lost; t < filled.length; t++) {
            double value = filled[t];
            for (int j = 0; j < lost; j++) {
                value -= delta[j] * filled[t - 1 - j];
            }
            w[t - lost] = value - mean;
        }
        double[] residuals = ArimaFitter.cssResiduals(w, phi, theta);
        int horizons = Math.max(MINIMUM_HORIZONS, 2 * period);
        double[] psi = psiWeights(Polynomials.product(phi, delta, -1), theta, horizons);
        double[] sumOfSquares = new double[horizons];
        int[] count = new int[horizons];
        // residuals before the autoregression and the moving average have settled are left out
        int settled = phi.length + theta.length;
        for (int start = Math.max(settled, residuals.length - MAXIMUM_ORIGINS); start < residuals.length; start++) {
            // the errors 1, 2, ... periods after an origin whose first new innovation is residuals[start]
            double variance = 0;
            for (int h = 1; h <= Math.min(horizons, residuals.length - start); h++) {
                double error = 0;
                for (int j = 0; j < h; j++) {
                    error += psi[j] * residuals[start + h - 1 - j];
                }
                variance += psi[h - 1] * psi[h - 1];
                double z = error / Math.sqrt(sigma2 * variance);
                if (Double.isFinite(z)) {
                    sumOfSquares[h - 1] += z * z;
                    count[h - 1]++;
                }
            }
        }
        int observed = residuals.length;
        double optimism = Math.sqrt(1 + (double) coefficients / Math.max(1, observed));
        double[] factors = new double[horizons];
        int calibrated = 1;
        double factor = 1;
        int sigmaDegrees = Math.max(1, observed - coefficients);
        double[] degrees = new double[horizons];
        double horizonDegrees = sigmaDegrees;
        for (int h = 1; h <= horizons; h++) {
            if (count[h - 1] >= MINIMUM_ORIGINS) {
                factor = Math.max(factor, Math.sqrt(sumOfSquares[h - 1] / count[h - 1]));
                // errors h ahead from consecutive origins share h - 1 innovations: n of them are worth about n / h
                // independent ones, the degrees of freedom of the factor's estimate
                horizonDegrees = Math.min(sigmaDegrees, Math.max(1, (double) count[h - 1] / h));
                calibrated = h;
            }
            factors[h - 1] = factor * optimism;
            degrees[h - 1] = horizonDegrees;
        }
        return new FittedArima(description, phi, theta, mean, delta, lastValues, state, covariance, sigma2,
                Arrays.copyOf(factors, calibrated), sigmaDegrees, Arrays.copyOf(degrees, calibrated));
    }

    /**
     * @param horizon periods ahead
     * @return the standard errors prediction intervals use: {@link #standardErrors} times the spread factors
     */
    double[] intervalStandardErrors(int horizon) {
        double[] errors = standardErrors(horizon);
        for (int h = 1; h <= horizon && spreadFactors.length > 0; h++) {
            errors[h - 1] *= spreadFactors[Math.min(h, spreadFactors.length) - 1];
        }
        return errors;
    }

    /**
     * @param horizon periods ahead
     * @return the point forecasts
     */
    double[] forecast(int horizon) {
        double[] ar = new double[state.length];
        System.arraycopy(phi, 0, ar, 0, phi.length);
        double[] current = state.clone();
        double[] forecast = new double[horizon];
        int past = lastValues.length;
        for (int h = 0; h < horizon; h++) {
            double value = mean + current[0];
            for (int j = 0; j < delta.length; j++) {
                int k = h - 1 - j;
                value += delta[j] * (k >= 0 ? forecast[k] : lastValues[past + k]);
            }
            forecast[h] = value;
            ArmaKalmanFilter.advance(current, ar);
        }
        return forecast;
    }

    /**
     * @param horizon periods ahead
     * @return the forecast standard errors
     */
    double[] standardErrors(int horizon) {
        int r = state.length;
        double[] ar = new double[r];
        System.arraycopy(phi, 0, ar, 0, phi.length);
        // integration weights of 1 / delta(B) and psi weights of the whole model
        double[] integration = psiWeights(delta, new double[0], horizon);
        double[] psi = psiWeights(Polynomials.product(phi, delta, -1), theta, horizon);
        // carried[j] = (T')^j Z: how the current state error reaches the differenced series j periods on
        double[][] carried = new double[horizon][r];
        carried[0][0] = 1;
        for (int j = 1; j < horizon; j++) {
            double first = 0;
            for (int k = 0; k < r; k++) {
                first += ar[k] * carried[j - 1][k];
            }
            carried[j][0] = first;
            System.arraycopy(carried[j - 1], 0, carried[j], 1, r - 1);
        }
        double[] errors = new double[horizon];
        double[] loading = new double[r];
        double future = 0;
        for (int h = 0; h < horizon; h++) {
            Arrays.fill(loading, 0);
            for (int j = 0; j <= h; j++) {
                for (int k = 0; k < r; k++) {
                    loading[k] += integration[h - j] * carried[j][k];
                }
            }
            double stateVariance = 0;
            for (int i = 0; i < r; i++) {
                for (int k = 0; k < r; k++) {
                    stateVariance += loading[i] * covariance[i * r + k] * loading[k];
                }
            }
            errors[h] = Math.sqrt(sigma2 * Math.max(0, stateVariance + future));
            future += psi[h] * psi[h];
        }
        return errors;
    }

    /** @return the first {@code count} psi weights of {@code theta(B) / (1 - sum ar_i B^i)} */
    private static double[] psiWeights(double[] ar, double[] theta, int count) {
        double[] psi = new double[count];
        for (int j = 0; j < count; j++) {
            double weight = j == 0 ? 1 : (j <= theta.length ? theta[j - 1] : 0);
            for (int i = 1; i <= Math.min(j, ar.length); i++) {
                weight += ar[i - 1] * psi[j - i];
            }
            psi[j] = weight;
        }
        return psi;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeUTF(description);
        writeArray(out, phi);
        writeArray(out, theta);
        out.writeDouble(mean);
        writeArray(out, delta);
        writeArray(out, lastValues);
        writeArray(out, state);
        writeArray(out, covariance);
        out.writeDouble(sigma2);
        writeArray(out, spreadFactors);
        out.writeInt(degreesOfFreedom);
        writeArray(out, spreadDegrees);
    }

    /**
     * @param in positioned at a model
     * @param calibrated whether its interval calibration follows (model format 2 and later)
     * @param withSpreadDegrees whether the degrees of freedom per period ahead follow it (format 3 and later)
     * @return the model
     */
    static FittedArima read(DataInputStream in, boolean calibrated, boolean withSpreadDegrees) throws IOException {
        String description = in.readUTF();
        double[] phi = readArray(in);
        double[] theta = readArray(in);
        double mean = in.readDouble();
        double[] delta = readArray(in);
        double[] lastValues = readArray(in);
        double[] state = readArray(in);
        double[] covariance = readArray(in);
        double sigma2 = in.readDouble();
        double[] spreadFactors = calibrated ? readArray(in) : new double[0];
        int degreesOfFreedom = calibrated ? in.readInt() : 0;
        if (degreesOfFreedom < 0) {
            throw new IOException("corrupt model: " + degreesOfFreedom + " degrees of freedom for " + description);
        }
        double[] spreadDegrees = withSpreadDegrees ? readArray(in) : new double[0];
        for (double value : spreadDegrees) {
            if (!(value > 0)) {
                throw new IOException("corrupt model: " + value + " degrees of freedom for " + description);
            }
        }
        try {
            return new FittedArima(description, phi, theta, mean, delta, lastValues, state, covariance, sigma2,
                    spreadFactors, degreesOfFreedom, spreadDegrees);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model: " + e.getMessage() + " for " + description, e);
        }
    }

    private static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 100_000) {
            throw new IOException("corrupt model: array length " + length);
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
