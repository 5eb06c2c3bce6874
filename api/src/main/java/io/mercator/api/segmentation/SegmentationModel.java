package io.mercator.api.segmentation;

import io.mercator.api.Model;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fitted customer segmentation. Thread-safe, immutable. Segments are numbered from 0 to
 * {@code segments().size() - 1}.
 */
@ConsumerType
public interface SegmentationModel extends Model {

    /** @return the segments with their names, sizes and feature means */
    SegmentProfiles segments();

    /**
     * Assigns customers to segments from their transactions, whether or not they were in the
     * training data (for example to re-score customers with this month's purchases).
     *
     * @param transactions the transactions to score; each customer is judged on its own rows
     * @return one row per customer of {@code transactions.customers()}, in the same order, with
     *     {@link SegmentAssignment#UNASSIGNED} for a customer with no rows
     */
    SegmentAssignment assign(Transactions transactions);

    /**
     * @param customerId a customer id
     * @return the segment the customer was assigned to at fit time, or -1 when the customer was
     *     not in the training data
     */
    int segmentOf(String customerId);
}
