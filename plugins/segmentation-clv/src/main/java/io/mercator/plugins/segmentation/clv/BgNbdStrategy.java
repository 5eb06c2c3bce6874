package io.mercator.plugins.segmentation.clv;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * Customer-lifetime-value segmentation: fits the BG/NBD model of purchases (see {@link BgNbd}) and
 * the Gamma-Gamma model of spend (see {@link GammaGamma}) on the repeat purchases before the
 * analysis date, and segments customers by their discounted lifetime value over the horizon (see
 * {@link ValueTiers}): high-, mid- and low-value among those likely alive, and likely-lost.
 */
@Component(service = SegmentationStrategy.class, immediate = true)
public final class BgNbdStrategy implements SegmentationStrategy {

    static final String HORIZON_WEEKS = "horizonWeeks";
    static final String ALIVE_THRESHOLD = "aliveThreshold";
    static final String DISCOUNT_RATE = "discountRate";

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.SEGMENTATION, "bgnbd", "1.1.0")
            .vendor("Mercator")
            .description("BG/NBD purchases with Gamma-Gamma spend by maximum likelihood; discounted lifetime value tiers and "
                    + "likely-lost customers.")
            .parameter(CustomerFeatures.ANALYSIS_DATE)
            .parameter(ParameterSpec.real(HORIZON_WEEKS, "Weeks ahead the purchases and value are predicted for", 52,
                    1, 520))
            .parameter(ParameterSpec.real(DISCOUNT_RATE, "Yearly rate future spend is discounted at", 0.1, 0, 1))
            .parameter(ParameterSpec.real(ALIVE_THRESHOLD,
                    "Probability of being alive below which a customer is likely lost", 0.5, 0, 1))
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public SegmentationModel fit(Transactions data, Parameters parameters, TrainingContext context) {
        int analysisDay = CustomerFeatures.of(data, parameters).analysisDay();
        RepeatPurchases history = RepeatPurchases.of(data, analysisDay);
        if (Arrays.stream(history.x).sum() == 0) {
            throw new ValidationException("transactions", "no customer bought twice before the analysis date; "
                    + "BG/NBD needs repeat purchases");
        }
        context.progress(0.1, "maximum likelihood of purchases");
        BgNbd model = BgNbd.fit(history.x, history.tx, history.observed);
        context.checkCancelled();
        context.progress(0.5, "maximum likelihood of spend");
        GammaGamma spend = GammaGamma.fit(history.x, history.meanRepeatValue);
        context.checkCancelled();
        context.progress(0.6, "lifetime values");
        double horizon = parameters.getDouble(HORIZON_WEEKS);
        double discountRate = parameters.getDouble(DISCOUNT_RATE);
        double threshold = parameters.getDouble(ALIVE_THRESHOLD);
        double[][] predictions = new ValueTiers(model, spend, horizon, discountRate, threshold, new double[2])
                .predict(history);
        ValueTiers tiers = new ValueTiers(model, spend, horizon, discountRate, threshold,
                ValueTiers.tertiles(history, predictions, threshold));
        int[] segment = tiers.segments(history, predictions);
        SegmentProfiles profiles = SegmentProfiles.summarise(ValueTiers.SEGMENTS, segment, ValueTiers.FEATURES,
                predictions).withTopCategories(segment, data, analysisDay);
        context.progress(1, "");
        return new ClvModel(descriptor.name(), descriptor.version(), analysisDay, tiers,
                new SegmentAssignment(data.customers(), segment, profiles.size()), profiles);
    }

    @Override
    public SegmentationModel readModel(InputStream in) throws IOException {
        return ClvModel.read(in);
    }
}
