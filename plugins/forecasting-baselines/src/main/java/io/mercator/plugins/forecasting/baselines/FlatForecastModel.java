package io.mercator.plugins.forecasting.baselines;

import io.mercator.api.AbstractModel;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A model whose point forecast is the same for every period ahead (the last value, the mean, or a moving average);
 * only the width of the intervals depends on the horizon and on the method, widened per period ahead by the
 * method's own errors on the training data ({@link HorizonCalibration}).
 */
final class FlatForecastModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x464c4154; // "FLAT"
    /** Format 3 adds the spread factors; format 2 (without them) is still read. */
    private static final int FORMAT = 3;
    private static final int FORMAT_WITHOUT_SPREAD_FACTORS = 2;

    /** How the forecast error grows with the horizon. */
    enum Method {
        /** Random walk: the standard error grows with the square root of the horizon. */
        NAIVE,
        /** Historical mean: constant standard error {@code s * sqrt(1 + 1/n)}, t quantiles with n-1 degrees. */
        MEAN,
        /** Moving average: constant standard error, the root mean square of the in-sample one-step errors. */
        MOVING_AVERAGE
    }

    private final Method method;
    private final IdDictionary series;
    private final double[] level;
    private final double[] sigma;
    private final int[] observations;
    /** Per series: the {@link HorizonCalibration} factors of the standard error by periods ahead. */
    private final double[][] spreadFactors;
    /** Per series: no observed value was negative, so forecasts are floored at zero. */
    private final boolean[] nonNegative;

    FlatForecastModel(Method method, String name, String version, IdDictionary series, double[] level,
            double[] sigma, int[] observations, double[][] spreadFactors, boolean[] nonNegative) {
        super(name, version, MAGIC, FORMAT);
        this.method = method;
        this.series = series;
        this.level = level;
        this.sigma = sigma;
        this.observations = observations;
        this.spreadFactors = spreadFactors;
        this.nonNegative = nonNegative;
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        int s = series.require("series", seriesId);
        if (horizon < 1) {
            throw new ValidationException("horizon", horizon + " must be at least 1");
        }
        double[] mean = new double[horizon];
        double[] standardError = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = level[s];
            standardError[h] = standardError(method, sigma[s], observations[s], h + 1)
                    * HorizonCalibration.at(spreadFactors[s], h + 1);
        }
        Forecast forecast = Forecast.symmetric(mean, standardError, errorDistribution(s)::inverseCumulativeProbability,
                levels);
        return nonNegative[s] ? forecast.atLeast(0) : forecast;
    }

    private RealDistribution errorDistribution(int s) {
        return method == Method.MEAN && observations[s] > 1
                ? new TDistribution(null, observations[s] - 1)
                : new NormalDistribution(null, 0, 1);
    }

    /** @return the method's own standard error, before calibration */
    static double standardError(Method method, double sigma, int observations, int stepsAhead) {
        return switch (method) {
            case NAIVE -> sigma * Math.sqrt(stepsAhead);
            case MEAN -> sigma * Math.sqrt(1 + 1.0 / observations);
            case MOVING_AVERAGE -> sigma;
        };
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeUTF(method.name());
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            data.writeUTF(series.id(s));
            data.writeDouble(level[s]);
            data.writeDouble(sigma[s]);
            data.writeInt(observations[s]);
            data.writeBoolean(nonNegative[s]);
            data.writeInt(spreadFactors[s].length);
            for (double factor : spreadFactors[s]) {
                data.writeDouble(factor);
            }
        }
    }

    /** @return the format number of the model header {@code in} is positioned at, leaving it there */
    static int peekFormat(DataInputStream in) throws IOException {
        in.mark(2 * Integer.BYTES);
        in.readInt();
        int format = in.readInt();
        in.reset();
        return format;
    }

    static FlatForecastModel read(InputStream in, Method expected) throws IOException {
        DataInputStream data = new DataInputStream(in.markSupported() ? in : new BufferedInputStream(in));
        int format = peekFormat(data) == FORMAT_WITHOUT_SPREAD_FACTORS ? FORMAT_WITHOUT_SPREAD_FACTORS : FORMAT;
        Header header = readHeader(data, MAGIC, format, "a baseline forecasting model");
        String method = data.readUTF();
        if (!method.equals(expected.name())) {
            throw new IOException("the model was fitted by the " + method.toLowerCase(Locale.ROOT)
                    + " method, not " + expected.name().toLowerCase(Locale.ROOT));
        }
        String name = header.strategyName();
        String version = header.strategyVersion();
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        double[] level = new double[count];
        double[] sigma = new double[count];
        int[] observations = new int[count];
        boolean[] nonNegative = new boolean[count];
        double[][] spreadFactors = new double[count][];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            level[s] = data.readDouble();
            sigma[s] = data.readDouble();
            observations[s] = data.readInt();
            nonNegative[s] = data.readBoolean();
            int factorCount = format == FORMAT ? data.readInt() : 0;
            if (factorCount < 0) {
                throw new IOException("corrupt model: " + factorCount + " spread factors for series '" + ids[s] + "'");
            }
            spreadFactors[s] = new double[factorCount];
            for (int h = 0; h < spreadFactors[s].length; h++) {
                spreadFactors[s][h] = data.readDouble();
            }
        }
        return new FlatForecastModel(expected, name, version, IdDictionary.of("series", ids), level, sigma,
                observations, spreadFactors, nonNegative);
    }
}
