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
 * Writes results in the forms data is imported from, so that an ERP reads them back the way it
 * writes its data: one method per family's result and form. CSV has a header row; JSON is an array
 * of objects with the same names; a database table ({@link TableTarget}) has columns of the same
 * names. A number that is not finite is written empty (CSV) or null (JSON, SQL).
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

    /**
     * Writes forecasts to a table, with the columns of {@link #exportForecasts(Map, Format, OutputStream)}
     * (a dot in a level becomes an underscore: {@code lower_97_5}).
     *
     * @param forecasts forecasts by series id, in the order to write
     * @param target the connection, table and mode
     * @return the rows written
     * @throws io.mercator.api.ValidationException when the connection is unknown, or the table to
     *     append to lacks a column
     * @throws IOException when the database cannot be reached or refuses the rows; the table is
     *     left as it was
     * @since 1.1
     */
    long exportForecasts(Map<String, Forecast> forecasts, TableTarget target) throws IOException;

    /**
     * Writes a replenishment plan to a table (columns as {@link #exportPlan(ReplenishmentPlan, Format,
     * OutputStream)}).
     *
     * @param plan the plan
     * @param target the connection, table and mode
     * @return the rows written
     * @throws IOException as {@link #exportForecasts(Map, TableTarget)}
     * @since 1.1
     */
    long exportPlan(ReplenishmentPlan plan, TableTarget target) throws IOException;

    /**
     * Writes recommendations to a table (columns as {@link #exportRecommendations(Map, Format,
     * OutputStream)}).
     *
     * @param recommendations recommendations by user id, in the order to write
     * @param target the connection, table and mode
     * @return the rows written
     * @throws IOException as {@link #exportForecasts(Map, TableTarget)}
     * @since 1.1
     */
    long exportRecommendations(Map<String, Recommendations> recommendations, TableTarget target) throws IOException;

    /**
     * Writes segment assignments to a table (columns as {@link #exportSegments(SegmentAssignment,
     * Format, OutputStream)}).
     *
     * @param assignment the assignment
     * @param target the connection, table and mode
     * @return the rows written
     * @throws IOException as {@link #exportForecasts(Map, TableTarget)}
     * @since 1.1
     */
    long exportSegments(SegmentAssignment assignment, TableTarget target) throws IOException;

    /**
     * Writes price recommendations to a table (columns as {@link #exportPrices(PriceRecommendations,
     * Format, OutputStream)}).
     *
     * @param prices the recommendations
     * @param target the connection, table and mode
     * @return the rows written
     * @throws IOException as {@link #exportForecasts(Map, TableTarget)}
     * @since 1.1
     */
    long exportPrices(PriceRecommendations prices, TableTarget target) throws IOException;
}
