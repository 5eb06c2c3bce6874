package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import io.mercator.platform.evaluation.filtering.RankingProtocol;
import io.mercator.plugins.filtering.collaborative.AssociationRulesStrategy;
import io.mercator.plugins.filtering.collaborative.BiasedMfStrategy;
import io.mercator.plugins.filtering.collaborative.ImplicitAlsStrategy;
import io.mercator.plugins.filtering.collaborative.ItemKnnStrategy;
import io.mercator.plugins.filtering.collaborative.PopularityStrategy;
import io.mercator.plugins.filtering.collaborative.UserKnnStrategy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The filtering family on real retail data, the UCI Online Retail transactions: top-N figures of
 * every built-in strategy that needs no registry or catalogue on the customers' purchases (implicit
 * feedback, one interaction per invoice line, each customer's latest 20% of lines held out, every
 * held-out purchase relevant), then "frequently bought together" rules by FP-growth over the
 * invoices as baskets, with their support, confidence and lift for the best-selling items.
 *
 * <p>Kept lines: a customer id, a positive quantity and price, not a cancellation (invoice "C..."),
 * and a product stock code (five digits and an optional letter; POST, M, DOT, BANK CHARGES ... are
 * not products). Arguments: the distribution archive (unused, passed by {@code benchmarks/run}), then
 * optionally the transactions file (default {@code ../shared/data/online-retail-uci/transactions.csv.gz})
 * and the rules' minimum support (default 0.01).
 */
public final class FilteringRetailBenchmark {

    private static final Pattern PRODUCT = Pattern.compile("\\d{5}[A-Za-z]{0,2}");
    private static final DateTimeFormatter INVOICE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int EXAMPLES = 8;

    private FilteringRetailBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 1 ? args[1] : "../shared/data/online-retail-uci/transactions.csv.gz");
        double minSupport = args.length > 2 ? Double.parseDouble(args[2]) : 0.01;
        Path purchases = Files.createTempFile("online-retail-purchases", ".csv");
        Map<String, String> descriptions = new HashMap<>();
        Interactions.Builder baskets = Interactions.builder();
        Set<String> customers = new HashSet<>();
        Set<String> invoices = new HashSet<>();
        Set<String> products = new HashSet<>();
        long read = 0;
        long kept = 0;
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(source)),
                StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            out.write("user_id,item_id,value,timestamp\n");
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                read++;
                String customer = row.get("customer_id");
                String invoice = row.get("invoice_no");
                String product = row.get("stock_code");
                if (customer.isEmpty() || invoice.startsWith("C") || !PRODUCT.matcher(product).matches()
                        || Double.parseDouble(row.get("quantity")) <= 0
                        || Double.parseDouble(row.get("unit_price")) <= 0) {
                    continue;
                }
                kept++;
                long seconds = LocalDateTime.parse(row.get("invoice_date"), INVOICE_DATE).toEpochSecond(ZoneOffset.UTC);
                out.write(customer + "," + product + ",1," + seconds + "\n");
                baskets.add(invoice, product, 1);
                descriptions.putIfAbsent(product, row.get("description").strip());
                customers.add(customer);
                invoices.add(invoice);
                products.add(product);
            }
        }
        System.out.printf(Locale.ROOT, "Mercator filtering on %s: %,d of %,d lines kept (%,d customers, %,d invoices, "
                + "%,d products)%n%n", source, kept, read, customers.size(), invoices.size(), products.size());
        try {
            System.out.println("Top-N on the customers' purchases (implicit feedback, time-ordered split):");
            TopNTable topN = new TopNTable(RankingProtocol.of(purchases, 0.2, 0, 10, 20));
            topN.row("popularity", new PopularityStrategy(), Map.of());
            topN.row("item-knn", new ItemKnnStrategy(), Map.of());
            topN.row("user-knn", new UserKnnStrategy(), Map.of());
            topN.row("biased-mf", new BiasedMfStrategy(), Map.of());
            topN.row("implicit-als", new ImplicitAlsStrategy(), Map.of());
            topN.row("association-rules", new AssociationRulesStrategy(), Map.of());
        } finally {
            Files.deleteIfExists(purchases);
        }
        System.out.println();
        printRules(baskets.build(), minSupport, descriptions);
    }

    /** Fits FP-growth rules on the invoices and prints the best rule for each of the best-selling items. */
    private static void printRules(Interactions baskets, double minSupport, Map<String, String> descriptions) {
        AssociationRulesStrategy rules = new AssociationRulesStrategy();
        long started = System.nanoTime();
        RecommenderModel model = rules.fit(baskets, Parameters.resolve(rules.descriptor().parameters(),
                Map.of("min-support", minSupport)), TrainingContext.none());
        System.out.printf(Locale.ROOT, "Frequently bought together: FP-growth over %,d invoices, min-support %s, "
                + "fitted in %.1f s; the strongest rule for each of the %d best-selling products:%n",
                baskets.users().size(), minSupport, (System.nanoTime() - started) / 1e9, EXAMPLES);
        Recommendations bestSellers = new PopularityStrategy().fit(baskets, Parameters.resolve(
                new PopularityStrategy().descriptor().parameters(), Map.of()), TrainingContext.none())
                .recommend("(nobody)", EXAMPLES, Set.of());
        for (String product : bestSellers.itemIds()) {
            Recommendations together = model.recommendForItems(Set.of(product), 1, Set.of());
            if (together.size() == 0) {
                System.out.printf(Locale.ROOT, "  %-40s no rule above the thresholds%n", label(product, descriptions));
                continue;
            }
            String consequent = together.itemId(0);
            System.out.printf(Locale.ROOT, "  %-40s -> %-40s %s%n", label(product, descriptions),
                    label(consequent, descriptions), model.explainForItems(Set.of(product), consequent).reason());
        }
    }

    private static String label(String product, Map<String, String> descriptions) {
        String description = descriptions.getOrDefault(product, "");
        return product + " " + (description.length() > 32 ? description.substring(0, 32) : description);
    }
}
