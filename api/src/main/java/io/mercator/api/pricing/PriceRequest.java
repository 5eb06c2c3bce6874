package io.mercator.api.pricing;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.Arrays;

/**
 * The products to price and their constraints, one row per product (row {@code r} is
 * {@code products().id(r)}): {@code unitCost} (&gt;= 0), {@code currentPrice} (&gt; 0) and the
 * allowed range {@code [minPrice, maxPrice]} (0 &lt; minPrice &lt;= maxPrice) and, optionally, a
 * competitor's price for the same product ({@code competitorPrice}, &gt; 0, or NaN where unknown)
 * that {@link PricingRules} can bound the price by, and, optionally, the product's size group
 * ({@code sizeGroup}, the same id for the sizes of one product, or {@code null} when it has no
 * other sizes) with its size in that group ({@code size}, &gt; 0, in any unit shared by the group,
 * such as ounces) that {@link PricingRules#sizeLadder()} keeps consistent. The current price need
 * not lie inside the range. Immutable; the arrays are not copied, so callers must not change
 * them after construction.
 */
public final class PriceRequest {

    private final IdDictionary products;
    private final double[] unitCost;
    private final double[] currentPrice;
    private final double[] minPrice;
    private final double[] maxPrice;
    private final double[] competitorPrice;
    private final String[] sizeGroup;
    private final double[] size;

    /**
     * @param products the products, one per row
     * @param unitCost cost of one unit, finite and &gt;= 0
     * @param currentPrice the price charged now, finite and &gt; 0
     * @param minPrice lowest allowed price, finite and &gt; 0
     * @param maxPrice highest allowed price, finite and &gt;= {@code minPrice}
     * @throws ValidationException naming the field and row at fault
     */
    public PriceRequest(IdDictionary products, double[] unitCost, double[] currentPrice, double[] minPrice,
            double[] maxPrice) {
        this(products, unitCost, currentPrice, minPrice, maxPrice, null);
    }

    /**
     * @param products the products, one per row
     * @param unitCost cost of one unit, finite and &gt;= 0
     * @param currentPrice the price charged now, finite and &gt; 0
     * @param minPrice lowest allowed price, finite and &gt; 0
     * @param maxPrice highest allowed price, finite and &gt;= {@code minPrice}
     * @param competitorPrice a competitor's price, finite and &gt; 0, or NaN where unknown; or
     *     {@code null} when no product has one
     * @throws ValidationException naming the field and row at fault
     */
    public PriceRequest(IdDictionary products, double[] unitCost, double[] currentPrice, double[] minPrice,
            double[] maxPrice, double[] competitorPrice) {
        this(products, unitCost, currentPrice, minPrice, maxPrice, competitorPrice, null, null);
    }

    /**
     * @param products the products, one per row
     * @param unitCost cost of one unit, finite and &gt;= 0
     * @param currentPrice the price charged now, finite and &gt; 0
     * @param minPrice lowest allowed price, finite and &gt; 0
     * @param maxPrice highest allowed price, finite and &gt;= {@code minPrice}
     * @param competitorPrice a competitor's price, finite and &gt; 0, or NaN where unknown; or
     *     {@code null} when no product has one
     * @param sizeGroup per row, a non-blank id shared by the sizes of the same product, or
     *     {@code null} for a product without other sizes; or {@code null} when no product has one
     * @param size per row, the product's size, finite and &gt; 0 where {@code sizeGroup} is given
     *     (ignored elsewhere); {@code null} exactly when {@code sizeGroup} is
     * @throws ValidationException naming the field and row at fault
     */
    public PriceRequest(IdDictionary products, double[] unitCost, double[] currentPrice, double[] minPrice,
            double[] maxPrice, double[] competitorPrice, String[] sizeGroup, double[] size) {
        this.products = Columns.requireDictionary("products", products);
        int rows = products.size();
        Columns.requireAtLeast("unitCost", Columns.requireLength("unitCost", unitCost, rows), 0.0);
        Columns.requireAbove("currentPrice", Columns.requireLength("currentPrice", currentPrice, rows), 0.0);
        Columns.requireAbove("minPrice", Columns.requireLength("minPrice", minPrice, rows), 0.0);
        Columns.requireAbove("maxPrice", Columns.requireLength("maxPrice", maxPrice, rows), 0.0);
        for (int row = 0; row < rows; row++) {
            if (maxPrice[row] < minPrice[row]) {
                throw new ValidationException("maxPrice", row, maxPrice[row] + " is below the minimum price " + minPrice[row]);
            }
        }
        if (competitorPrice != null) {
            Columns.requireLength("competitorPrice", competitorPrice, rows);
            for (int row = 0; row < rows; row++) {
                double competitor = competitorPrice[row];
                if (!Double.isNaN(competitor) && !(competitor > 0 && competitor < Double.POSITIVE_INFINITY)) {
                    throw new ValidationException("competitorPrice", row, competitor
                            + " must be a finite number > 0, or NaN when unknown");
                }
            }
        }
        if ((sizeGroup == null) != (size == null)) {
            throw new ValidationException(sizeGroup == null ? "sizeGroup" : "size",
                    "size groups and sizes must both be given or both be absent");
        }
        if (sizeGroup != null) {
            Columns.requireLength("sizeGroup", sizeGroup, rows);
            Columns.requireLength("size", size, rows);
            for (int row = 0; row < rows; row++) {
                if (sizeGroup[row] == null) {
                    continue;
                }
                if (sizeGroup[row].isBlank()) {
                    throw new ValidationException("sizeGroup", row, "is blank; use null for a product without sizes");
                }
                if (!(size[row] > 0 && size[row] < Double.POSITIVE_INFINITY)) {
                    throw new ValidationException("size", row, size[row] + " must be a finite number > 0 in size group '"
                            + sizeGroup[row] + "'");
                }
            }
        }
        this.sizeGroup = sizeGroup;
        this.size = size;
        this.competitorPrice = competitorPrice;
        this.unitCost = unitCost;
        this.currentPrice = currentPrice;
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
    }

    /** @return a builder that appends products one by one */
    public static Builder builder() {
        return new Builder();
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
     * @return cost of one unit
     */
    public double unitCost(int row) {
        return unitCost[row];
    }

    /**
     * @param row a product index
     * @return the price charged now
     */
    public double currentPrice(int row) {
        return currentPrice[row];
    }

    /**
     * @param row a product index
     * @return the lowest allowed price
     */
    public double minPrice(int row) {
        return minPrice[row];
    }

    /**
     * @param row a product index
     * @return the highest allowed price
     */
    public double maxPrice(int row) {
        return maxPrice[row];
    }

    /**
     * @param row a product index
     * @return a competitor's price for the product, or NaN when unknown
     */
    public double competitorPrice(int row) {
        return competitorPrice == null ? Double.NaN : competitorPrice[row];
    }

    /** @return whether any product has a size group */
    public boolean hasSizes() {
        return sizeGroup != null;
    }

    /**
     * @param row a product index
     * @return the id shared by the product's sizes, or {@code null} when it has none
     */
    public String sizeGroup(int row) {
        return sizeGroup == null ? null : sizeGroup[row];
    }

    /**
     * @param row a product index
     * @return the product's size in its size group, or NaN when it has no size group
     */
    public double size(int row) {
        return sizeGroup(row) == null ? Double.NaN : size[row];
    }

    /** Appends products one by one; grows its arrays geometrically. Not thread-safe. */
    public static final class Builder {
        private final IdDictionary.Builder products = new IdDictionary.Builder("products");
        private double[] unitCost = new double[64];
        private double[] currentPrice = new double[64];
        private double[] minPrice = new double[64];
        private double[] maxPrice = new double[64];
        private double[] competitorPrice = new double[64];
        private String[] sizeGroup = new String[64];
        private double[] size = new double[64];
        private boolean sized;
        private int rows;

        private Builder() {
        }

        /**
         * @param productId a product id not added before
         * @param unitCost cost of one unit (checked by {@link #build()})
         * @param currentPrice the price charged now (checked by {@link #build()})
         * @param minPrice lowest allowed price (checked by {@link #build()})
         * @param maxPrice highest allowed price (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when the id is blank or was already added
         */
        public Builder add(String productId, double unitCost, double currentPrice, double minPrice, double maxPrice) {
            return add(productId, unitCost, currentPrice, minPrice, maxPrice, Double.NaN);
        }

        /**
         * @param productId a product id not added before
         * @param unitCost cost of one unit (checked by {@link #build()})
         * @param currentPrice the price charged now (checked by {@link #build()})
         * @param minPrice lowest allowed price (checked by {@link #build()})
         * @param maxPrice highest allowed price (checked by {@link #build()})
         * @param competitorPrice a competitor's price, or NaN when unknown (checked by
         *     {@link #build()})
         * @return this builder
         * @throws ValidationException when the id is blank or was already added
         */
        public Builder add(String productId, double unitCost, double currentPrice, double minPrice, double maxPrice,
                double competitorPrice) {
            return add(productId, unitCost, currentPrice, minPrice, maxPrice, competitorPrice, null, Double.NaN);
        }

        /**
         * @param productId a product id not added before
         * @param unitCost cost of one unit (checked by {@link #build()})
         * @param currentPrice the price charged now (checked by {@link #build()})
         * @param minPrice lowest allowed price (checked by {@link #build()})
         * @param maxPrice highest allowed price (checked by {@link #build()})
         * @param competitorPrice a competitor's price, or NaN when unknown (checked by
         *     {@link #build()})
         * @param sizeGroup the id shared by the product's sizes, or {@code null} when it has none
         * @param size the product's size in that group (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when the id is blank or was already added
         */
        public Builder add(String productId, double unitCost, double currentPrice, double minPrice, double maxPrice,
                double competitorPrice, String sizeGroup, double size) {
            if (products.add(productId, rows) != rows) {
                throw new ValidationException("products", rows, "id '" + productId + "' was already added");
            }
            if (rows == this.unitCost.length) {
                int capacity = rows * 2;
                this.unitCost = Arrays.copyOf(this.unitCost, capacity);
                this.currentPrice = Arrays.copyOf(this.currentPrice, capacity);
                this.minPrice = Arrays.copyOf(this.minPrice, capacity);
                this.maxPrice = Arrays.copyOf(this.maxPrice, capacity);
                this.competitorPrice = Arrays.copyOf(this.competitorPrice, capacity);
                this.sizeGroup = Arrays.copyOf(this.sizeGroup, capacity);
                this.size = Arrays.copyOf(this.size, capacity);
            }
            this.sizeGroup[rows] = sizeGroup;
            this.size[rows] = size;
            sized |= sizeGroup != null;
            this.unitCost[rows] = unitCost;
            this.currentPrice[rows] = currentPrice;
            this.minPrice[rows] = minPrice;
            this.maxPrice[rows] = maxPrice;
            this.competitorPrice[rows] = competitorPrice;
            rows++;
            return this;
        }

        /** @return the number of rows so far */
        public int size() {
            return rows;
        }

        /**
         * @return the validated request
         * @throws ValidationException naming the field and row of the first bad value
         */
        public PriceRequest build() {
            return new PriceRequest(products.build(), Arrays.copyOf(unitCost, rows), Arrays.copyOf(currentPrice, rows),
                    Arrays.copyOf(minPrice, rows), Arrays.copyOf(maxPrice, rows), Arrays.copyOf(competitorPrice, rows),
                    sized ? Arrays.copyOf(sizeGroup, rows) : null, sized ? Arrays.copyOf(size, rows) : null);
        }
    }
}
