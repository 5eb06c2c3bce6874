/**
 * Pricing family: price elasticities and recommended prices learnt from observed prices and
 * sales.
 *
 * <p>Vendors implement {@link io.mercator.api.pricing.PricingStrategy}; it fits a
 * {@link io.mercator.api.pricing.PricingModel} from
 * {@link io.mercator.api.pricing.PriceObservations} (product, period, price, units, promotion),
 * and the model answers a product's {@link io.mercator.api.pricing.Elasticity} and turns a
 * {@link io.mercator.api.pricing.PriceRequest} (cost, current price and allowed range per product)
 * into {@link io.mercator.api.pricing.PriceRecommendations} with expected units, revenue and
 * profit. Observations labelled by customer segment give demand and prices per segment
 * ({@link io.mercator.api.pricing.PricingModel#recommendBySegment}).
 */
@Export
@Version("1.1.0")
package io.mercator.api.pricing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
