package io.mercator.api.segmentation;

import io.mercator.api.Strategy;
import org.osgi.annotation.versioning.ConsumerType;

/** Placeholder, replaced by the family's strategy. */
@ConsumerType
public interface SegmentationStrategy extends Strategy<Transactions, SegmentationModel> {
}
