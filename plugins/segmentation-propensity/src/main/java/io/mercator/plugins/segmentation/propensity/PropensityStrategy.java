package io.mercator.plugins.segmentation.propensity;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;

/**
 * Purchase propensity: the probability that a customer buys in the next {@code periodDays}. It
 * learns from the past: features as of {@code periodDays} before the analysis date (see
 * {@link PurchaseFeatures}) against whether the customer bought in the period up to it, with
 * L2-regularised logistic regression (see {@link LogisticRegression}); then it scores every
 * customer as of the analysis date. Segments: likely (probability from 0.5), possible (from 0.2),
 * unlikely.
 *
 * <p>With {@code calibrate} (the default), the probabilities are calibrated on a held-out slice of
 * time: the regression learns from the period before the last one (features as of two periods
 * before the analysis date, outcomes in the period after), and Platt scaling (see
 * {@link PlattScaling}) maps its scores to the outcomes of the last period, so that the
 * probabilities follow the most recent purchase rate. When the data is too short for two periods
 * the regression learns from the last period and is not calibrated.
 */
@Component(service = SegmentationStrategy.class, immediate = true)
public final class PropensityStrategy implements SegmentationStrategy {

    static final String PERIOD_DAYS = "periodDays";
    static final String L2 = "l2";
    static final String CALIBRATE = "calibrate";

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.SEGMENTATION, "propensity", "1.1.0")
            .vendor("Mercator")
            .description("Probability of buying in the next period: regularised logistic regression on RFM, tenure, "
                    + "inter-purchase time and basket value, Platt-calibrated on the last period.")
            .parameter(CustomerFeatures.ANALYSIS_DATE)
            .parameter(ParameterSpec.integer(PERIOD_DAYS, "Days ahead the purchase probability is for", 90, 7, 730))
            .parameter(ParameterSpec.real(L2, "L2 penalty on the coefficients (scikit-learn's 1 / C)", 1, 1e-6, 1e6))
            .parameter(ParameterSpec.bool(CALIBRATE, "Calibrate the probabilities on the last period, held out "
                    + "from the regression", true))
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public SegmentationModel fit(Transactions data, Parameters parameters, TrainingContext context) {
        int analysisDay = CustomerFeatures.of(data, parameters).analysisDay();
        int period = parameters.getInt(PERIOD_DAYS);
        double lambda = parameters.getDouble(L2);
        context.progress(0.3, "logistic regression");
        LogisticRegression regression = null;
        PlattScaling calibration = PlattScaling.IDENTITY;
        if (parameters.getBoolean(CALIBRATE)) {
            Period held = Period.of(data, analysisDay - period, analysisDay);
            Period learnt = Period.of(data, analysisDay - 2 * period, analysisDay - period);
            if (held.hasBothOutcomes() && learnt.hasBothOutcomes()) {
                regression = learnt.fit(lambda);
                calibration = held.calibrate(regression);
            }
        }
        if (regression == null) {
            Period last = Period.of(data, analysisDay - period, analysisDay);
            if (!last.hasBothOutcomes()) {
                throw new ValidationException("transactions", "need customers who bought before "
                        + LocalDate.ofEpochDay(Math.max(0, analysisDay - period)) + " and both buyers and non-buyers in "
                        + "the " + period + " days after; found " + last.rows.length + " customers and " + last.buyers()
                        + " buyers");
            }
            regression = last.fit(lambda);
        }
        PurchaseFeatures now = PurchaseFeatures.of(data, analysisDay);
        double[] probability = PurchasePropensityModel.probabilities(regression, calibration, now);
        double[][] columns = new double[PurchasePropensityModel.PROFILE_FEATURES.length][probability.length];
        for (int c = 0; c < probability.length; c++) {
            columns[0][c] = Math.max(0, probability[c]);
            for (int f = 0; f < 3; f++) {
                columns[f + 1][c] = now.base.value(f, c);
            }
        }
        int[] segment = PurchasePropensityModel.segments(probability);
        SegmentProfiles profiles = SegmentProfiles.summarise(PurchasePropensityModel.SEGMENTS,
                segment, PurchasePropensityModel.PROFILE_FEATURES, columns).withTopCategories(segment, data, analysisDay);
        context.progress(1, "");
        return new PurchasePropensityModel(descriptor.name(), descriptor.version(), analysisDay, period, regression,
                calibration, data.customers(), probability, profiles);
    }

    /** The customers active at the start of a period, their features then, and whether they bought during it. */
    private record Period(PurchaseFeatures features, int[] rows, boolean[] bought) {

        static Period of(Transactions data, int startDay, int endDay) {
            PurchaseFeatures features = PurchaseFeatures.of(data, Math.max(1, startDay));
            int[] rows = IntStream.range(0, features.base.size()).filter(features.base::isActive).toArray();
            return new Period(features, rows, boughtBetween(data, startDay, endDay));
        }

        int buyers() {
            return (int) Arrays.stream(rows).filter(c -> bought[c]).count();
        }

        boolean hasBothOutcomes() {
            int buyers = buyers();
            return buyers > 0 && buyers < rows.length;
        }

        LogisticRegression fit(double lambda) {
            double[] values = new double[rows.length * PurchaseFeatures.DIMENSIONS];
            int[] labels = new int[rows.length];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(features.values, rows[r] * PurchaseFeatures.DIMENSIONS, values,
                        r * PurchaseFeatures.DIMENSIONS, PurchaseFeatures.DIMENSIONS);
                labels[r] = bought[rows[r]] ? 1 : 0;
            }
            return LogisticRegression.fit(values, PurchaseFeatures.DIMENSIONS, labels, lambda);
        }

        PlattScaling calibrate(LogisticRegression regression) {
            double[] score = new double[rows.length];
            boolean[] positive = new boolean[rows.length];
            for (int r = 0; r < rows.length; r++) {
                score[r] = regression.score(features.values, rows[r]);
                positive[r] = bought[rows[r]];
            }
            return PlattScaling.fit(score, positive);
        }
    }

    /** @return per customer, whether it made a purchase from {@code fromDay} to the day before {@code toDay} */
    static boolean[] boughtBetween(Transactions data, int fromDay, int toDay) {
        boolean[] bought = new boolean[data.customers().size()];
        for (int row = 0; row < data.size(); row++) {
            if (data.day(row) >= fromDay && data.day(row) < toDay && data.amount(row) > 0) {
                bought[data.customer(row)] = true;
            }
        }
        return bought;
    }

    @Override
    public SegmentationModel readModel(InputStream in) throws IOException {
        return PurchasePropensityModel.read(in);
    }
}
