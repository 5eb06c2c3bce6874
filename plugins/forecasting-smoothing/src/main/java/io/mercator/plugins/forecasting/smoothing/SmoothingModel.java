package io.mercator.plugins.forecasting.smoothing;

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
 * One or more {@link SmoothedState}s per series. With several (combination models of version 1,
 * which are still read), the point forecast
 * is their mean and the standard error the mean of theirs, a conservative choice since the
 * members' errors are positively correlated. Intervals are symmetric around the point forecast: Student's t with the states' (fewest)
 * degrees of freedom, normal for states that do not know theirs.
 */
final class SmoothingModel extends AbstractModel implements ForecastModel {

    private static final int MAGIC = 0x534d5448; // "SMTH"
    /**
     * Format 4 adds the degrees of freedom of the states' calibrated spread per period ahead, format 3 the spread
     * factors; formats 2 and 3 are still read.
     */
    private static final int FORMAT = 4;
    private static final int FORMAT_WITHOUT_SPREAD_DEGREES = 3;
    private static final int FORMAT_WITHOUT_SPREAD_FACTORS = 2;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final IdDictionary series;
    private final SmoothedState[][] members;
    /** Per series: no observed value was negative, so forecasts are floored at zero. */
    private final boolean[] nonNegative;

    SmoothingModel(String name, String version, IdDictionary series, SmoothedState[][] members,
            boolean[] nonNegative) {
        super(name, version, MAGIC, FORMAT);
        this.series = series;
        this.members = members;
        this.nonNegative = nonNegative;
    }

    @Override
    public IdDictionary series() {
        return series;
    }

    /**
     * @param seriesId a series id
     * @return the fitted ETS form of that series' first member, e.g. {@code MAdM}
     */
    String form(String seriesId) {
        return members[series.require("series", seriesId)][0].form.toString();
    }

    @Override
    public Forecast forecast(String seriesId, int horizon, double... levels) {
        int s = series.require("series", seriesId);
        SmoothedState[] states = members[s];
        if (horizon < 1) {
            throw new ValidationException("horizon", horizon + " must be at least 1");
        }
        double[] mean = new double[horizon];
        double[] standardError = new double[horizon];
        for (SmoothedState state : states) {
            double[] memberMean = state.mean(horizon);
            double[] memberError = state.standardError(memberMean);
            for (int h = 0; h < horizon; h++) {
                mean[h] += memberMean[h] / states.length;
                standardError[h] += memberError[h] / states.length;
            }
        }
        Forecast forecast = Forecast.symmetricByPeriod(mean, standardError, h -> {
            double degreesOfFreedom = Double.POSITIVE_INFINITY;
            for (SmoothedState state : states) {
                degreesOfFreedom = Math.min(degreesOfFreedom, state.degreesOfFreedom(h + 1));
            }
            return quantile(degreesOfFreedom);
        }, levels);
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
            data.writeInt(members[s].length);
            for (SmoothedState state : members[s]) {
                state.writeTo(data);
            }
        }
    }

    static SmoothingModel read(InputStream in, String expectedName) throws IOException {
        DataInputStream data = new DataInputStream(in.markSupported() ? in : new BufferedInputStream(in));
        data.mark(8);
        data.readInt();
        int written = data.readInt();
        int format = written == FORMAT_WITHOUT_SPREAD_FACTORS || written == FORMAT_WITHOUT_SPREAD_DEGREES ? written
                : FORMAT;
        data.reset();
        Header header = readHeader(data, MAGIC, format, "an exponential smoothing model", expectedName);
        String name = header.strategyName();
        String version = header.strategyVersion();
        int count = data.readInt();
        if (count < 0) {
            throw new IOException("corrupt model: negative series count");
        }
        String[] ids = new String[count];
        SmoothedState[][] members = new SmoothedState[count][];
        boolean[] nonNegative = new boolean[count];
        for (int s = 0; s < count; s++) {
            ids[s] = data.readUTF();
            nonNegative[s] = data.readBoolean();
            int memberCount = data.readInt();
            if (memberCount < 1) {
                throw new IOException("corrupt model: series '" + ids[s] + "' has " + memberCount + " members");
            }
            members[s] = new SmoothedState[memberCount];
            for (int k = 0; k < memberCount; k++) {
                members[s][k] = SmoothedState.read(data, format >= FORMAT_WITHOUT_SPREAD_DEGREES, format == FORMAT);
            }
        }
        return new SmoothingModel(name, version, IdDictionary.of("series", ids), members, nonNegative);
    }
}
