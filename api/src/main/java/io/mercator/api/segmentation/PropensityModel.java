package io.mercator.api.segmentation;

import java.util.OptionalDouble;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A segmentation whose segments come from a probability per customer, such as the probability
 * of buying in the next period or of churning. Evaluators measure such models on a time split
 * (AUC, log-loss, calibration) as well as by their segments.
 */
@ConsumerType
public interface PropensityModel extends SegmentationModel {

    /** @return what the probability is of, e.g. {@code "purchase in the next 90 days"} */
    String outcome();

    /**
     * @return the number of days after the analysis date that the outcome is observed over; the
     *     evaluator holds out that many days
     */
    int horizonDays();

    /**
     * @param customerId a customer id
     * @return the probability of the outcome for that customer as of the analysis date of the fit,
     *     from 0 to 1; empty when the customer was not in the training data or had no purchase
     */
    OptionalDouble probabilityOf(String customerId);
}
