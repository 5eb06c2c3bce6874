package io.mercator.api.datasets;

import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.segmentation.SegmentAssignment;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes results in the formats data is imported from, so that an ERP reads them back the way it
 * writes its data: one method per family's result. CSV has a header row; JSON is an array of
 * objects with the same names; a number that is not finite is written empty (CSV) or null (JSON).
 */
@ProviderType
public interface ResultExporter {

    /**
     * Writes forecasts in long format: {@code series_id, step, mean} and, per interval level
     * {@code L} (as a percentage), {@code lower_L, upper_L}.
     *
     * @param forecasts forecasts by series id, in the order to write
     * @param format CSV or JSON
     * @param out where to write (UTF-8); not closed
     * @throws IOException when writing fails
     */
    void exportForecasts(Map<String, Forecast> forecasts, Format format, OutputStream out) throws IOException;

    /**
     * Writes a replenishment plan, one row per SKU: {@code sku, safety_stock, reorder_point,
     * order_up_to, order_quantity, expected_fill_rate, expected_cost, binding_constraint}.
     *
     * @param plan the plan
     * @param format CSV or JSON
     * @param out where to write (UTF-8); not closed
     * @throws IOException when writing fails
     */
    void exportPlan(ReplenishmentPlan plan, Format format, OutputStream out) throws IOException;

    /**
     * Writes recommendations, one row per user and rank: {@code user_id, rank, item_id, score}.
     *
     * @param recommendations recommendations by user id, in the order to write
     * @param format CSV or JSON
     * @param out where to write (UTF-8); not closed
     * @throws IOException when writing fails
     */
    void exportRecommendations(Map<String, Recommendations> recommendations, Format format, OutputStream out)
            throws IOException;

    /**
     * Writes segment assignments, one row per customer: {@code customer_id, segment}.
     *
     * @param assignment the assignment
     * @param format CSV or JSON
     * @param out where to write (UTF-8); not closed
     * @throws IOException when writing fails
     */
    void exportSegments(SegmentAssignment assignment, Format format, OutputStream out) throws IOException;

    /**
     * Writes price recommendations, one row per product: {@code product, price, expected_units,
     * expected_revenue, expected_profit, binding_rule, error} (the last empty when the product was
     * priced).
     *
     * @param prices the recommendations
     * @param format CSV or JSON
     * @param out where to write (UTF-8); not closed
     * @throws IOException when writing fails
     */
    void exportPrices(PriceRecommendations prices, Format format, OutputStream out) throws IOException;
}
