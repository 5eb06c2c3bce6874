package io.mercator.api.pricing;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.Arrays;

/**
 * Observed prices and sales, one row per product and period: the price charged ({@code price},
 * &gt; 0), the units sold at it ({@code units}, &gt;= 0) and, optionally, whether the product was
 * on promotion ({@code promo}), the location (store) the row was observed at ({@code location})
 * and how strongly the product was featured in advertising ({@code feature}, from 0 to 1).
 *
 * <p>{@code period} is a whole number on an equally spaced time axis chosen by the caller (an
 * epoch day, a week counted from some origin); only order and spacing matter. Several rows may
 * share a product and period (different stores or channels); strategies treat them as separate
 * observations, and when locations are given they may use them for location effects and to
 * compare the prices of several products at the same location and period. Promotion flags,
 * locations and feature values are each either present for every row or absent ({@code null})
 * for the whole data set.
 *
 * <p>Optionally every row also carries the customer segment it was sold to ({@code segment}, see
 * {@link #withSegments}): the segment names of a segmentation model (RFM, k-means, ...) joined to
 * the sales by customer and aggregated per segment, so that strategies can fit demand per product
 * and segment and price per segment.
 *
 * <p>Immutable; the arrays are not copied, so callers must not change them after construction.
 */
public final class PriceObservations {

    private final IdDictionary products;
    private final int[] product;
    private final int[] period;
    private final double[] price;
    private final double[] units;
    private final boolean[] promo;
    private final IdDictionary locations;
    private final int[] location;
    private final double[] feature;
    private final IdDictionary segments;
    private final int[] segment;

    /**
     * @param products the product ids
     * @param product per row, an index into {@code products}
     * @param period per row, the period on the caller's time axis
     * @param price per row, the finite price charged, &gt; 0
     * @param units per row, the finite units sold, &gt;= 0
     * @param promo per row, whether the product was on promotion; or {@code null} when unknown
     * @throws ValidationException naming the field and row at fault
     */
    public PriceObservations(IdDictionary products, int[] product, int[] period, double[] price, double[] units,
            boolean[] promo) {
        this(products, product, period, price, units, promo, null, null, null);
    }

    /**
     * @param products the product ids
     * @param product per row, an index into {@code products}
     * @param period per row, the period on the caller's time axis
     * @param price per row, the finite price charged, &gt; 0
     * @param units per row, the finite units sold, &gt;= 0
     * @param promo per row, whether the product was on promotion; or {@code null} when unknown
     * @param locations the location ids; {@code null} exactly when {@code location} is
     * @param location per row, an index into {@code locations}; or {@code null} when unknown
     * @param feature per row, how strongly the product was advertised, from 0 (not at all) to 1;
     *     or {@code null} when unknown
     * @throws ValidationException naming the field and row at fault
     */
    public PriceObservations(IdDictionary products, int[] product, int[] period, double[] price, double[] units,
            boolean[] promo, IdDictionary locations, int[] location, double[] feature) {
        this.products = Columns.requireDictionary("products", products);
        if (product == null) {
            throw new ValidationException("product", "column is missing");
        }
        int rows = product.length;
        Columns.requireIndices("product", product, products);
        Columns.requireLength("period", period, rows);
        Columns.requireAbove("price", Columns.requireLength("price", price, rows), 0.0);
        Columns.requireAtLeast("units", Columns.requireLength("units", units, rows), 0.0);
        if (promo != null) {
            Columns.requireLength("promo", promo, rows);
        }
        if ((locations == null) != (location == null)) {
            throw new ValidationException(locations == null ? "locations" : "location",
                    "locations and the location column must both be given or both be absent");
        }
        if (location != null) {
            Columns.requireIndices("location", Columns.requireLength("location", location, rows), locations);
        }
        if (feature != null) {
            Columns.requireWithin("feature", Columns.requireLength("feature", feature, rows), 0.0, 1.0);
        }
        this.locations = locations;
        this.location = location;
        this.feature = feature;
        this.segments = null;
        this.segment = null;
        this.product = product;
        this.period = period;
        this.price = price;
        this.units = units;
        this.promo = promo;
    }

    private PriceObservations(PriceObservations rows, IdDictionary segments, int[] segment) {
        this.products = rows.products;
        this.product = rows.product;
        this.period = rows.period;
        this.price = rows.price;
        this.units = rows.units;
        this.promo = rows.promo;
        this.locations = rows.locations;
        this.location = rows.location;
        this.feature = rows.feature;
        this.segments = segments;
        this.segment = segment;
    }

    /**
     * The same rows labelled by customer segment.
     *
     * @param segments the segment ids
     * @param segment per row, an index into {@code segments}
     * @return a copy of these observations with the segment column
     * @throws ValidationException naming {@code segment} and the row at fault, or {@code segments}
     *     when missing
     * @since 1.1
     */
    public PriceObservations withSegments(IdDictionary segments, int[] segment) {
        Columns.requireDictionary("segments", segments);
        Columns.requireIndices("segment", Columns.requireLength("segment", segment, size()), segments);
        return new PriceObservations(this, segments, segment);
    }

    /**
     * @return whether every row carries a customer segment
     * @since 1.1
     */
    public boolean hasSegments() {
        return segment != null;
    }

    /**
     * @return the segment ids
     * @throws IllegalStateException when the data has no segments
     * @since 1.1
     */
    public IdDictionary segments() {
        if (segments == null) {
            throw new IllegalStateException("these observations have no segments");
        }
        return segments;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the segment index of that row, into {@link #segments()}
     * @throws IllegalStateException when the data has no segments
     * @since 1.1
     */
    public int segment(int row) {
        if (segment == null) {
            throw new IllegalStateException("these observations have no segments");
        }
        return segment[row];
    }

    /** @return a builder that appends observations one by one */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the product ids */
    public IdDictionary products() {
        return products;
    }

    /** @return the number of rows */
    public int size() {
        return product.length;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the product index of that row, into {@link #products()}
     */
    public int product(int row) {
        return product[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the period of that row
     */
    public int period(int row) {
        return period[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the price charged
     */
    public double price(int row) {
        return price[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the units sold
     */
    public double units(int row) {
        return units[row];
    }

    /** @return whether every row carries a promotion flag */
    public boolean hasPromo() {
        return promo != null;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return whether the product was on promotion in that row
     * @throws IllegalStateException when the data has no promotion flags
     */
    public boolean promo(int row) {
        if (promo == null) {
            throw new IllegalStateException("these observations have no promotion flags");
        }
        return promo[row];
    }

    /** @return whether every row carries a location */
    public boolean hasLocations() {
        return location != null;
    }

    /**
     * @return the location ids
     * @throws IllegalStateException when the data has no locations
     */
    public IdDictionary locations() {
        if (locations == null) {
            throw new IllegalStateException("these observations have no locations");
        }
        return locations;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the location index of that row, into {@link #locations()}
     * @throws IllegalStateException when the data has no locations
     */
    public int location(int row) {
        if (location == null) {
            throw new IllegalStateException("these observations have no locations");
        }
        return location[row];
    }

    /** @return whether every row carries a feature (advertising) value */
    public boolean hasFeature() {
        return feature != null;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return how strongly the product was advertised in that row, from 0 to 1
     * @throws IllegalStateException when the data has no feature values
     */
    public double feature(int row) {
        if (feature == null) {
            throw new IllegalStateException("these observations have no feature values");
        }
        return feature[row];
    }

    /**
     * Appends observations one by one, interning product ids; grows its arrays geometrically.
     * Rows are added in one of three shapes, and every row must have the same shape: without
     * promotion flag, with one, or with promotion flag, location and feature value. Not
     * thread-safe.
     */
    public static final class Builder {
        private final IdDictionary.Builder products = new IdDictionary.Builder("products");
        private final IdDictionary.Builder locations = new IdDictionary.Builder("locations");
        private int[] location = new int[256];
        private double[] feature = new double[256];
        private boolean located;
        private int[] product = new int[256];
        private int[] period = new int[256];
        private double[] price = new double[256];
        private double[] units = new double[256];
        private boolean[] promo = new boolean[256];
        private int rows;
        private boolean flagged;

        private Builder() {
        }

        /**
         * Appends an observation without a promotion flag.
         *
         * @param productId a non-blank product id
         * @param period the period on the caller's time axis
         * @param price the price charged (checked by {@link #build()})
         * @param units the units sold (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when the id is blank or earlier rows have a promotion flag
         */
        public Builder add(String productId, int period, double price, double units) {
            append(productId, period, price, units, false, false, false);
            return this;
        }

        /**
         * Appends an observation with a promotion flag.
         *
         * @param productId a non-blank product id
         * @param period the period on the caller's time axis
         * @param price the price charged (checked by {@link #build()})
         * @param units the units sold (checked by {@link #build()})
         * @param promo whether the product was on promotion
         * @return this builder
         * @throws ValidationException when the id is blank or earlier rows have no promotion flag
         */
        public Builder add(String productId, int period, double price, double units, boolean promo) {
            append(productId, period, price, units, promo, true, false);
            return this;
        }

        /**
         * Appends an observation with promotion flag, location and feature value.
         *
         * @param productId a non-blank product id
         * @param locationId a non-blank location (store) id
         * @param period the period on the caller's time axis
         * @param price the price charged (checked by {@link #build()})
         * @param units the units sold (checked by {@link #build()})
         * @param promo whether the product was on promotion
         * @param feature how strongly the product was advertised, from 0 to 1 (checked by
         *     {@link #build()})
         * @return this builder
         * @throws ValidationException when an id is blank or earlier rows have another shape
         */
        public Builder add(String productId, String locationId, int period, double price, double units, boolean promo,
                double feature) {
            checkShape(true, true);
            int l = locations.add(locationId, rows);
            append(productId, period, price, units, promo, true, true);
            location[rows - 1] = l;
            this.feature[rows - 1] = feature;
            return this;
        }

        /** Every row must have the shape of the first: with or without promotion flag and location. */
        private void checkShape(boolean hasFlag, boolean hasLocation) {
            if (rows > 0 && hasLocation != located) {
                throw new ValidationException("location", rows, hasLocation
                        ? "earlier rows have no location; locate all rows or none"
                        : "is missing; earlier rows have one");
            }
            if (rows > 0 && hasFlag != flagged) {
                throw new ValidationException("promo", rows, hasFlag
                        ? "earlier rows have no promotion flag; flag all rows or none"
                        : "is missing; earlier rows have one");
            }
        }

        private void append(String productId, int rowPeriod, double rowPrice, double rowUnits, boolean rowPromo,
                boolean hasFlag, boolean hasLocation) {
            checkShape(hasFlag, hasLocation);
            located = hasLocation;
            flagged = hasFlag;
            int p = products.add(productId, rows);
            if (rows == product.length) {
                int capacity = rows * 2;
                product = Arrays.copyOf(product, capacity);
                period = Arrays.copyOf(period, capacity);
                price = Arrays.copyOf(price, capacity);
                units = Arrays.copyOf(units, capacity);
                promo = Arrays.copyOf(promo, capacity);
                location = Arrays.copyOf(location, capacity);
                feature = Arrays.copyOf(feature, capacity);
            }
            product[rows] = p;
            period[rows] = rowPeriod;
            price[rows] = rowPrice;
            units[rows] = rowUnits;
            promo[rows] = rowPromo;
            rows++;
        }

        /** @return the number of rows so far */
        public int size() {
            return rows;
        }

        /**
         * @return the validated observations
         * @throws ValidationException naming the field and row of the first bad value
         */
        public PriceObservations build() {
            return new PriceObservations(products.build(), Arrays.copyOf(product, rows), Arrays.copyOf(period, rows),
                    Arrays.copyOf(price, rows), Arrays.copyOf(units, rows),
                    flagged ? Arrays.copyOf(promo, rows) : null, located ? locations.build() : null,
                    located ? Arrays.copyOf(location, rows) : null, located ? Arrays.copyOf(feature, rows) : null);
        }
    }
}
