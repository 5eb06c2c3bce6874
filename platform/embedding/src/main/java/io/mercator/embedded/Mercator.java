package io.mercator.embedded;

import io.mercator.api.Family;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingRules;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.api.segmentation.Transactions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mercator running inside the host's JVM: the runtime's bundles in an embedded OSGi framework,
 * reached through the API's plain types only. Create one with {@link #builder()}; close it to
 * stop the runtime and every thread it started.
 *
 * <pre>{@code
 * try (Mercator mercator = Mercator.builder().home(Path.of("/var/lib/erp/mercator")).build()) {
 *     Map<String, Forecast> next4Weeks = mercator.forecast("", weeklySales, 4, 80, 95);
 * }
 * }</pre>
 *
 * <p>Every family method takes a strategy <em>spec</em> first: {@code ""} for the family's
 * default, {@code name} for the highest registered version of a strategy, or
 * {@code name@range} (for example {@code seasonal-naive@[1,2)}). It fits the strategy with its
 * default parameters on the given data and answers from the fitted model, within the call
 * deadline and with the registry's protection (a strategy that fails too often in a row is taken
 * out of routing). To keep fitted models or tune parameters, use {@link #registry()}.
 *
 * <p>Errors: {@link io.mercator.api.ValidationException} for bad input or a malformed spec,
 * {@link io.mercator.api.runtime.StrategyNotFoundException} when no registered strategy matches,
 * {@link io.mercator.api.runtime.StrategyCallException} when the strategy failed or missed the
 * deadline, {@link IllegalStateException} after {@link #close()}. Instances are thread-safe.
 */
public interface Mercator extends AutoCloseable {

    /** @return a builder for an embedded Mercator */
    static MercatorBuilder builder() {
        return new MercatorBuilder();
    }

    /**
     * Forecasts every series of {@code history}.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param history the series to fit and forecast
     * @param horizon how many periods ahead, at least 1
     * @param levels the prediction interval levels in percent, e.g. 80 and 95
     * @return one forecast per series id, in the order of {@code history}
     */
    Map<String, Forecast> forecast(String strategy, SeriesSet history, int horizon, double... levels);

    /**
     * Plans replenishment: safety stock, reorder point, order-up-to level and today's order per SKU.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param demandHistory the demand history the policy learns from, one series per SKU
     * @param input the SKUs to plan with their demand, lead times, costs, stock and service target
     * @return the plan, one row per SKU of {@code input}
     */
    ReplenishmentPlan planReplenishment(String strategy, SeriesSet demandHistory, ReplenishmentInput input);

    /**
     * Recommends items the user has not interacted with yet.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param interactions the interactions (purchases, ratings) to learn from
     * @param userId the user; an unknown user gets the strategy's fallback ranking
     * @param count the most items to return, at least 1
     * @return up to {@code count} items, best first, none of them in the user's interactions
     */
    Recommendations recommend(String strategy, Interactions interactions, String userId, int count);

    /**
     * Segments customers.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param transactions the customers' transactions
     * @return the segments' profiles and each customer's segment
     */
    Segments segment(String strategy, Transactions transactions);

    /**
     * Recommends prices.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param history the price and sales observations elasticities are estimated from
     * @param request the products to price, with today's prices, costs and rules
     * @return one recommended price per product of {@code request}
     */
    PriceRecommendations recommendPrices(String strategy, PriceObservations history, PriceRequest request);

    /**
     * Recommends prices under business rules: each price maximises the rules' objective within
     * the minimum margin, maximum change, competitor band, volume floor, ending and size ladder,
     * and says which rule bound it.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param history the price and sales observations elasticities are estimated from
     * @param request the products to price, with today's prices, costs and allowed ranges
     * @param rules the business rules and the objective
     * @return one recommended price per product of {@code request}
     * @throws io.mercator.api.ValidationException naming the row and rules when they leave no price
     */
    PriceRecommendations recommendPrices(String strategy, PriceObservations history, PriceRequest request,
            PricingRules rules);

    /**
     * Recommends a price per product and customer segment, from a history labelled by segment
     * ({@link PriceObservations#withSegments}); see
     * {@link io.mercator.api.pricing.PricingModel#recommendBySegment}.
     *
     * @param strategy the strategy spec, {@code ""} for the default
     * @param history the observations, with segments
     * @param request the products to price
     * @param rules the business rules, including the largest spread between a product's segment prices
     * @param segments the segments to price
     * @return per segment, in the given order, one price per product of {@code request}
     */
    Map<String, PriceRecommendations> recommendPricesBySegment(String strategy, PriceObservations history,
            PriceRequest request, PricingRules rules, List<String> segments);

    /** @return every registered strategy, ordered by family, name and descending version */
    List<StrategyInfo> strategies();

    /**
     * @param family a family
     * @return its registered strategies
     */
    List<StrategyInfo> strategies(Family family);

    /**
     * @param family a family
     * @return its default spec, if one is set
     */
    Optional<String> defaultStrategy(Family family);

    /**
     * Makes {@code spec} the family's default. The setting is written to the home folder's
     * {@code conf/io.mercator.registry.cfg} and survives restarts.
     *
     * @param family the family
     * @param spec {@code name} or {@code name@range}; the strategy need not be registered yet
     */
    void setDefault(Family family, String spec);

    /**
     * The strategy registry itself, for what the methods above do not cover: fitting a model once
     * and keeping it, tuned parameters, similar items, elasticities, markdowns, allocations. Its
     * strategy and model objects come from the runtime's bundles; do not hold them longer than
     * needed, so that an updated bundle's old version can be unloaded. Change defaults through
     * {@link #setDefault}, which also writes them to the home folder; the registry's own
     * {@code setDefault} lasts until restart only.
     *
     * @return the running registry
     */
    StrategyRegistry registry();

    /**
     * The model store ({@code home/data/models} unless {@code io.mercator.store.folder} says
     * otherwise): keeps models fitted through {@link #registry()} across restarts, with the name
     * and version of the strategy that made them. Read a stored model back with that strategy's
     * {@code readModel}.
     *
     * @return the running model store
     */
    ModelStore models();

    /**
     * @return the folder whose strategy bundles are hot-deployed (when hot deployment is on): drop
     *     a jar in under a hidden temporary name and rename it into place
     */
    Path deployFolder();

    /**
     * Stops the runtime: calls in flight finish or are interrupted, the framework stops and every
     * thread it started ends. Idempotent.
     */
    @Override
    void close();
}
