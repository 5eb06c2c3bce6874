package io.mercator.platform.datasets;

import io.mercator.api.Family;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.datasets.FieldSpec.Type;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.segmentation.Transactions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The import formats of the five families. */
final class Layouts {

    private static final Map<Family, Layout> BY_FAMILY = new EnumMap<>(Family.class);

    static {
        BY_FAMILY.put(Family.FILTERING, new FilteringLayout());
        BY_FAMILY.put(Family.FORECASTING, new SeriesLayout(Family.FORECASTING, Double.NaN,
                Field.text("series_id", true, "the series (SKU, SKU@store...)", "series", "id"),
                Field.of(Type.PERIOD, "period", true, "whole period number or date; rows may come in any order",
                        "date", "week", "month"),
                Field.of(Type.NUMBER, "value", true, "the observation; empty or NA for a missing one", "demand",
                        "sales", "units", "quantity", "y").emptyIsMissing()));
        BY_FAMILY.put(Family.OPTIMIZATION, new SeriesLayout(Family.OPTIMIZATION, 0,
                Field.text("sku", true, "the SKU (or SKU@location)", "series_id", "stock_code"),
                Field.of(Type.PERIOD, "period", true, "whole period number or date; a period without a row has"
                        + " no demand", "date", "week"),
                Field.of(Type.NUMBER, "demand", true, "units demanded in the period, >= 0", "quantity", "units")
                        .atLeast(0)));
        BY_FAMILY.put(Family.SEGMENTATION, new SegmentationLayout());
        BY_FAMILY.put(Family.PRICING, new PricingLayout());
    }

    private Layouts() {
    }

    static Layout of(Family family) {
        return BY_FAMILY.get(family);
    }

    /** Interactions: who did what with which item, how strongly, when. */
    private static final class FilteringLayout extends Layout {
        FilteringLayout() {
            super(Family.FILTERING, List.of(
                    Field.text("user_id", true, "the user (or the basket for basket data)", "user", "transaction_id",
                            "customer_id"),
                    Field.text("item_id", true, "the item", "item", "product", "stock_code"),
                    Field.of(Type.NUMBER, "value", false, "rating or implicit weight; 1 when the column is absent",
                            "rating", "quantity"),
                    Field.of(Type.TIMESTAMP, "timestamp", false, "epoch seconds or a date and time (UTC)", "time")));
        }

        @Override
        Class<?> inputType() {
            return Interactions.class;
        }

        @Override
        Object open(CSVParser rows, int seasonLength) {
            boolean valued = rows.getHeaderMap().containsKey("value");
            boolean timed = rows.getHeaderMap().containsKey("timestamp");
            Interactions.Builder builder = Interactions.builder();
            for (CSVRecord row : rows) {
                double value = valued ? number(row, "value") : 1;
                if (timed) {
                    builder.add(row.get("user_id"), row.get("item_id"), value, Long.parseLong(row.get("timestamp")));
                } else {
                    builder.add(row.get("user_id"), row.get("item_id"), value);
                }
            }
            return builder.build();
        }
    }

    /**
     * Series in long format for forecasting and demand history for optimization. Rows of a series
     * may come in any order; several rows of one period add up; whole periods step by 1, dated ones
     * by the greatest common step of the data (1 for daily, 7 for weekly dates); a period without a row
     * is {@code gapValue} (missing for forecasting, no demand for optimization).
     */
    private static final class SeriesLayout extends Layout {
        private final double gapValue;
        private final String idField;
        private final String valueField;

        SeriesLayout(Family family, double gapValue, Field id, Field period, Field value) {
            super(family, List.of(id, period, value));
            this.gapValue = gapValue;
            this.idField = id.name();
            this.valueField = value.name();
        }

        @Override
        Class<?> inputType() {
            return SeriesSet.class;
        }

        @Override
        Object open(CSVParser rows, int seasonLength) {
            Map<String, TreeMap<Long, Double>> series = new LinkedHashMap<>();
            boolean dated = false;
            for (CSVRecord row : rows) {
                String text = row.get("period");
                boolean date = text.indexOf('-', 1) > 0;
                dated |= date;
                long period = date ? Field.isoDate(text).toEpochDay() : Long.parseLong(text);
                series.computeIfAbsent(row.get(idField), id -> new TreeMap<>())
                        .merge(period, number(row, valueField), Double::sum);
            }
            BigInteger step = BigInteger.ZERO;
            for (TreeMap<Long, Double> periods : series.values()) {
                long first = periods.firstKey();
                for (long period : periods.keySet()) {
                    step = step.gcd(BigInteger.valueOf(period - first));
                }
            }
            long stride = dated ? Math.max(1, step.longValue()) : 1;
            SeriesSet.Builder builder = SeriesSet.builder(seasonLength);
            series.forEach((id, periods) -> {
                long first = periods.firstKey();
                double[] values = new double[(int) ((periods.lastKey() - first) / stride) + 1];
                Arrays.fill(values, gapValue);
                periods.forEach((period, value) -> values[(int) ((period - first) / stride)] = value);
                builder.add(id, values);
            });
            return builder.build();
        }
    }

    /** Transactions: one row per purchase, or per invoice line (merged into one purchase per invoice). */
    private static final class SegmentationLayout extends Layout {
        SegmentationLayout() {
            super(Family.SEGMENTATION, List.of(
                    Field.text("customer_id", true, "the customer", "customer"),
                    Field.of(Type.DATE, "date", true, "the day of the purchase; a time after the date is ignored",
                            "invoice_date", "order_date"),
                    Field.of(Type.NUMBER, "amount", false, "the purchase's value, negative for a return",
                            "sales", "revenue"),
                    Field.of(Type.NUMBER, "quantity", false, "units bought, when amount is absent"),
                    Field.of(Type.NUMBER, "unit_price", false, "price of one unit, when amount is absent", "price"),
                    Field.text("invoice_no", false, "the invoice; its lines become one purchase", "invoice",
                            "order_id")));
        }

        @Override
        Class<?> inputType() {
            return Transactions.class;
        }

        @Override
        String missing(Set<String> present) {
            return present.contains("amount") || present.contains("quantity") && present.contains("unit_price") ? null
                    : "an amount column, or quantity and unit_price columns";
        }

        @Override
        List<String> storedFields(Set<String> present) {
            List<String> stored = new ArrayList<>(List.of("customer_id", "date", "amount"));
            if (present.contains("invoice_no")) {
                stored.add("invoice_no");
            }
            return stored;
        }

        @Override
        String[] store(String[] parsed, List<String> stored) {
            String amount = parsed[2] != null ? parsed[2]
                    : Double.toString(Double.parseDouble(parsed[3]) * Double.parseDouble(parsed[4]));
            return stored.size() == 4 ? new String[] {parsed[0], parsed[1], amount, parsed[5]}
                    : new String[] {parsed[0], parsed[1], amount};
        }

        @Override
        Object open(CSVParser rows, int seasonLength) {
            boolean invoiced = rows.getHeaderMap().containsKey("invoice_no");
            List<String> customers = new ArrayList<>();
            int[] days = new int[1024];
            double[] amounts = new double[1024];
            Map<String, Integer> invoiceRow = new HashMap<>();
            for (CSVRecord row : rows) {
                String customer = row.get("customer_id");
                double amount = Double.parseDouble(row.get("amount"));
                if (invoiced) {
                    Integer earlier = invoiceRow.putIfAbsent(customer + '\u0000' + row.get("invoice_no"),
                            customers.size());
                    if (earlier != null) {
                        amounts[earlier] += amount;
                        continue;
                    }
                }
                int r = customers.size();
                if (r == days.length) {
                    days = Arrays.copyOf(days, r * 2);
                    amounts = Arrays.copyOf(amounts, r * 2);
                }
                customers.add(customer);
                days[r] = (int) Field.isoDate(row.get("date")).toEpochDay();
                amounts[r] = amount;
            }
            Transactions.Builder builder = Transactions.builder();
            for (int r = 0; r < customers.size(); r++) {
                builder.add(customers.get(r), days[r], amounts[r]);
            }
            return builder.build();
        }
    }

    /** Price observations: price and units sold per product (and location) and period. */
    private static final class PricingLayout extends Layout {
        PricingLayout() {
            super(Family.PRICING, List.of(
                    Field.text("product", true, "the product", "product_id", "sku", "item"),
                    Field.of(Type.INTEGER, "period", true, "whole period number", "week"),
                    Field.of(Type.NUMBER, "price", true, "the price charged, > 0").above(0),
                    Field.of(Type.NUMBER, "units", true, "units sold, >= 0", "quantity").atLeast(0),
                    Field.of(Type.BOOLEAN, "promo", false, "whether the product was on promotion", "deal"),
                    Field.text("location", false, "the store or region", "store"),
                    Field.of(Type.NUMBER, "feature", false, "share of feature advertising, 0 to 1; 0 when absent",
                            "feat").atLeast(0).atMost(1),
                    Field.text("segment", false, "the customer segment the units were sold to (a segmentation "
                            + "model's segment names): demand and prices per segment", "customer_segment")));
        }

        @Override
        Class<?> inputType() {
            return PriceObservations.class;
        }

        @Override
        Object open(CSVParser rows, int seasonLength) {
            Map<String, Integer> header = rows.getHeaderMap();
            boolean flagged = header.containsKey("promo");
            boolean located = header.containsKey("location");
            boolean featured = header.containsKey("feature");
            boolean segmented = header.containsKey("segment");
            PriceObservations.Builder builder = PriceObservations.builder();
            IdDictionary.Builder segments = new IdDictionary.Builder("segment");
            int[] segment = new int[segmented ? 1024 : 0];
            for (CSVRecord row : rows) {
                if (segmented) {
                    if (builder.size() == segment.length) {
                        segment = Arrays.copyOf(segment, 2 * segment.length);
                    }
                    segment[builder.size()] = segments.add(row.get("segment"), builder.size());
                }
                String product = row.get("product");
                int period = Integer.parseInt(row.get("period"));
                double price = Double.parseDouble(row.get("price"));
                double units = Double.parseDouble(row.get("units"));
                boolean promo = flagged && "1".equals(row.get("promo"));
                if (located) {
                    builder.add(product, row.get("location"), period, price, units, promo,
                            featured ? Double.parseDouble(row.get("feature")) : 0);
                } else if (flagged) {
                    builder.add(product, period, price, units, promo);
                } else {
                    builder.add(product, period, price, units);
                }
            }
            PriceObservations observations = builder.build();
            return segmented
                    ? observations.withSegments(segments.build(), Arrays.copyOf(segment, observations.size()))
                    : observations;
        }
    }
}
