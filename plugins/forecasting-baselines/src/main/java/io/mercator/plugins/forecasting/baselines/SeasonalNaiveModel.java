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
import org.apache.commons.math3.distribution.NormalDistribution;

/** The last season of every series and the spread of its seasonal changes; see {@link SeasonalNaiveStrategy}. */
final class SeasonalNaiveModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x534e4156; // "SNAV"
    /** Format 3 adds the spread factors; format 2 (without them) is still read. */
    private static final int FORMAT = 3;
    private static final int FORMAT_WITHOUT_SPREAD_FACTORS = 2;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final IdDictionary series;
    private final double[][] lastSeason;
    private final double[] sigma;
    /** Per series: the {@link HorizonCalibration} factors of the standard error by periods ahead. */
    private final double[][] spreadFactors;
    /** Per series: no observed value was negative, so forecasts are floored at zero. */
    private final boolean[] nonNegative;

    SeasonalNaiveModel(String name, String version, IdDictionary series, double[][] lastSeason, double[] sigma,
            double[][] spreadFactors, boolean[] nonNegative) {
        super(name, version, MAGIC, FORMAT);
        this.series = series;
        this.lastSeason = lastSeason;
        this.sigma = sigma;
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
        int m = lastSeason[s].length;
        double[] mean = new double[horizon];
        double[] standardError = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = lastSeason[s][h % m];
            standardError[h] = standardError(sigma[s], m, h + 1) * HorizonCalibration.at(spreadFactors[s], h + 1);
        }
        Forecast forecast = Forecast.symmetric(mean, standardError, STANDARD_NORMAL::inverseCumulativeProbability,
                levels);
        return nonNegative[s] ? forecast.atLeast(0) : forecast;
    }

    /** @return the standard error of the seasonal naive forecast {@code h} periods ahead, before calibration */
    static double standardError(double sigma, int m, int h) {
        // seasons ahead: the error of each season's change adds up
        return sigma * Math.sqrt((h + m - 1) / m);
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            data.writeUTF(series.id(s));
            data.writeDouble(sigma[s]);
            data.writeBoolean(nonNegative[s]);
            data.writeInt(lastSeason[s].length);
            for (double value : lastSeason[s]) {
                data.writeDouble(value);
            }
            data.writeInt(spreadFactors[s].length);
            for (double factor : spreadFactors[s]) {
                data.writeDouble(factor);
            }
        }
    }

    static SeasonalNaiveModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in.markSupported() ? in : new BufferedInputStream(in));
        int format = FlatForecastModel.peekFormat(data) == FORMAT_WITHOUT_SPREAD_FACTORS
                ? FORMAT_WITHOUT_SPREAD_FACTORS : FORMAT;
        Header header = readHeader(data, MAGIC, format, "a seasonal naive model");
        String name = header.strategyName();
        String version = header.strategyVersion();
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        double[][] lastSeason = new double[count][];
        double[] sigma = new double[count];
        boolean[] nonNegative = new boolean[count];
        double[][] spreadFactors = new double[count][];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            sigma[s] = data.readDouble();
            nonNegative[s] = data.readBoolean();
            int m = data.readInt();
            if (m < 1) {
                throw new IOException("corrupt model: season length " + m);
            }
            lastSeason[s] = new double[m];
            for (int j = 0; j < m; j++) {
                lastSeason[s][j] = data.readDouble();
            }
            int factorCount = format == FORMAT ? data.readInt() : 0;
            if (factorCount < 0) {
                throw new IOException("corrupt model: " + factorCount + " spread factors for series '" + ids[s] + "'");
            }
            spreadFactors[s] = new double[factorCount];
            for (int h = 0; h < factorCount; h++) {
                spreadFactors[s][h] = data.readDouble();
            }
        }
        return new SeasonalNaiveModel(name, version, IdDictionary.of("series", ids), lastSeason, sigma, spreadFactors,
                nonNegative);
    }
}
