package io.mercator.demo;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A generated retailer: catalogue, stores, daily demand per product and store, loyalty-card
 * transactions, interactions, and the planted truth. Columnar: one primitive array per column.
 */
public final class Retailer {

    final RetailerSpec spec;
    // catalogue
    final String[] skuIds;
    final String[] names;
    final Category[] categories;
    final String[] brands;
    final String[] sizes;
    final double[] unitCost;
    final double[] listPrice;
    // truth about products
    final double[] elasticity;
    final int[] substitute;
    final double[] crossElasticity;
    final double[] promotionLift;
    final double[] baseDemand;
    // stores
    final String[] storeIds;
    final double[] storeFactor;
    final double[] leadTimeMean;
    final double[] leadTimeSd;
    // prices over time: [sku][day]
    final double[][] price;
    final boolean[][] promoted;
    // demand: [store][sku][day]
    final int[][][] units;
    // customers
    final String[] customerIds;
    final Segment[] segments;
    final int[] lastActiveDay;
    final Columns.Transactions transactions;
    final Columns.Interactions interactions;

    Retailer(RetailerSpec spec, String[] skuIds, String[] names, Category[] categories, String[] brands,
            String[] sizes, double[] unitCost, double[] listPrice, double[] elasticity, int[] substitute,
            double[] crossElasticity, double[] promotionLift, double[] baseDemand, String[] storeIds,
            double[] storeFactor, double[] leadTimeMean, double[] leadTimeSd, double[][] price,
            boolean[][] promoted, int[][][] units, String[] customerIds, Segment[] segments, int[] lastActiveDay,
            Columns.Transactions transactions, Columns.Interactions interactions) {
        this.spec = spec;
        this.skuIds = skuIds;
        this.names = names;
        this.categories = categories;
        this.brands = brands;
        this.sizes = sizes;
        this.unitCost = unitCost;
        this.listPrice = listPrice;
        this.elasticity = elasticity;
        this.substitute = substitute;
        this.crossElasticity = crossElasticity;
        this.promotionLift = promotionLift;
        this.baseDemand = baseDemand;
        this.storeIds = storeIds;
        this.storeFactor = storeFactor;
        this.leadTimeMean = leadTimeMean;
        this.leadTimeSd = leadTimeSd;
        this.price = price;
        this.promoted = promoted;
        this.units = units;
        this.customerIds = customerIds;
        this.segments = segments;
        this.lastActiveDay = lastActiveDay;
        this.transactions = transactions;
        this.interactions = interactions;
    }

    /** @return the spec it was generated from */
    public RetailerSpec spec() {
        return spec;
    }

    /** @return the product ids */
    public String[] skuIds() {
        return skuIds.clone();
    }

    /** @return the store ids */
    public String[] storeIds() {
        return storeIds.clone();
    }

    /** @return the customer ids */
    public String[] customerIds() {
        return customerIds.clone();
    }

    /**
     * @param sku a product index
     * @return its display name
     */
    public String productName(int sku) {
        return names[sku];
    }

    /**
     * @param sku a product index
     * @return the label of its category, e.g. "dairy"
     */
    public String category(int sku) {
        return categories[sku].label;
    }

    /**
     * @param sku a product index
     * @return its planted own-price elasticity
     */
    public double elasticity(int sku) {
        return elasticity[sku];
    }

    /**
     * @param customer a customer index
     * @return its planted segment
     */
    public Segment segment(int customer) {
        return segments[customer];
    }

    /**
     * @param store a store index
     * @param sku a product index
     * @return a copy of the daily units sold
     */
    public int[] units(int store, int sku) {
        return units[store][sku].clone();
    }

    /**
     * @param sku a product index
     * @return a copy of the daily shelf price
     */
    public double[] prices(int sku) {
        return price[sku].clone();
    }

    /**
     * @param sku a product index
     * @return a copy of the daily promotion flags
     */
    public boolean[] promotions(int sku) {
        return promoted[sku].clone();
    }

    /** @return the number of transaction lines */
    public int transactionLines() {
        return transactions.size();
    }

    /** @return the number of interactions */
    public int interactionCount() {
        return interactions.size();
    }

    /**
     * @param day a day index
     * @return its date
     */
    public LocalDate date(int day) {
        return spec.start().plusDays(day);
    }

    @Override
    public String toString() {
        return "Retailer[" + spec + ", " + transactions.size() + " transaction lines, " + interactions.size()
                + " interactions, " + Arrays.stream(units).mapToLong(s -> Arrays.stream(s)
                        .mapToLong(d -> Arrays.stream(d).asLongStream().sum()).sum()).sum() + " units sold]";
    }
}
