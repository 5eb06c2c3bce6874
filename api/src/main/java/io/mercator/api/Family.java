package io.mercator.api;

import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.optimization.ReplenishmentStrategy;
import io.mercator.api.pricing.PricingStrategy;
import io.mercator.api.segmentation.SegmentationStrategy;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The five algorithm families. Each has one strategy service interface. */
public enum Family {
    /** Recommendations: top-N items, similar items, predicted scores. */
    FILTERING("filtering", RecommenderStrategy.class),
    /** Demand forecasts with prediction intervals. */
    FORECASTING("forecasting", ForecastStrategy.class),
    /** Inventory replenishment: safety stock, reorder points, order quantities. */
    OPTIMIZATION("optimization", ReplenishmentStrategy.class),
    /** Customer segments and propensities. */
    SEGMENTATION("segmentation", SegmentationStrategy.class),
    /** Price elasticities and recommended prices. */
    PRICING("pricing", PricingStrategy.class);

    private final String id;
    private final Class<? extends Strategy<?, ?>> strategyType;

    Family(String id, Class<? extends Strategy<?, ?>> strategyType) {
        this.id = id;
        this.strategyType = strategyType;
    }

    /** @return the lower-case name used in service properties, URLs and the CLI */
    public String id() {
        return id;
    }

    /** @return the service interface that strategies of this family register under */
    public Class<? extends Strategy<?, ?>> strategyType() {
        return strategyType;
    }

    /**
     * @param id a family id such as {@code "forecasting"} (case-insensitive)
     * @return the family
     * @throws ValidationException naming the valid ids when {@code id} is not one of them
     */
    public static Family fromId(String id) {
        for (Family family : values()) {
            if (family.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return family;
            }
        }
        throw new ValidationException("family", "'" + id + "' is not a family; expected one of "
                + Arrays.stream(values()).map(Family::id).collect(Collectors.joining(", ")));
    }
}
