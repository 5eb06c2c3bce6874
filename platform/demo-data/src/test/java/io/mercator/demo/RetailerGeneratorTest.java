package io.mercator.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetailerGeneratorTest {

    private static Retailer retailer;

    @BeforeAll
    static void generate() {
        retailer = RetailerGenerator.generate(RetailerSpec.small());
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path first, @TempDir Path second,
            @TempDir Path other) throws IOException {
        List<Path> files = RetailerCsv.write(retailer, first);
        RetailerCsv.write(RetailerGenerator.generate(RetailerSpec.small()), second);
        for (Path file : files) {
            Path twin = second.resolve(first.relativize(file));
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), "differs: " + file.getFileName());
        }
        RetailerCsv.write(RetailerGenerator.generate(RetailerSpec.small().withSeed(7)), other);
        assertFalse(Files.mismatch(first.resolve("demand.csv"), other.resolve("demand.csv")) == -1,
                "another seed must give other demand");
    }

    @Test
    void parallelGenerationReportsEachTenthOnceAndGivesTheSameDemandAsBefore() {
        List<Integer> reported = new CopyOnWriteArrayList<>();
        Retailer again = RetailerGenerator.generate(RetailerSpec.small(), RetailerGenerator.everyTenth(reported::add));
        assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), reported);
        for (int store = 0; store < retailer.storeIds.length; store++) {
            for (int sku = 0; sku < retailer.skuIds.length; sku++) {
                assertArrayEquals(retailer.units[store][sku], again.units[store][sku]);
            }
        }
    }

    @Test
    void todaysQuestionsAreWrittenInTheQueryCommandsLayouts(@TempDir Path folder) throws IOException {
        RetailerCsv.write(retailer, folder);
        assertEquals(List.of("product", "unit_cost", "current_price", "min_price", "max_price"),
                header(folder.resolve("pricing/request.csv")));
        assertEquals(retailer.skuIds.length, rows(folder.resolve("pricing/request.csv")));
        assertEquals("sku", header(folder.resolve("optimization/position.csv")).get(0));
        assertEquals((long) retailer.storeIds.length * retailer.skuIds.length,
                rows(folder.resolve("optimization/position.csv")));
    }

    @Test
    void csvFilesHaveTheirHeadersAndOneRowPerRecord(@TempDir Path folder) throws IOException {
        RetailerCsv.write(retailer, folder);
        RetailerSpec spec = retailer.spec();
        assertEquals(List.of("series", "store", "sku", "date", "period", "units", "price", "promotion"),
                header(folder.resolve("demand.csv")));
        assertEquals((long) spec.stores() * spec.skus() * spec.days(), rows(folder.resolve("demand.csv")));
        assertEquals(retailer.transactionLines(), rows(folder.resolve("transactions.csv")));
        assertEquals(retailer.interactionCount(), rows(folder.resolve("interactions.csv")));
        assertEquals(spec.customers(), rows(folder.resolve("truth/customers.csv")));
        assertEquals(spec.skus(), rows(folder.resolve("catalogue.csv")));
        try (Reader reader = Files.newBufferedReader(folder.resolve("catalogue.csv"));
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            CSVRecord first = parser.iterator().next();
            assertEquals("SKU-00001", first.get("sku"));
            assertTrue(Double.parseDouble(first.get("list_price")) > Double.parseDouble(first.get("unit_cost")));
            assertTrue(first.get("description").contains(","), "a description with a comma survives quoting");
        }
    }

    private static List<String> header(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            return parser.getHeaderNames();
        }
    }

    private static long rows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            return parser.stream().count();
        }
    }

    /** The planted weekday pattern shows in the summed demand of a category. */
    @Test
    void weekdayPatternOfBeveragesIsRecovered() {
        double[] weekly = Category.BEVERAGES.weeklyFactors();
        Map<DayOfWeek, Double> unitsByWeekday = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Double> expectedByWeekday = new EnumMap<>(DayOfWeek.class);
        for (int s = 0; s < retailer.spec().skus(); s++) {
            if (retailer.categories[s] != Category.BEVERAGES) {
                continue;
            }
            for (int store = 0; store < retailer.spec().stores(); store++) {
                int[] units = retailer.units(store, s);
                for (int t = 0; t < units.length; t++) {
                    DayOfWeek day = retailer.date(t).getDayOfWeek();
                    unitsByWeekday.merge(day, (double) units[t], Double::sum);
                }
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            expectedByWeekday.put(day, weekly[day.getValue() - 1]);
        }
        double observed = unitsByWeekday.get(DayOfWeek.SATURDAY) / unitsByWeekday.get(DayOfWeek.TUESDAY);
        double planted = expectedByWeekday.get(DayOfWeek.SATURDAY) / expectedByWeekday.get(DayOfWeek.TUESDAY);
        assertEquals(planted, observed, 0.06 * planted, "Saturday / Tuesday units of beverages");
    }

    /** Promotions cut the price and lift demand: promoted days sell more on average. */
    @Test
    void promotedDaysSellMore() {
        double promotedUnits = 0;
        double regularUnits = 0;
        long promotedDays = 0;
        long regularDays = 0;
        for (int s = 0; s < retailer.spec().skus(); s++) {
            boolean[] promoted = retailer.promotions(s);
            int[] units = retailer.units(0, s);
            for (int t = 0; t < units.length; t++) {
                if (promoted[t]) {
                    promotedUnits += units[t];
                    promotedDays++;
                } else {
                    regularUnits += units[t];
                    regularDays++;
                }
            }
        }
        assertTrue(promotedDays > 0 && regularDays > promotedDays);
        assertTrue(promotedUnits / promotedDays > 1.3 * regularUnits / regularDays,
                "promoted " + promotedUnits / promotedDays + " vs regular " + regularUnits / regularDays);
    }

    @Test
    void segmentsBehaveAsPlanted() {
        Columns.Transactions lines = retailer.transactions;
        Map<Segment, Long> linesBySegment = new EnumMap<>(Segment.class);
        Map<Segment, Long> customersBySegment = new EnumMap<>(Segment.class);
        for (int u = 0; u < retailer.spec().customers(); u++) {
            customersBySegment.merge(retailer.segment(u), 1L, Long::sum);
        }
        for (int i = 0; i < lines.size(); i++) {
            Segment segment = retailer.segment(lines.customer[i]);
            linesBySegment.merge(segment, 1L, Long::sum);
            assertTrue(lines.day[i] <= retailer.lastActiveDay[lines.customer[i]], "no purchase after lapsing");
            assertTrue(lines.amount[i] > 0);
        }
        double loyal = (double) linesBySegment.get(Segment.LOYAL) / customersBySegment.get(Segment.LOYAL);
        double occasional = (double) linesBySegment.get(Segment.OCCASIONAL) / customersBySegment.get(Segment.OCCASIONAL);
        assertTrue(loyal > 10 * occasional, "loyal " + loyal + " lines per customer, occasional " + occasional);
        assertEquals(4, customersBySegment.size(), "every segment is present");
    }

    @Test
    void pricesEndInFortyNineOrNinetyNineOffPromotion() {
        for (int s = 0; s < retailer.spec().skus(); s++) {
            double[] prices = retailer.prices(s);
            boolean[] promoted = retailer.promotions(s);
            for (int t = 0; t < prices.length; t++) {
                assertTrue(prices[t] > 0);
                if (!promoted[t]) {
                    long cents = Math.round(prices[t] * 100) % 100;
                    assertTrue(cents == 49 || cents == 99, "price " + prices[t]);
                }
            }
        }
    }

    @Test
    void moneyIsWrittenWithTwoDecimals() {
        assertEquals("3.49", RetailerCsv.number(3.49));
        assertEquals("0.05", RetailerCsv.number(0.049999));
        assertEquals("12.00", RetailerCsv.number(12));
        assertEquals("-1.50", RetailerCsv.number(-1.5));
        assertEquals("0.00", RetailerCsv.number(-0.001));
    }
}
