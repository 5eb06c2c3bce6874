package io.mercator.plugins.forecasting.arima;

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
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One fitted ARIMA model per series; prediction intervals around the point forecasts with the calibrated
 * standard errors and Student's t quantiles of {@link FittedArima#withIntervalCalibration} (normal, with the exact
 * standard errors, for models of format 1).
 */
final class ArimaModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x4152494d; // "ARIM"
    /**
     * Format 3 adds the degrees of freedom of the calibrated spread per period ahead, format 2 the interval
     * calibration; formats 1 and 2 are still read.
     */
    private static final int FORMAT = 3;
    private static final int FORMAT_WITHOUT_SPREAD_DEGREES = 2;
    private static final int FORMAT_WITHOUT_CALIBRATION = 1;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final IdDictionary series;
    private final FittedArima[] fitted;
    /** Per series: no observed value was negative, so forecasts are floored at zero. */
    private final boolean[] nonNegative;

    ArimaModel(String name, String version, IdDictionary series, FittedArima[] fitted, boolean[] nonNegative) {
        super(name, version, MAGIC, FORMAT);
        this.series = series;
        this.fitted = fitted;
        this.nonNegative = nonNegative;
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    /**
     * @param seriesId a series id
     * @return the fitted model of that series in R's notation, e.g. {@code ARIMA(0,1,1)(0,1,1)[12]}
     */
    String description(String seriesId) {
        return fitted[series.require("series", seriesId)].description;
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        int s = series.require("series", seriesId);
        if (horizon < 1) {
            throw new ValidationException("horizon", horizon + " must be at least 1");
        }
        FittedArima model = fitted[s];
        double[] mean = model.forecast(horizon);
        double[] standardError = model.intervalStandardErrors(horizon);
        Forecast forecast = Forecast.symmetricByPeriod(mean, standardError,
                h -> quantile(model.degreesOfFreedom(h + 1)), levels);
        return nonNegative[s] ? forecast.atLeast(0) : forecast;
    }

    /** @return the quantile function of Student's t with these degrees of freedom, the normal's for infinitely many */
    private static DoubleUnaryOperator quantile(double degreesOfFreedom) {
        RealDistribution errors = degreesOfFreedom == Double.POSITIVE_INFINITY ? STANDARD_NORMAL
                : new TDistribution(null, degreesOfFreedom, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        return errors::inverseCumulativeProbability;
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(series.size());
        for (int s = 0; s < series.size(); s++) {
            data.writeUTF(series.id(s));
            data.writeBoolean(nonNegative[s]);
            fitted[s].writeTo(data);
        }
    }

    static ArimaModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in.markSupported() ? in : new BufferedInputStream(in));
        data.mark(2 * Integer.BYTES);
        data.readInt();
        int written = data.readInt();
        int format = written == FORMAT_WITHOUT_CALIBRATION || written == FORMAT_WITHOUT_SPREAD_DEGREES ? written
                : FORMAT;
        data.reset();
        Header header = readHeader(data, MAGIC, format, "an ARIMA model");
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        FittedArima[] fitted = new FittedArima[count];
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            nonNegative[s] = data.readBoolean();
            fitted[s] = FittedArima.read(data, format >= FORMAT_WITHOUT_SPREAD_DEGREES, format == FORMAT);
        }
        return new ArimaModel(header.strategyName(), header.strategyVersion(), IdDictionary.of("series", ids), fitted,
                nonNegative);
    }
}
