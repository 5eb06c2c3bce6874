package io.mercator.plugins.forecasting.regression;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.Regressors;
import io.mercator.api.forecasting.SeriesSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.osgi.service.component.annotations.Component;

/**
 * Linear regression of each series on its external regressors (see {@link SeriesSet#regressors()})
 * plus an intercept, a linear trend and a seasonal basis, by ridge-regularised least squares.
 * The columns are standardised before the penalty is applied, so {@code ridge} is free of units
 * and the intercept is never shrunk; at {@code ridge = 0} the fit is ordinary least squares, as
 * R's {@code lm}. Prediction intervals are analytic: Student's t with the residual degrees of
 * freedom, and the variance of a new observation including the uncertainty of the coefficients,
 * as R's {@code predict(..., interval = "prediction")}. The future values of the regressors are
 * the ones the caller put after each series' history; the horizon cannot go past them. A series
 * set whose season length is unknown (0) or 1 gets no seasonal basis.
 */
@Component(service = ForecastStrategy.class, immediate = true)
public final class RegressionStrategy implements ForecastStrategy {

    static final String TREND = "trend";
    static final String SEASONAL = "seasonal";
    static final String FOURIER_TERMS = "fourierTerms";
    static final String RIDGE = "ridge";

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.FORECASTING, "regression", "1.0.0")
            .vendor("Mercator")
            .description("Linear regression on external regressors (price, promotions, holidays) with a trend and "
                    + "seasonal dummies or Fourier terms; ridge-regularised least squares, analytic intervals.")
            .parameter(ParameterSpec.bool(TREND, "include a linear trend", true))
            .parameter(ParameterSpec.choice(SEASONAL, "seasonal basis: one dummy per season position, Fourier "
                    + "terms (smooth, few columns for long seasons), or none", "dummies", "dummies", "fourier", "none"))
            .parameter(ParameterSpec.integer(FOURIER_TERMS, "sine/cosine pairs when seasonal = fourier (at most "
                    + "half the season length)", 3, 1, 100))
            .parameter(ParameterSpec.real(RIDGE, "penalty on the standardised coefficients; 0 is ordinary least "
                    + "squares, the small default only keeps collinear regressors solvable", 1e-3, 0, 1e6))
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ForecastModel fit(SeriesSet data, Parameters parameters, TrainingContext context) {
        Basis basis = Basis.of(parameters.getBoolean(TREND),
                Basis.Seasonal.valueOf(parameters.getString(SEASONAL).toUpperCase(Locale.ROOT)),
                data.seasonLength(), parameters.getInt(FOURIER_TERMS));
        double ridge = parameters.getDouble(RIDGE);
        Regressors regressors = data.regressors();
        int count = data.size();
        SeriesFit[] fits = new SeriesFit[count];
        for (int s = 0; s < count; s++) {
            if (s % 256 == 0) {
                context.checkCancelled();
                context.progress((double) s / count, "");
            }
            fits[s] = fitSeries(data, s, regressors, basis, ridge);
        }
        context.progress(1, "");
        return new RegressionModel(descriptor.name(), descriptor.version(), data.ids(), regressors.names(), basis,
                fits);
    }

    private static SeriesFit fitSeries(SeriesSet data, int s, Regressors regressors, Basis basis, double ridge) {
        String id = data.ids().id(s);
        int length = data.length(s);
        int regressorCount = regressors.names().size();
        double[][] columns = new double[regressorCount][];
        for (int r = 0; r < regressorCount; r++) {
            columns[r] = regressors.values(id, r);
        }
        int total = regressorCount == 0 ? length : columns[0].length;
        int width = 1 + basis.width() + regressorCount;
        int observed = 0;
        for (int t = 0; t < length; t++) {
            observed += Double.isNaN(data.value(s, t)) ? 0 : 1;
        }
        if (observed < width + 1) {
            throw new ValidationException("series '" + id + "'", "has " + observed + " observed values; a regression on "
                    + width + " columns needs at least " + (width + 1));
        }
        double[][] design = new double[observed][width];
        double[] target = new double[observed];
        boolean nonNegative = data.isNonNegative(s);
        for (int t = 0, row = 0; t < length; t++) {
            if (!Double.isNaN(data.value(s, t))) {
                designRow(t, columns, basis, design[row]);
                target[row++] = data.value(s, t);
            }
        }
        // standardise every column but the intercept; a constant column (a promotion that never ran) is dropped
        double[] center = new double[width];
        double[] scale = new double[width];
        scale[0] = 1;
        for (int j = 1; j < width; j++) {
            double mean = 0;
            for (double[] row : design) {
                mean += row[j] / observed;
            }
            double squares = 0;
            for (double[] row : design) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(squares / observed);
            center[j] = mean;
            scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 0;
        }
        for (double[] row : design) {
            standardise(row, center, scale);
        }
        RealMatrix x = new Array2DRowRealMatrix(design, false);
        RealMatrix gram = x.transpose().multiply(x);
        RealMatrix penalised = gram.copy();
        for (int j = 1; j < width; j++) {
            penalised.addToEntry(j, j, scale[j] == 0 ? 1 : ridge);
        }
        LUDecomposition lu = new LUDecomposition(penalised, 1e-12);
        if (!lu.getSolver().isNonSingular()) {
            throw new ValidationException("series '" + id + "'", "its regressors are collinear; set ridge above 0");
        }
        RealMatrix inverse = lu.getSolver().getInverse();
        double[] beta = inverse.operate(x.transpose().operate(target));
        // coefficient covariance per unit of error variance: (X'X + λ)^-1 X'X (X'X + λ)^-1
        RealMatrix sandwich = inverse.multiply(gram).multiply(inverse);
        double effectiveColumns = inverse.multiply(gram).getTrace();
        double residualSquares = 0;
        for (int row = 0; row < observed; row++) {
            double fitted = 0;
            for (int j = 0; j < width; j++) {
                fitted += design[row][j] * beta[j];
            }
            residualSquares += (target[row] - fitted) * (target[row] - fitted);
        }
        double degreesOfFreedom = observed - effectiveColumns;
        double[][] future = new double[regressorCount][];
        for (int r = 0; r < regressorCount; r++) {
            future[r] = Arrays.copyOfRange(columns[r], length, total);
        }
        return new SeriesFit(length, regressorCount == 0 ? -1 : total - length, center, scale, beta,
                sandwich.getData(), residualSquares / degreesOfFreedom, degreesOfFreedom, nonNegative, future);
    }

    /** Writes the unstandardised design row of period {@code t}: intercept, basis, regressors. */
    static void designRow(int t, double[][] regressorColumns, Basis basis, double[] row) {
        row[0] = 1;
        basis.fill(t, row, 1);
        int from = 1 + basis.width();
        for (int r = 0; r < regressorColumns.length; r++) {
            row[from + r] = regressorColumns[r][t];
        }
    }

    static void standardise(double[] row, double[] center, double[] scale) {
        for (int j = 1; j < row.length; j++) {
            row[j] = scale[j] == 0 ? 0 : (row[j] - center[j]) / scale[j];
        }
    }

    @Override
    public ForecastModel readModel(InputStream in) throws IOException {
        return RegressionModel.read(in, descriptor.name());
    }
}
