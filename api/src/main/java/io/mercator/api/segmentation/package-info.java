/**
 * Segmentation family: customer segments learnt from purchase transactions.
 *
 * <p>Vendors implement {@link io.mercator.api.segmentation.SegmentationStrategy}; it fits a
 * {@link io.mercator.api.segmentation.SegmentationModel} from
 * {@link io.mercator.api.segmentation.Transactions} (customer, day, amount), and the model
 * describes its segments as {@link io.mercator.api.segmentation.SegmentProfiles}, tells the
 * segment of a known customer and assigns customers to segments from new transactions as a
 * {@link io.mercator.api.segmentation.SegmentAssignment}.
 *
 * <p>1.1: profiles carry quantiles of every feature and, where the transactions carry
 * {@link io.mercator.api.segmentation.CategorySpend}, each segment's top categories.
 */
@Export
@Version("1.1.0")
package io.mercator.api.segmentation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
