package io.mercator.api.segmentation;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A customer segmentation algorithm (RFM scoring, k-means, hierarchical clustering, ...). It fits
 * a {@link SegmentationModel} from {@link Transactions}. Register implementations as OSGi
 * services under this interface; see {@link Strategy} for the contract every strategy follows.
 */
@ConsumerType
public interface SegmentationStrategy extends Strategy<Transactions, SegmentationModel> {
}
