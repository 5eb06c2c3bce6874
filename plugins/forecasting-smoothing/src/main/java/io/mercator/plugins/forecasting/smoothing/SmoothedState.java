package io.mercator.plugins.forecasting.smoothing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The end state of an exponential smoothing model fitted to one series, enough to forecast it:
 * the model form, the smoothing parameters, the last level, trend and seasonal states and the
 * error spread. Immutable.
 *
 * <p>Point forecasts follow the ETS recursions without errors. Standard errors use the class-1
 * formula of Hyndman et al. (2008), {@code sigma^2 (1 + sum c_j^2)} with
 * {@code c_j = alpha + beta * phi_j + gamma * [j mod m == 0]}; it is exact for additive errors
 * with additive or no seasonality. Multiplicative errors without multiplicative seasonality use the
 * exact class-2 formula, in which the relative errors compound. With multiplicative errors and
 * seasonality sigma is relative and the standard error is scaled by the point forecast; for
 * additive errors with multiplicative seasonality (the
 * Theta method's reseasonalised forecasts) it is scaled by the seasonal index. Both are first-order
 * approximations.
 *
 * <p>The standard errors can be widened per period ahead by {@linkplain #withSpreadFactors spread factors}
 * measured on the data the state was fitted to (see {@link SpreadCalibration}), and its intervals use
 * Student's t quantiles when it knows the {@linkplain #degreesOfFreedom(int) degrees of freedom} of its standard
 * errors: those of sigma, or per period ahead those of the calibrated spread.
 */
final class SmoothedState {

    final EtsForm form;
    final double alpha;
    final double beta;
    final double gamma;
    final double phi;
    final double level;
    final double trend;
    /** Seasonal states by season position {@code t mod m}; empty without seasonality. */
    private final double[] seasonal;
    /** Index of the first period after the data, so that period {@code n + h - 1} uses {@code seasonal[(n + h - 1) mod m]}. */
    private final int length;
    final double sigma;
    /** Multiplies the standard error {@code h} periods ahead, the last one beyond its length; empty for none. */
    private final double[] spreadFactors;
    /**
     * Degrees of freedom of sigma (observations less estimated parameters): intervals use Student's t
     * quantiles with them, which widens those of models fitted to few points; 0 for normal quantiles.
     */
    final int degreesOfFreedom;
    /**
     * Degrees of freedom of the calibrated standard error {@code h} periods ahead (the last one beyond its
     * length), at most {@link #degreesOfFreedom}; empty for models of format 3 and older, which have only that.
     */
    private final double[] spreadDegrees;

    SmoothedState(EtsForm form, double alpha, double beta, double gamma, double phi, double level, double trend,
            double[] seasonal, int length, double sigma) {
        this(form, alpha, beta, gamma, phi, level, trend, seasonal, length, sigma, new double[0], 0, new double[0]);
    }

    private SmoothedState(EtsForm form, double alpha, double beta, double gamma, double phi, double level,
            double trend, double[] seasonal, int length, double sigma, double[] spreadFactors, int degreesOfFreedom,
            double[] spreadDegrees) {
        this.form = form;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.level = level;
        this.trend = trend;
        this.seasonal = seasonal.clone();
        this.length = length;
        this.sigma = sigma;
        this.spreadFactors = spreadFactors.clone();
        this.degreesOfFreedom = degreesOfFreedom;
        this.spreadDegrees = spreadDegrees.clone();
    }

    /**
     * @param factors multipliers of the standard error 1, 2, ... periods ahead (the last applies beyond)
     * @param degreesOfFreedom of sigma, for Student's t quantiles; 0 for normal ones
     * @param spreadDegrees degrees of freedom of the calibrated standard errors per period ahead, as many as
     *     factors; empty to use those of sigma
     * @return this state with its standard errors scaled by the factors
     */
    SmoothedState withIntervalCalibration(double[] factors, int degreesOfFreedom, double[] spreadDegrees) {
        if (spreadDegrees.length != 0 && spreadDegrees.length != factors.length) {
            throw new IllegalArgumentException(spreadDegrees.length + " degrees for " + factors.length + " factors");
        }
        return new SmoothedState(form, alpha, beta, gamma, phi, level, trend, seasonal, length, sigma, factors,
                degreesOfFreedom, spreadDegrees);
    }

    /**
     * @param h periods ahead, from 1
     * @return the degrees of freedom of the standard error h periods ahead, for Student's t quantiles; infinite
     *     for normal ones
     */
    double degreesOfFreedom(int h) {
        if (spreadDegrees.length > 0) {
            return spreadDegrees[Math.min(h, spreadDegrees.length) - 1];
        }
        return degreesOfFreedom == 0 ? Double.POSITIVE_INFINITY : degreesOfFreedom;
    }

    /** @return the standard error multipliers by period ahead; empty when there are none */
    double[] spreadFactors() {
        return spreadFactors.clone();
    }

    private double spreadFactor(int h) {
        return spreadFactors.length == 0 ? 1 : spreadFactors[Math.min(h, spreadFactors.length) - 1];
    }

    /** A flat forecast with a constant error spread: the answer for series too short or constant to smooth. */
    static SmoothedState flat(double level, double sigma, int length) {
        return new SmoothedState(EtsForm.parse("ANN"), 0, 0, 0, 1, level, 0, new double[0], length, sigma);
    }

    /**
     * @param horizon periods ahead
     * @return the point forecasts
     */
    double[] mean(int horizon) {
        double[] mean = new double[horizon];
        double dampedSum = 0;
        double phiPower = 1;
        for (int h = 1; h <= horizon; h++) {
            phiPower *= form.damped() ? phi : 1;
            dampedSum += phiPower;
            double base = level + (form.trended() ? dampedSum * trend : 0);
            mean[h - 1] = switch (form.season()) {
                case 'A' -> base + seasonal[(length + h - 1) % seasonal.length];
                case 'M' -> base * seasonal[(length + h - 1) % seasonal.length];
                default -> base;
            };
        }
        return mean;
    }

    /**
     * @param mean the point forecasts from {@link #mean(int)}
     * @return the forecast standard errors, one per period ahead
     */
    double[] standardError(double[] mean) {
        int horizon = mean.length;
        // c[j] for j = 1 .. horizon - 1: how much of an error j periods back is still in the forecast
        double[] c = new double[horizon];
        double dampedSum = 0;
        double phiPower = 1;
        for (int j = 1; j < horizon; j++) {
            phiPower *= form.damped() ? phi : 1;
            dampedSum += phiPower;
            c[j] = alpha + (form.trended() ? beta * dampedSum : 0)
                    + (form.season() != 'N' && j % seasonal.length == 0 ? gamma : 0);
        }
        double[] standardError = new double[horizon];
        double variance = sigma * sigma;
        if (form.multiplicativeError() && form.season() != 'M') {
            // class 2 of Hyndman et al. (2008): v_h = (1 + s2) theta_h - mu_h^2 with
            // theta_h = mu_h^2 + s2 sum_j c_j^2 theta_(h-j); the errors compound, so the spread grows faster than
            // the point forecast
            double[] theta = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                double sum = 0;
                for (int j = 1; j < h; j++) {
                    sum += c[j] * c[j] * theta[h - 1 - j];
                }
                theta[h - 1] = mean[h - 1] * mean[h - 1] + variance * sum;
                standardError[h - 1] = spreadFactor(h)
                        * Math.sqrt(Math.max(0, (1 + variance) * theta[h - 1] - mean[h - 1] * mean[h - 1]));
            }
            return standardError;
        }
        double sumOfSquares = 0;
        for (int h = 1; h <= horizon; h++) {
            sumOfSquares += h > 1 ? c[h - 1] * c[h - 1] : 0;
            double scale = form.multiplicativeError() ? Math.abs(mean[h - 1])
                    : form.season() == 'M' ? seasonal[(length + h - 1) % seasonal.length] : 1;
            standardError[h - 1] = spreadFactor(h) * Math.sqrt(variance * (1 + sumOfSquares)) * scale;
        }
        return standardError;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeUTF(form.toString());
        for (double value : new double[] {alpha, beta, gamma, phi, level, trend, sigma}) {
            out.writeDouble(value);
        }
        out.writeInt(length);
        out.writeInt(seasonal.length);
        for (double value : seasonal) {
            out.writeDouble(value);
        }
        out.writeInt(degreesOfFreedom);
        out.writeInt(spreadFactors.length);
        for (double value : spreadFactors) {
            out.writeDouble(value);
        }
        out.writeInt(spreadDegrees.length);
        for (double value : spreadDegrees) {
            out.writeDouble(value);
        }
    }

    /**
     * @param in positioned at a state
     * @param withSpreadFactors whether the state ends with its degrees of freedom and spread factors (model
     *     format 3 and later)
     * @param withSpreadDegrees whether the degrees of freedom per period ahead follow (format 4 and later)
     * @return the state
     */
    static SmoothedState read(DataInputStream in, boolean withSpreadFactors, boolean withSpreadDegrees)
            throws IOException {
        EtsForm form;
        try {
            form = EtsForm.parse(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model: " + e.getMessage(), e);
        }
        double[] values = new double[7];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        int length = in.readInt();
        int seasons = in.readInt();
        if (seasons < 0 || (form.season() != 'N') != (seasons > 0)) {
            throw new IOException("corrupt model: " + seasons + " seasonal states for form " + form);
        }
        double[] seasonal = new double[seasons];
        for (int i = 0; i < seasons; i++) {
            seasonal[i] = in.readDouble();
        }
        int degreesOfFreedom = withSpreadFactors ? in.readInt() : 0;
        int factorCount = withSpreadFactors ? in.readInt() : 0;
        if (degreesOfFreedom < 0 || factorCount < 0) {
            throw new IOException("corrupt model: " + degreesOfFreedom + " degrees of freedom, " + factorCount
                    + " spread factors");
        }
        double[] factors = new double[factorCount];
        for (int i = 0; i < factorCount; i++) {
            factors[i] = in.readDouble();
        }
        int degreeCount = withSpreadDegrees ? in.readInt() : 0;
        if (degreeCount != 0 && degreeCount != factorCount) {
            throw new IOException("corrupt model: " + degreeCount + " degrees of freedom for " + factorCount
                    + " spread factors");
        }
        double[] spreadDegrees = new double[degreeCount];
        for (int i = 0; i < degreeCount; i++) {
            spreadDegrees[i] = in.readDouble();
            if (!(spreadDegrees[i] > 0)) {
                throw new IOException("corrupt model: " + spreadDegrees[i] + " degrees of freedom");
            }
        }
        return new SmoothedState(form, values[0], values[1], values[2], values[3], values[4], values[5], seasonal,
                length, values[6], factors, degreesOfFreedom, spreadDegrees);
    }
}
