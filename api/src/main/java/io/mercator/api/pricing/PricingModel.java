package io.mercator.api.pricing;

import io.mercator.api.Model;
import io.mercator.api.ValidationException;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fitted price-response model. Thread-safe, immutable.
 *
 * <p>Unknown products are not errors: a product that was not in the training data gets the
 * strategy's fallback, typically an estimate pooled over all products with a correspondingly
 * wide interval.
 */
@ConsumerType
public interface PricingModel extends Model {

    /**
     * @param productId a product id; an unknown product gets the pooled fallback
     * @return the product's own-price elasticity with a confidence interval
     * @throws io.mercator.api.ValidationException naming {@code productId} when it is null
     */
    Elasticity elasticity(String productId);

    /**
     * The cross-price elasticity of a product with respect to its substitutes: the percentage
     * change in its units for a one percent rise of the other products' prices at the same
     * location and period (usually positive for substitutes).
     *
     * <p>The default implementation serves strategies that estimate own-price effects only: it
     * says that the strategy has no cross elasticities.
     *
     * @param productId a product the model was fitted on
     * @return the cross elasticity with a confidence interval
     * @throws ValidationException naming {@code productId} when the product is unknown or its
     *     cross elasticity could not be estimated, or when the strategy has none
     */
    default Elasticity substituteElasticity(String productId) {
        throw new ValidationException("strategy", strategyName() + " does not estimate cross elasticities");
    }

    /**
     * Recommends a price for each product of the request, within its {@code [minPrice, maxPrice]}
     * range, usually the one that maximises expected profit.
     *
     * @param request the products, their costs, current prices and allowed ranges
     * @return one row per request row, in the same order, with the request's {@code products()}
     * @throws io.mercator.api.ValidationException when the request cannot be priced by this
     *     strategy, naming the field and row at fault
     */
    PriceRecommendations recommend(PriceRequest request);

    /**
     * Recommends a price for each product of the request that respects the business rules and
     * maximises their objective. The {@code bindingRule} of each row names the rule that limited
     * the price ({@link PriceRecommendations#MIN_MARGIN}, {@link PriceRecommendations#MAX_CHANGE},
     * ...). Under {@link PricingRules#sizeLadder()} the products of a size group are priced
     * together.
     *
     * <p>The default implementation serves strategies written before rules existed: it accepts
     * only {@link PricingRules#none()} and otherwise says that the strategy does not apply rules.
     *
     * @param request the products, their costs, current prices, allowed ranges and competitor
     *     prices
     * @param rules the business rules and the objective
     * @return one row per request row, in the same order, with the request's {@code products()}
     * @throws io.mercator.api.ValidationException when the rules leave no price for a product
     *     (naming its row and the rules in conflict; with {@link PricingRules#rowErrors()} the row
     *     reports it instead, see {@link PriceRecommendations#error(int)}) or the strategy cannot
     *     apply them
     */
    default PriceRecommendations recommend(PriceRequest request, PricingRules rules) {
        if (rules == null || !rules.isNone()) {
            throw new ValidationException("rules", "strategy " + strategyName()
                    + " does not apply business rules; use PricingRules.none()");
        }
        return recommend(request);
    }

    /**
     * The own-price elasticity of a product among the customers of one segment, for models fitted
     * on observations with segments ({@link PriceObservations#hasSegments()}). Strategies usually
     * shrink a segment's estimate toward the product's, so a segment with little data gets
     * close to the product's elasticity.
     *
     * <p>The default implementation serves strategies without segment demand: it says so.
     *
     * @param productId a product the model was fitted on
     * @param segment a segment of the training data
     * @return the elasticity with a confidence interval
     * @throws ValidationException naming the product or segment when unknown, or when the model
     *     has no segment demand
     * @since 1.1
     */
    default Elasticity elasticity(String productId, String segment) {
        throw new ValidationException("segment", "strategy " + strategyName() + " does not estimate segment demand");
    }

    /**
     * Recommends a price per customer segment for each product of the request: every segment's
     * price maximises the rules' objective under that segment's fitted demand and respects every
     * rule (margin, change from the current price, competitor band, volume floor of the
     * segment's own units, ending), and {@link PricingRules#maxSegmentSpread()} keeps each
     * product's segment prices close: when the segments' own best prices are too far apart, the
     * product's prices are chosen together to maximise the objective summed over its segments.
     * The request's current price is the one every segment pays now. Expected values are per
     * segment.
     *
     * <p>The default implementation serves strategies without segment demand: it says so.
     *
     * @param request the products, their costs, current prices, allowed ranges and competitor
     *     prices; size groups are not supported with segments
     * @param rules the business rules and the objective
     * @param segments the segments to price, at least one, each known to the model
     * @return per segment, in the given order, one row per request row
     * @throws ValidationException naming the row, segment and rules when the rules leave no price
     *     (with {@link PricingRules#rowErrors()} the row reports it instead), naming
     *     {@code segments} when one is unknown, or when the model has no segment demand
     * @since 1.1
     */
    default Map<String, PriceRecommendations> recommendBySegment(PriceRequest request, PricingRules rules,
            List<String> segments) {
        throw new ValidationException("segments", "strategy " + strategyName() + " does not price per segment");
    }

    /**
     * Predicts the units each row of {@code conditions} would sell: its product at its price,
     * location, period, promotion and feature value as they are given; the {@code units} column is
     * ignored. Evaluations use it to measure the demand fit on held-out periods.
     *
     * <p>The default implementation serves strategies that only price: it says that the strategy
     * does not predict units.
     *
     * @param conditions the rows to predict, of products the model was fitted on
     * @return expected units per row, finite and &gt;= 0
     * @throws io.mercator.api.ValidationException naming the row of an unknown product, or when
     *     the strategy does not predict units
     */
    default double[] expectedUnits(PriceObservations conditions) {
        throw new ValidationException("strategy", strategyName()
                + " does not predict units for given conditions");
    }

    /**
     * Plans a clearance: the non-increasing prices from the request's ladder that maximise
     * expected revenue plus salvage value over the remaining periods, given the product's fitted
     * demand, its decay and the stock on hand.
     *
     * <p>The default implementation serves strategies that do not plan markdowns: it says so.
     *
     * @param request the product, stock, horizon, price ladder, decay and salvage value
     * @return the schedule, one price per period
     * @throws ValidationException naming {@code productId} when the product is unknown, or when
     *     the strategy does not plan markdowns
     */
    default MarkdownSchedule markdown(MarkdownRequest request) {
        throw new ValidationException("strategy", strategyName() + " does not plan markdowns");
    }
}
