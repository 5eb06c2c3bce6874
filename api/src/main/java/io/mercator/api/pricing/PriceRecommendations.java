package io.mercator.api.pricing;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;

/**
 * Recommended prices for the products of a {@link PriceRequest}, row for row in the same order
 * ({@code products()} equals the request's). Expected values are per period of the observations
 * the model was fitted on. The columns are:
 * <ul>
 * <li>{@code price}: the recommended price, finite and &gt; 0;</li>
 * <li>{@code expectedUnits}: units expected to sell at that price, &gt;= 0;</li>
 * <li>{@code expectedRevenue}: price times expected units, &gt;= 0;</li>
 * <li>{@code expectedProfit}: revenue minus unit cost times expected units, finite (negative
 * when the price is below cost);</li>
 * <li>{@code bindingRule}: what limited the price, one of the constants of this class or a
 * strategy-specific word such as {@code "rounding"} or {@code "maxChange"};</li>
 * <li>{@code error}: only when the rules asked for {@link PricingRules#rowErrors() row errors},
 * why a row could not be priced (null for the rows that were). Such a row keeps its current
 * price, its {@code bindingRule} is {@link #ERROR}, and its expected values are those at the
 * current price, or 0 when the product's demand is unknown.</li>
 * </ul>
 * Immutable; the arrays are copied on the way in and out.
 */
public final class PriceRecommendations {

    /** The price is the unconstrained optimum. */
    public static final String NONE = "none";
    /** The optimum was below the minimum price and was raised to it. */
    public static final String MIN_PRICE = "minPrice";
    /** The optimum was above the maximum price and was lowered to it. */
    public static final String MAX_PRICE = "maxPrice";
    /** The price was raised to keep the minimum margin of the {@link PricingRules}. */
    public static final String MIN_MARGIN = "minMargin";
    /** The price was held within the maximum change from the current price. */
    public static final String MAX_CHANGE = "maxChange";
    /** The price was held within the range relative to the competitor's price. */
    public static final String COMPETITOR = "competitor";
    /** The price was held low enough to keep the volume floor of the {@link PricingRules}. */
    public static final String VOLUME_FLOOR = "volumeFloor";
    /**
     * The price was moved from the product's own optimum to keep the size ladder of its size
     * group (see {@link PricingRules#sizeLadder()}).
     */
    public static final String SIZE_LADDER = "sizeLadder";
    /**
     * The price was moved from the segment's own optimum to keep the product's segment prices
     * within {@link PricingRules#maxSegmentSpread()} of each other.
     *
     * @since 1.1
     */
    public static final String SEGMENT_SPREAD = "segmentSpread";
    /** The row could not be priced and keeps its current price; {@code error(row)} says why. */
    public static final String ERROR = "error";
    /**
     * The optimum was moved to the better of the nearest price points of the
     * {@link PricingRules#pricePoints() price ladder}.
     *
     * @since 1.1
     */
    public static final String PRICE_POINT = "pricePoint";
    /** The optimum was moved to the nearest allowed price ending (such as .99). */
    public static final String PRICE_ENDING = "priceEnding";

    private final IdDictionary products;
    private final double[] price;
    private final double[] expectedUnits;
    private final double[] expectedRevenue;
    private final double[] expectedProfit;
    private final String[] bindingRule;
    private final String[] error;

    /**
     * Checks and copies the columns; see the class description for their meaning and ranges.
     *
     * @param products the products of the request, one per row
     * @param price recommended price per product
     * @param expectedUnits expected units per product
     * @param expectedRevenue expected revenue per product
     * @param expectedProfit expected profit per product
     * @param bindingRule non-blank name of the rule that limited the price, per product
     * @throws io.mercator.api.ValidationException naming the field and row at fault
     */
    public PriceRecommendations(IdDictionary products, double[] price, double[] expectedUnits,
            double[] expectedRevenue, double[] expectedProfit, String[] bindingRule) {
        this(products, price, expectedUnits, expectedRevenue, expectedProfit, bindingRule, null);
    }

    /**
     * Checks and copies the columns; see the class description for their meaning and ranges.
     *
     * @param products the products of the request, one per row
     * @param price recommended price per product
     * @param expectedUnits expected units per product
     * @param expectedRevenue expected revenue per product
     * @param expectedProfit expected profit per product
     * @param bindingRule non-blank name of the rule that limited the price, per product
     * @param error per product, why it could not be priced, or null where it was; or
     *     {@code null} when every row was priced
     * @throws io.mercator.api.ValidationException naming the field and row at fault, including a
     *     row with an error whose binding rule is not {@link #ERROR} or the other way round
     */
    public PriceRecommendations(IdDictionary products, double[] price, double[] expectedUnits,
            double[] expectedRevenue, double[] expectedProfit, String[] bindingRule, String[] error) {
        this.products = Columns.requireDictionary("products", products);
        int rows = products.size();
        this.price = Columns.requireLength("price", price, rows).clone();
        Columns.requireAbove("price", this.price, 0.0);
        this.expectedUnits = Columns.requireLength("expectedUnits", expectedUnits, rows).clone();
        Columns.requireAtLeast("expectedUnits", this.expectedUnits, 0.0);
        this.expectedRevenue = Columns.requireLength("expectedRevenue", expectedRevenue, rows).clone();
        Columns.requireAtLeast("expectedRevenue", this.expectedRevenue, 0.0);
        this.expectedProfit = Columns.requireLength("expectedProfit", expectedProfit, rows).clone();
        Columns.requireFinite("expectedProfit", this.expectedProfit);
        this.bindingRule = Columns.requireLength("bindingRule", bindingRule, rows).clone();
        Columns.requireNonBlank("bindingRule", this.bindingRule);
        this.error = error == null ? null : Columns.requireLength("error", error, rows).clone();
        for (int row = 0; row < rows; row++) {
            boolean failed = this.error != null && this.error[row] != null;
            if (failed != ERROR.equals(this.bindingRule[row])) {
                throw new ValidationException("error", row, failed
                        ? "a row with an error must have the binding rule '" + ERROR + "'"
                        : "a row with the binding rule '" + ERROR + "' needs its error message");
            }
        }
    }

    /** @return the products; row {@code r} is {@code products().id(r)} */
    public IdDictionary products() {
        return products;
    }

    /** @return the number of products */
    public int size() {
        return products.size();
    }

    /**
     * @param row a product index
     * @return the recommended price
     */
    public double price(int row) {
        return price[row];
    }

    /**
     * @param row a product index
     * @return units expected to sell per period at the recommended price
     */
    public double expectedUnits(int row) {
        return expectedUnits[row];
    }

    /**
     * @param row a product index
     * @return expected revenue per period
     */
    public double expectedRevenue(int row) {
        return expectedRevenue[row];
    }

    /**
     * @param row a product index
     * @return expected profit per period
     */
    public double expectedProfit(int row) {
        return expectedProfit[row];
    }

    /**
     * @param row a product index
     * @return the rule that limited the price, e.g. {@link #NONE} or {@link #MAX_PRICE}
     */
    public String bindingRule(int row) {
        return bindingRule[row];
    }

    /**
     * @param row a product index
     * @return why the row could not be priced, or {@code null} when it was
     */
    public String error(int row) {
        return error == null ? null : error[row];
    }

    /** @return the number of rows that could not be priced */
    public int errorCount() {
        int count = 0;
        for (int row = 0; error != null && row < error.length; row++) {
            count += error[row] == null ? 0 : 1;
        }
        return count;
    }

    /** @return a copy of the price column */
    public double[] price() {
        return price.clone();
    }

    /** @return a copy of the expected units column */
    public double[] expectedUnits() {
        return expectedUnits.clone();
    }

    /** @return a copy of the expected revenue column */
    public double[] expectedRevenue() {
        return expectedRevenue.clone();
    }

    /** @return a copy of the expected profit column */
    public double[] expectedProfit() {
        return expectedProfit.clone();
    }

    /** @return a copy of the binding rule column */
    public String[] bindingRule() {
        return bindingRule.clone();
    }
}
