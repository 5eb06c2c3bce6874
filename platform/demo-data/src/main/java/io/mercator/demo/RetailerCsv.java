package io.mercator.demo;

import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.pricing.PriceRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link Retailer} as CSV files (RFC 4180, header row, UTF-8, dates as ISO
 * {@code yyyy-MM-dd}), each written under a temporary name and renamed into place:
 * <ul>
 * <li>{@code catalogue.csv}: sku, name, category, brand, size, description, unit_cost, list_price</li>
 * <li>{@code stores.csv}: store, lead_time_mean_days, lead_time_sd_days</li>
 * <li>{@code demand.csv}: series (store/sku), store, sku, date, period, units, price, promotion</li>
 * <li>{@code transactions.csv}: invoice, customer, date, sku, quantity, amount</li>
 * <li>{@code interactions.csv}: user, item, timestamp (epoch seconds), event (view, purchase, rating), value</li>
 * <li>{@code truth/products.csv}: sku, elasticity, substitute, cross_elasticity, promotion_lift, base_units_per_day</li>
 * <li>{@code truth/customers.csv}: customer, segment, last_active_date</li>
 * <li>{@code truth/seasonality.csv}: category, monday .. sunday factors, yearly_amplitude, yearly_peak_day</li>
 * <li>{@code truth/stores.csv}: store, demand_factor</li>
 * </ul>
 * and, in the layouts the families' evaluators read ({@code mercator evaluate FAMILY FILE}):
 * <ul>
 * <li>{@code forecasting/demand.csv}: series, period, units (daily, long format)</li>
 * <li>{@code optimization/demand.csv}: sku (store/product), period (week), demand, unit_cost</li>
 * <li>{@code pricing/prices.csv}: product, location, period (day), price, units, promo, feature</li>
 * <li>{@code filtering/ratings.csv}: user_id, item_id, rating, timestamp</li>
 * <li>{@code segmentation/transactions.csv}: customer_id, date, amount (one row per invoice)</li>
 * </ul>
 * and today's questions, in the layouts of the query commands ({@code mercator price --input FILE},
 * {@code mercator plan --input FILE}):
 * <ul>
 * <li>{@code pricing/request.csv}: product, unit_cost, current_price, min_price, max_price (today's
 * regular price plus or minus 20%)</li>
 * <li>{@code optimization/position.csv}: sku (store/product), demand_mean, demand_std_dev (per day, from
 * the last four weeks), lead_time_mean, lead_time_std_dev, review_period, on_hand, unit_cost,
 * holding_cost_rate, ordering_cost, target_service_level (0.95), min_order_quantity, case_pack</li>
 * </ul>
 */
public final class RetailerCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private RetailerCsv() {
    }

    /**
     * @param retailer what to write
     * @param folder where to write; created if missing
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(Retailer retailer, Path folder) throws IOException {
        for (String sub : List.of("truth", "forecasting", "optimization", "pricing", "filtering", "segmentation")) {
            Files.createDirectories(folder.resolve(sub));
        }
        return List.of(
                write(folder.resolve("catalogue.csv"), out -> catalogue(retailer, out)),
                write(folder.resolve("stores.csv"), out -> stores(retailer, out)),
                write(folder.resolve("demand.csv"), out -> demand(retailer, out)),
                write(folder.resolve("transactions.csv"), out -> transactions(retailer, out)),
                write(folder.resolve("interactions.csv"), out -> interactions(retailer, out)),
                write(folder.resolve("truth/products.csv"), out -> productTruth(retailer, out)),
                write(folder.resolve("truth/customers.csv"), out -> customerTruth(retailer, out)),
                write(folder.resolve("truth/seasonality.csv"), RetailerCsv::seasonalityTruth),
                write(folder.resolve("truth/stores.csv"), out -> storeTruth(retailer, out)),
                write(folder.resolve("forecasting/demand.csv"), out -> forecastingDemand(retailer, out)),
                write(folder.resolve("optimization/demand.csv"), out -> weeklyDemand(retailer, out)),
                write(folder.resolve("pricing/prices.csv"), out -> prices(retailer, out)),
                write(folder.resolve("filtering/ratings.csv"), out -> ratings(retailer, out)),
                write(folder.resolve("segmentation/transactions.csv"), out -> invoices(retailer, out)),
                write(folder.resolve("pricing/request.csv"), out -> priceRequest(retailer, out)),
                write(folder.resolve("optimization/position.csv"), out -> position(retailer, out)));
    }

    @FunctionalInterface
    private interface Content {
        void print(CSVPrinter out) throws IOException;
    }

    private static Path write(Path file, Content content) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(writer, FORMAT)) {
            content.print(out);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(temporary);
            throw failed;
        }
        return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Two decimals without the cost of String.format: the CSV files hold millions of prices. */
    static String number(double value) {
        long cents = Math.round(Math.abs(value) * 100);
        long fraction = cents % 100;
        return (value < 0 && cents != 0 ? "-" : "") + cents / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static String[] dates(Retailer r) {
        String[] dates = new String[r.spec.days()];
        for (int t = 0; t < dates.length; t++) {
            dates[t] = r.date(t).toString();
        }
        return dates;
    }

    private static String precise(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static void catalogue(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("sku", "name", "category", "brand", "size", "description", "unit_cost", "list_price");
        for (int s = 0; s < r.skuIds.length; s++) {
            String description = r.names[s] + ", a " + r.sizes[s] + " pack from our " + r.categories[s].label
                    + " range by " + r.brands[s];
            out.printRecord(r.skuIds[s], r.names[s], r.categories[s].label, r.brands[s], r.sizes[s], description,
                    number(r.unitCost[s]), number(r.listPrice[s]));
        }
    }

    private static void stores(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("store", "lead_time_mean_days", "lead_time_sd_days");
        for (int i = 0; i < r.storeIds.length; i++) {
            out.printRecord(r.storeIds[i], r.leadTimeMean[i], r.leadTimeSd[i]);
        }
    }

    private static void demand(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("series", "store", "sku", "date", "period", "units", "price", "promotion");
        int days = r.spec.days();
        String[] dates = dates(r);
        for (int store = 0; store < r.storeIds.length; store++) {
            for (int s = 0; s < r.skuIds.length; s++) {
                String series = r.storeIds[store] + "/" + r.skuIds[s];
                for (int t = 0; t < days; t++) {
                    out.printRecord(series, r.storeIds[store], r.skuIds[s], dates[t], t, r.units[store][s][t],
                            number(r.price[s][t]), r.promoted[s][t] ? 1 : 0);
                }
            }
        }
    }

    private static void forecastingDemand(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("series", "period", "units");
        for (int store = 0; store < r.storeIds.length; store++) {
            for (int s = 0; s < r.skuIds.length; s++) {
                String series = r.storeIds[store] + "/" + r.skuIds[s];
                for (int t = 0; t < r.spec.days(); t++) {
                    out.printRecord(series, t, r.units[store][s][t]);
                }
            }
        }
    }

    private static void weeklyDemand(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("sku", "period", "demand", "unit_cost");
        int weeks = r.spec.days() / 7;
        for (int store = 0; store < r.storeIds.length; store++) {
            for (int s = 0; s < r.skuIds.length; s++) {
                String series = r.storeIds[store] + "/" + r.skuIds[s];
                for (int week = 0; week < weeks; week++) {
                    int units = 0;
                    for (int t = week * 7; t < week * 7 + 7; t++) {
                        units += r.units[store][s][t];
                    }
                    out.printRecord(series, week, units, number(r.unitCost[s]));
                }
            }
        }
    }

    private static void prices(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("product", "location", "period", "price", "units", "promo", "feature");
        for (int store = 0; store < r.storeIds.length; store++) {
            for (int s = 0; s < r.skuIds.length; s++) {
                for (int t = 0; t < r.spec.days(); t++) {
                    out.printRecord(r.skuIds[s], r.storeIds[store], t, number(r.price[s][t]), r.units[store][s][t],
                            r.promoted[s][t] ? 1 : 0, 0);
                }
            }
        }
    }

    /** Allowed move from today's regular price in {@code pricing/request.csv}. */
    static final double PRICE_BAND = 0.2;
    /** Target cycle service level in {@code optimization/position.csv}. */
    static final double SERVICE_LEVEL = 0.95;

    private static void priceRequest(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("product", "unit_cost", "current_price", "min_price", "max_price");
        PriceRequest request = new RetailerDatasets(r).priceRequest(r.skuIds.length, PRICE_BAND);
        for (int row = 0; row < request.size(); row++) {
            out.printRecord(request.products().id(row), number(request.unitCost(row)), number(request.currentPrice(row)),
                    number(request.minPrice(row)), number(request.maxPrice(row)));
        }
    }

    private static void position(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("sku", "demand_mean", "demand_std_dev", "lead_time_mean", "lead_time_std_dev", "review_period",
                "on_hand", "unit_cost", "holding_cost_rate", "ordering_cost", "target_service_level",
                "min_order_quantity", "case_pack");
        ReplenishmentInput input = new RetailerDatasets(r).replenishment(SERVICE_LEVEL);
        for (int row = 0; row < input.size(); row++) {
            out.printRecord(input.skus().id(row), precise(input.demandMean(row)), precise(input.demandStdDev(row)),
                    precise(input.leadTimeMean(row)), precise(input.leadTimeStdDev(row)), input.reviewPeriod(row),
                    input.onHand(row), number(input.unitCost(row)), String.format(Locale.ROOT, "%.8f",
                            input.holdingCostRate(row)), number(input.orderingCost(row)), input.targetServiceLevel(row),
                    input.minOrderQuantity(row), input.casePack(row));
        }
    }

    private static void ratings(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("user_id", "item_id", "rating", "timestamp");
        Columns.Interactions events = r.interactions;
        for (int i = 0; i < events.size(); i++) {
            if (events.event[i] == Columns.Interactions.RATING) {
                out.printRecord(r.customerIds[events.customer[i]], r.skuIds[events.sku[i]], (long) events.value[i],
                        events.timestamp[i]);
            }
        }
    }

    private static void invoices(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("customer_id", "date", "amount");
        Columns.Transactions lines = r.transactions;
        String[] dates = dates(r);
        double amount = 0;
        for (int i = 0; i < lines.size(); i++) {
            amount += lines.amount[i];
            if (i + 1 == lines.size() || lines.invoice[i + 1] != lines.invoice[i]) {
                out.printRecord(r.customerIds[lines.customer[i]], dates[lines.day[i]], number(amount));
                amount = 0;
            }
        }
    }

    private static void transactions(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("invoice", "customer", "date", "sku", "quantity", "amount");
        Columns.Transactions lines = r.transactions;
        String[] dates = dates(r);
        for (int i = 0; i < lines.size(); i++) {
            out.printRecord(lines.invoice[i], r.customerIds[lines.customer[i]], dates[lines.day[i]],
                    r.skuIds[lines.sku[i]], lines.quantity[i], number(lines.amount[i]));
        }
    }

    private static void interactions(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("user", "item", "timestamp", "event", "value");
        Columns.Interactions events = r.interactions;
        for (int i = 0; i < events.size(); i++) {
            out.printRecord(r.customerIds[events.customer[i]], r.skuIds[events.sku[i]], events.timestamp[i],
                    Columns.Interactions.EVENT_NAMES[events.event[i]], (long) events.value[i]);
        }
    }

    private static void productTruth(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("sku", "elasticity", "substitute", "cross_elasticity", "promotion_lift", "base_units_per_day");
        for (int s = 0; s < r.skuIds.length; s++) {
            out.printRecord(r.skuIds[s], precise(r.elasticity[s]), r.substitute[s] < 0 ? "" : r.skuIds[r.substitute[s]],
                    precise(r.crossElasticity[s]), precise(r.promotionLift[s]), precise(r.baseDemand[s]));
        }
    }

    private static void customerTruth(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("customer", "segment", "last_active_date");
        for (int u = 0; u < r.customerIds.length; u++) {
            LocalDate last = r.date(r.lastActiveDay[u]);
            out.printRecord(r.customerIds[u], r.segments[u].label(), last);
        }
    }

    private static void seasonalityTruth(CSVPrinter out) throws IOException {
        out.printRecord("category", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "yearly_amplitude", "yearly_peak_day");
        for (Category category : Category.values()) {
            double[] weekly = category.weeklyFactors();
            out.printRecord(category.label, precise(weekly[0]), precise(weekly[1]), precise(weekly[2]),
                    precise(weekly[3]), precise(weekly[4]), precise(weekly[5]), precise(weekly[6]),
                    precise(category.yearlyAmplitude), category.yearlyPeakDay);
        }
    }

    private static void storeTruth(Retailer r, CSVPrinter out) throws IOException {
        out.printRecord("store", "demand_factor");
        for (int i = 0; i < r.storeIds.length; i++) {
            out.printRecord(r.storeIds[i], precise(r.storeFactor[i]));
        }
    }
}
