package io.mercator.api.pricing;

import io.mercator.api.Model;
import io.mercator.api.ValidationException;
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
