package io.mercator.demo;

import io.mercator.api.filtering.Interactions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.segmentation.Transactions;

/**
 * The generated retailer as each family's data set, in the API's columnar types, so that every
 * family's strategies can be trained on it directly.
 */
public final class RetailerDatasets {

    /** Days per season of the daily demand series: the weekly cycle. */
    public static final int WEEK = 7;
    /** Annual holding cost as a share of unit cost, spread over days. */
    private static final double HOLDING_RATE_PER_DAY = 0.25 / 365;
    private static final double ORDERING_COST = 25;
    private static final double CASE_PACK = 6;

    private final Retailer retailer;

    /** @param retailer the generated retailer */
    public RetailerDatasets(Retailer retailer) {
        this.retailer = retailer;
    }

    /** @return daily units of every product in every store, one series {@code store/sku} each, weekly season */
    public SeriesSet demand() {
        SeriesSet.Builder builder = SeriesSet.builder(WEEK);
        for (int store = 0; store < retailer.storeIds.length; store++) {
            for (int sku = 0; sku < retailer.skuIds.length; sku++) {
                builder.add(seriesId(store, sku), toDoubles(retailer.units[store][sku]));
            }
        }
        return builder.build();
    }

    /**
     * @param store a store index
     * @param sku a product index
     * @return the id of that demand series
     */
    public String seriesId(int store, int sku) {
        return retailer.storeIds[store] + "/" + retailer.skuIds[sku];
    }

    private static double[] toDoubles(int[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    /** @return one observation per product, store and day: shelf price, units, promotion flag */
    public PriceObservations prices() {
        PriceObservations.Builder builder = PriceObservations.builder();
        for (int store = 0; store < retailer.storeIds.length; store++) {
            for (int sku = 0; sku < retailer.skuIds.length; sku++) {
                for (int day = 0; day < retailer.spec.days(); day++) {
                    builder.add(retailer.skuIds[sku], retailer.storeIds[store], day, retailer.price[sku][day],
                            retailer.units[store][sku][day], retailer.promoted[sku][day], 0);
                }
            }
        }
        return builder.build();
    }

    /**
     * @param products how many products, from the first
     * @param band allowed move from today's regular price, e.g. 0.2 for plus or minus 20%
     * @return a price request at today's regular prices and the products' unit costs
     */
    public PriceRequest priceRequest(int products, double band) {
        PriceRequest.Builder builder = PriceRequest.builder();
        int today = retailer.spec.days() - 1;
        for (int sku = 0; sku < Math.min(products, retailer.skuIds.length); sku++) {
            double current = retailer.price[sku][today];
            builder.add(retailer.skuIds[sku], retailer.unitCost[sku], current, current * (1 - band),
                    current * (1 + band));
        }
        return builder.build();
    }

    /**
     * Today's replenishment question for every store and product: demand per day estimated from the
     * last four weeks, the store's lead time, a weekly review, stock of one week's average demand.
     *
     * @param serviceLevel the target cycle service level
     * @return one row per series of {@link #demand()}
     */
    public ReplenishmentInput replenishment(double serviceLevel) {
        ReplenishmentInput.Builder builder = ReplenishmentInput.builder();
        int days = retailer.spec.days();
        int window = 4 * WEEK;
        for (int store = 0; store < retailer.storeIds.length; store++) {
            for (int sku = 0; sku < retailer.skuIds.length; sku++) {
                int[] units = retailer.units[store][sku];
                double mean = 0;
                for (int t = days - window; t < days; t++) {
                    mean += units[t] / (double) window;
                }
                double squares = 0;
                for (int t = days - window; t < days; t++) {
                    squares += (units[t] - mean) * (units[t] - mean);
                }
                builder.add(seriesId(store, sku))
                        .demand(mean, Math.sqrt(squares / (window - 1)))
                        .leadTime(retailer.leadTimeMean[store], retailer.leadTimeSd[store])
                        .reviewPeriod(WEEK)
                        .stock(Math.round(mean * WEEK), 0, 0)
                        .costs(retailer.unitCost[sku], HOLDING_RATE_PER_DAY, ORDERING_COST)
                        .targetServiceLevel(serviceLevel)
                        .orderRules(0, CASE_PACK);
            }
        }
        return builder.build();
    }

    /** @return every purchase as an implicit interaction (user, item, quantity, time) */
    public Interactions purchases() {
        Interactions.Builder builder = Interactions.builder();
        Columns.Interactions events = retailer.interactions;
        for (int i = 0; i < events.size(); i++) {
            if (events.event[i] == Columns.Interactions.PURCHASE) {
                builder.add(retailer.customerIds[events.customer[i]], retailer.skuIds[events.sku[i]], events.value[i],
                        events.timestamp[i]);
            }
        }
        return builder.build();
    }

    /**
     * @return one row per loyalty-card invoice: customer, day and amount spent; every invoice line
     *     is also a category-spend line with its product's category
     */
    public Transactions invoices() {
        Transactions.Builder builder = Transactions.builder();
        Columns.Transactions lines = retailer.transactions;
        int start = (int) retailer.spec.start().toEpochDay();
        double amount = 0;
        for (int i = 0; i < lines.size(); i++) {
            amount += lines.amount[i];
            builder.addCategorySpend(retailer.customerIds[lines.customer[i]], start + lines.day[i],
                    retailer.categories[lines.sku[i]].label, lines.amount[i]);
            boolean lastLineOfInvoice = i + 1 == lines.size() || lines.invoice[i + 1] != lines.invoice[i];
            if (lastLineOfInvoice) {
                builder.add(retailer.customerIds[lines.customer[i]], start + lines.day[i], Math.round(amount * 100) / 100.0);
                amount = 0;
            }
        }
        return builder.build();
    }
}
