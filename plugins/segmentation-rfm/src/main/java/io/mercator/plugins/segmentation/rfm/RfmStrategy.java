package io.mercator.plugins.segmentation.rfm;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.segmentation.CustomerFeatures;
import io.mercator.api.segmentation.SegmentAssignment;
import io.mercator.api.segmentation.SegmentProfiles;
import io.mercator.api.segmentation.SegmentationModel;
import io.mercator.api.segmentation.SegmentationStrategy;
import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;

/**
 * RFM segmentation: recency, frequency and monetary value as of an analysis date, scored 1 to 5
 * by quintile, and a named segment from the classic recency-by-value grid (champions, loyal,
 * new, promising, need-attention, at-risk, hibernating, lost). See {@link RfmScores}.
 */
@Component(service = SegmentationStrategy.class, immediate = true)
public final class RfmStrategy implements SegmentationStrategy {

    private final StrategyDescriptor descriptor = StrategyDescriptor.builder(Family.SEGMENTATION, "rfm", "1.0.0")
            .vendor("Mercator")
            .description("Recency, frequency and monetary quintile scores with named segments.")
            .parameter(CustomerFeatures.ANALYSIS_DATE)
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public SegmentationModel fit(Transactions data, Parameters parameters, TrainingContext context) {
        CustomerFeatures features = CustomerFeatures.of(data, parameters);
        context.checkCancelled();
        RfmScores scores = RfmScores.fit(features);
        double[][] profileColumns = new double[RfmModel.PROFILE_FEATURES.length][features.size()];
        int[] segment = RfmModel.segments(features, scores, profileColumns);
        SegmentProfiles profiles = SegmentProfiles.summarise(RfmScores.SEGMENTS, segment,
                RfmModel.PROFILE_FEATURES, profileColumns).withTopCategories(segment, data, features.analysisDay());
        context.progress(1, "");
        return new RfmModel(descriptor.name(), descriptor.version(), features.analysisDay(), scores,
                new SegmentAssignment(data.customers(), segment, profiles.size()), profiles);
    }

    @Override
    public SegmentationModel readModel(InputStream in) throws IOException {
        return RfmModel.read(in);
    }
}
