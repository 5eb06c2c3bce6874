package io.mercator.plugins.forecasting.regression;

import io.mercator.api.AbstractModel;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/** Regression fits per series; forecasts with Student-t prediction intervals. */
final class RegressionModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x52454752; // "REGR"
    private static final int FORMAT = 1;

    private final IdDictionary series;
    private final List<String> regressorNames;
    private final Basis basis;
    private final SeriesFit[] fits;

    RegressionModel(String name, String version, IdDictionary series, List<String> regressorNames, Basis basis,
            SeriesFit[] fits) {
        super(name, version, MAGIC, FORMAT);
        this.series = series;
        this.regressorNames = List.copyOf(regressorNames);
        this.basis = basis;
        this.fits = fits;
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    /** @return the coefficients of one series on its unstandardised columns: intercept, basis, regressors */
    double[] coefficients(String seriesId) {
        SeriesFit fit = fits[series.require("series", seriesId)];
        double[] raw = new double[fit.beta().length];
        raw[0] = fit.beta()[0];
        for (int j = 1; j < raw.length; j++) {
            raw[j] = fit.scale()[j] == 0 ? 0 : fit.beta()[j] / fit.scale()[j];
            raw[0] -= raw[j] * fit.center()[j];
        }
        return raw;
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        int s = series.require("series", seriesId);
        if (horizon < 1) {
            throw new ValidationException("horizon", horizon + " must be at least 1");
        }
        SeriesFit fit = fits[s];
        if (fit.futureLength() >= 0 && horizon > fit.futureLength()) {
            throw new ValidationException("horizon", horizon + " periods asked for series '" + seriesId
                    + "', but its regressors " + regressorNames + " have values for only " + fit.futureLength()
                    + " future periods");
        }
        int width = fit.beta().length;
        double[] row = new double[width];
        double[] mean = new double[horizon];
        double[] standardError = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            row[0] = 1;
            basis.fill(fit.length() + h, row, 1);
            for (int r = 0; r < fit.future().length; r++) {
                row[1 + basis.width() + r] = fit.future()[r][h];
            }
            RegressionStrategy.standardise(row, fit.center(), fit.scale());
            double leverage = 0;
            for (int i = 0; i < width; i++) {
                mean[h] += row[i] * fit.beta()[i];
                for (int j = 0; j < width; j++) {
                    leverage += row[i] * fit.covariance()[i][j] * row[j];
                }
            }
            standardError[h] = Math.sqrt(fit.variance() * (1 + leverage));
        }
        TDistribution t = new TDistribution(null, fit.degreesOfFreedom());
        Forecast forecast = Forecast.symmetric(mean, standardError, t::inverseCumulativeProbability, levels);
        return fit.nonNegative() ? forecast.atLeast(0) : forecast;
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeBoolean(basis.trend());
        data.writeUTF(basis.seasonal().name());
        data.writeInt(basis.seasonLength());
        data.writeInt(basis.terms());
        data.writeInt(regressorNames.size());
        for (String name : regressorNames) {
            data.writeUTF(name);
        }
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            SeriesFit fit = fits[s];
            data.writeUTF(series.id(s));
            data.writeInt(fit.length());
            data.writeInt(fit.futureLength());
            writeArray(data, fit.center());
            writeArray(data, fit.scale());
            writeArray(data, fit.beta());
            for (double[] row : fit.covariance()) {
                writeArray(data, row);
            }
            data.writeDouble(fit.variance());
            data.writeDouble(fit.degreesOfFreedom());
            data.writeBoolean(fit.nonNegative());
            for (double[] column : fit.future()) {
                writeArray(data, column);
            }
        }
    }

    private static void writeArray(DataOutputStream data, double[] values) throws IOException {
        data.writeInt(values.length);
        for (double value : values) {
            data.writeDouble(value);
        }
    }

    private static double[] readArray(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > 1 << 24) {
            throw new IOException("corrupt model: array length " + length);
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = data.readDouble();
        }
        return values;
    }

    static RegressionModel read(InputStream in, String expectedName) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a regression model", expectedName);
        boolean trend = data.readBoolean();
        Basis.Seasonal seasonal;
        try {
            seasonal = Basis.Seasonal.valueOf(data.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt model: unknown seasonal basis", e);
        }
        Basis basis = new Basis(trend, seasonal, data.readInt(), data.readInt());
        int regressorCount = data.readInt();
        if (regressorCount < 0) {
            throw new IOException("corrupt model: negative regressor count");
        }
        String[] names = new String[regressorCount];
        for (int r = 0; r < regressorCount; r++) {
            names[r] = data.readUTF();
        }
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        SeriesFit[] fits = new SeriesFit[count];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            int length = data.readInt();
            int futureLength = data.readInt();
            double[] center = readArray(data);
            double[] scale = readArray(data);
            double[] beta = readArray(data);
            double[][] covariance = new double[beta.length][];
            for (int i = 0; i < beta.length; i++) {
                covariance[i] = readArray(data);
            }
            double variance = data.readDouble();
            double degreesOfFreedom = data.readDouble();
            boolean nonNegative = data.readBoolean();
            double[][] future = new double[regressorCount][];
            for (int r = 0; r < regressorCount; r++) {
                future[r] = readArray(data);
            }
            fits[s] = new SeriesFit(length, futureLength, center, scale, beta, covariance, variance, degreesOfFreedom,
                    nonNegative, future);
        }
        return new RegressionModel(header.strategyName(), header.strategyVersion(), IdDictionary.of("series", ids),
                List.of(names), basis, fits);
    }
}
