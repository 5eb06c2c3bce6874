package io.mercator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.forecasting.Forecast;
import io.mercator.api.forecasting.ForecastModel;
import io.mercator.api.forecasting.ForecastStrategy;
import io.mercator.api.forecasting.SeriesSet;
import io.mercator.api.optimization.ReplenishmentInput;
import io.mercator.api.optimization.ReplenishmentPlan;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingRules;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.segmentation.Transactions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Collectors;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Plays an ERP embedding Mercator. The class path holds mercator-embedded and what it brings (API,
 * boot, Felix, SLF4J API), JUnit, and the host's own gson 2.8.9 and commons-math3 3.5, older than
 * the runtime's. One runtime serves the tests in order; the last one closes it and checks that
 * no thread the runtime started is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedMercatorTest {

    /** A weekly pattern of daily sales. */
    private static final double[] WEEK = {20, 22, 25, 24, 30, 55, 60};
    private static final int WEEKS = 12;

    @TempDir
    static Path home;

    private static Set<Thread> threadsBefore;
    private static Mercator mercator;

    @BeforeAll
    static void start() {
        threadsBefore = Thread.getAllStackTraces().keySet();
        mercator = Mercator.builder().home(home).configuration("felix.fileinstall.poll", "100").build();
    }

    @AfterAll
    static void stop() {
        if (mercator != null) {
            mercator.close();
        }
    }

    /** The pattern repeated for twelve weeks with ±5% noise, and a second series at twice the level. */
    private static SeriesSet weeklySales() {
        Random random = new Random(7);
        SeriesSet.Builder builder = SeriesSet.builder(WEEK.length);
        for (String id : List.of("store1/sku1", "store1/sku2")) {
            double scale = id.endsWith("1") ? 1 : 2;
            double[] days = new double[WEEKS * WEEK.length];
            for (int d = 0; d < days.length; d++) {
                days[d] = scale * WEEK[d % WEEK.length] * (1 + 0.1 * (random.nextDouble() - 0.5));
            }
            builder.add(id, days);
        }
        return builder.build();
    }

    @Test
    @Order(1)
    void listsTheBuiltInStrategiesOfEveryFamilyWithTheDistributionsDefaults() {
        for (Family family : Family.values()) {
            assertFalse(mercator.strategies(family).isEmpty(), family.id());
        }
        assertEquals("combination", mercator.defaultStrategy(Family.FORECASTING).orElseThrow());
        assertEquals("item-knn", mercator.defaultStrategy(Family.FILTERING).orElseThrow());
        assertTrue(mercator.strategies(Family.FORECASTING).stream().anyMatch(StrategyInfo::isDefault));
    }

    @Test
    @Order(2)
    void forecastsASeasonalSeriesCloselyWithIntervals() {
        Map<String, Forecast> forecasts = mercator.forecast("", weeklySales(), 7, 80, 95);

        assertEquals(List.of("store1/sku1", "store1/sku2"), List.copyOf(forecasts.keySet()));
        for (Map.Entry<String, Forecast> entry : forecasts.entrySet()) {
            double scale = entry.getKey().endsWith("1") ? 1 : 2;
            Forecast forecast = entry.getValue();
            assertEquals(7, forecast.horizon());
            for (int h = 0; h < 7; h++) {
                double truth = scale * WEEK[(WEEKS * WEEK.length + h) % WEEK.length];
                assertEquals(truth, forecast.mean(h), 0.08 * truth, entry.getKey() + " day " + (h + 1));
                assertTrue(forecast.lower(0)[h] < forecast.mean(h) && forecast.mean(h) < forecast.upper(0)[h]);
                // the 95% interval is wider than the 80% one
                assertTrue(forecast.lower(1)[h] < forecast.lower(0)[h] && forecast.upper(1)[h] > forecast.upper(0)[h]);
            }
        }
    }

    @Test
    @Order(2)
    void badInputIsTheCallersErrorAndNotCountedAgainstTheStrategy() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> mercator.forecast("ets", null, 7, 80));
        assertTrue(missing.getMessage().contains("history"), missing.getMessage());
        assertThrows(ValidationException.class, () -> mercator.forecast("ets", weeklySales(), 0, 80));

        StrategyInfo ets = mercator.strategies(Family.FORECASTING).stream()
                .filter(info -> info.descriptor().name().equals("ets")).findFirst().orElseThrow();
        assertEquals(0, ets.health().failures());
    }

    @Test
    @Order(2)
    void keepsAFittedModelInTheStoreAndReadsItBack() throws Exception {
        SeriesSet sales = weeklySales();
        ForecastModel fitted = mercator.registry().call(ForecastStrategy.class, "ets", Duration.ofMinutes(1),
                ets -> ets.fit(sales, Parameters.defaults(ets.descriptor().parameters()), TrainingContext.none()));

        StoredModel stored = mercator.models().save(Family.FORECASTING, fitted, Map.of("run", "nightly"));

        assertEquals("ets", stored.strategyName());
        assertEquals(List.of(stored), mercator.models().list(Family.FORECASTING));
        ForecastModel readBack;
        try (InputStream bytes = mercator.models().open(stored.id())) {
            readBack = mercator.registry().call(ForecastStrategy.class, "ets", Duration.ofMinutes(1),
                    ets -> ets.readModel(bytes));
        }
        assertEquals(fitted.forecast("store1/sku2", 7, 80).mean(6), readBack.forecast("store1/sku2", 7, 80).mean(6), 1e-9);
    }

    @Test
    @Order(3)
    void plansReplenishmentWithTheTextbookOrderUpToLevel() {
        ReplenishmentInput input = ReplenishmentInput.builder()
                .add("store1/sku1").demand(20, 5).leadTime(2, 0).reviewPeriod(1).stock(10, 0, 0)
                .costs(4, 0.01, 0).targetServiceLevel(0.95)
                .build();

        ReplenishmentPlan plan = mercator.planReplenishment("order-up-to", weeklySales(), input);

        // over lead time + review period (3 days): 60 expected, plus z(0.95) = 1.645 standard deviations of 5·√3
        double safetyStock = 1.6449 * 5 * Math.sqrt(3);
        assertEquals(1, plan.size());
        assertEquals(safetyStock, plan.safetyStock(0), 0.5);
        assertEquals(60 + safetyStock, plan.orderUpTo(0), 1.0);
        assertEquals(60 + safetyStock - 10, plan.orderQuantity(0), 1.0);
    }

    @Test
    @Order(4)
    void recommendsWhatSimilarCustomersBoughtAndNothingAlreadySeen() {
        Interactions.Builder purchases = Interactions.builder();
        for (int customer = 0; customer < 20; customer++) {
            boolean baker = customer % 2 == 0;
            for (String item : baker ? List.of("flour", "yeast", "butter", "sugar") : List.of("beer", "crisps", "salsa", "nachos")) {
                // customer 0 (a baker) has not bought sugar yet, customer 1 no nachos
                if (!(customer == 0 && item.equals("sugar")) && !(customer == 1 && item.equals("nachos"))) {
                    purchases.add("c" + customer, item, 1);
                }
            }
        }

        // baskets of purchases, not ratings: association rules rather than the default rating-based item-knn
        Recommendations forBaker = mercator.recommend("association-rules", purchases.build(), "c0", 2);
        Recommendations forSnacker = mercator.recommend("association-rules", purchases.build(), "c1", 2);

        assertEquals("sugar", forBaker.itemId(0));
        assertEquals("nachos", forSnacker.itemId(0));
        Set<String> recommended = new HashSet<>();
        for (int rank = 0; rank < forBaker.size(); rank++) {
            recommended.add(forBaker.itemId(rank));
        }
        assertTrue(recommended.stream().noneMatch(Set.of("flour", "yeast", "butter")::contains), recommended::toString);
    }

    @Test
    @Order(5)
    void segmentsLoyalAndLapsedCustomersApart() {
        LocalDate today = LocalDate.of(2026, 11, 1);
        Transactions.Builder invoices = Transactions.builder();
        for (int customer = 0; customer < 40; customer++) {
            boolean loyal = customer < 20;
            int visits = loyal ? 24 : 2;
            for (int visit = 0; visit < visits; visit++) {
                LocalDate day = loyal ? today.minusDays(visit * 7L) : today.minusDays(300 + visit * 30L);
                invoices.add("c" + customer, day, loyal ? 80 + customer : 15);
            }
        }
        Transactions transactions = invoices.build();

        Segments segments = mercator.segment("", transactions);

        assertTrue(segments.profiles().size() >= 2);
        assertEquals(40, segments.assignment().size());
        Set<Integer> loyalSegments = segmentsOf(segments, 0, 20);
        Set<Integer> lapsedSegments = segmentsOf(segments, 20, 40);
        assertTrue(loyalSegments.stream().noneMatch(lapsedSegments::contains),
                "loyal " + loyalSegments + ", lapsed " + lapsedSegments);
    }

    private static Set<Integer> segmentsOf(Segments segments, int from, int to) {
        Set<Integer> found = new HashSet<>();
        for (int customer = from; customer < to; customer++) {
            found.add(segments.assignment().segmentOf("c" + customer));
        }
        return found;
    }

    @Test
    @Order(6)
    void recommendsTheProfitMaximisingPriceOfAConstantElasticityProduct() {
        // units = 10,000 · price^-2: at unit cost 5 profit peaks at 5 · e / (1 + e) = 10
        Random random = new Random(11);
        PriceObservations.Builder history = PriceObservations.builder();
        for (int week = 0; week < 104; week++) {
            double price = 7 + 6 * random.nextDouble();
            history.add("oj", week, price, 10_000 * Math.pow(price, -2) * Math.exp(0.03 * random.nextGaussian()));
        }
        PriceRequest request = PriceRequest.builder().add("oj", 5, 9, 6, 14).build();

        PriceRecommendations prices = mercator.recommendPrices("", history.build(), request);

        assertEquals(1, prices.size());
        assertEquals(10, prices.price(0), 0.3, "bound by " + prices.bindingRule(0));

        // a 5% change limit binds: 9 x 1.05 = 9.45
        PriceRecommendations limited = mercator.recommendPrices("", history.build(), request,
                PricingRules.builder().maxChange(0.05).build());
        assertEquals(9.45, limited.price(0), 1e-9);
        assertEquals(PriceRecommendations.MAX_CHANGE, limited.bindingRule(0));

        // the same sales split between two segments with elasticities -1.5 and -3: prices 15 and 7.5 apart,
        // brought within 20% of each other
        PriceObservations.Builder split = PriceObservations.builder();
        int[] segment = new int[208];
        for (int week = 0; week < 104; week++) {
            double price = 7 + 6 * random.nextDouble();
            segment[split.size()] = 0;
            split.add("oj", week, price, 3_000 * Math.pow(price, -1.5) * Math.exp(0.03 * random.nextGaussian()));
            segment[split.size()] = 1;
            split.add("oj", week, price, 30_000 * Math.pow(price, -3) * Math.exp(0.03 * random.nextGaussian()));
        }
        Map<String, PriceRecommendations> bySegment = mercator.recommendPricesBySegment("", split.build()
                .withSegments(IdDictionary.of("segments", new String[] {"loyal", "switcher"}), segment),
                PriceRequest.builder().add("oj", 5, 9, 1, 30).build(),
                PricingRules.builder().maxSegmentSpread(0.2).build(), List.of("loyal", "switcher"));
        double loyal = bySegment.get("loyal").price(0);
        double switcher = bySegment.get("switcher").price(0);
        assertTrue(loyal > switcher && loyal <= switcher * 1.2 * (1 + 1e-9), loyal + " vs " + switcher);
    }

    @Test
    @Order(7)
    void hotDeploysTheSampleStrategyAndSwitchesTheDefaultToIt() throws Exception {
        Path sample = Path.of(System.getProperty("sample.jar"));
        Path hidden = mercator.deployFolder().resolve(".seasonal-naive.jar.tmp");
        Files.copy(sample, hidden);
        Files.move(hidden, mercator.deployFolder().resolve("seasonal-naive.jar"), StandardCopyOption.ATOMIC_MOVE);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (mercator.strategies(Family.FORECASTING).stream().noneMatch(this::isSample)) {
            assertTrue(System.nanoTime() < deadline, "the sample strategy was not deployed within 10 s");
            Thread.sleep(20);
        }
        SeriesSet sales = weeklySales();
        Map<String, Forecast> naive = mercator.forecast("seasonal-naive", sales, 7, 80);
        for (int h = 0; h < 7; h++) {
            // seasonal naive repeats the last week
            assertEquals(sales.value(0, sales.length(0) - 7 + h), naive.get("store1/sku1").mean(h), 1e-9);
        }

        mercator.setDefault(Family.FORECASTING, "seasonal-naive");

        assertEquals("seasonal-naive", mercator.defaultStrategy(Family.FORECASTING).orElseThrow());
        assertEquals(naive.get("store1/sku2").mean(3), mercator.forecast("", sales, 7, 80).get("store1/sku2").mean(3));
        // persisted in the home folder, as in the distribution
        Path configuration = home.resolve("conf/io.mercator.registry.cfg");
        while (!Files.readString(configuration, StandardCharsets.UTF_8).contains("seasonal-naive")) {
            assertTrue(System.nanoTime() < deadline + 5_000_000_000L, "the new default was not written back");
            Thread.sleep(20);
        }
    }

    private boolean isSample(StrategyInfo info) {
        return info.descriptor().name().equals("seasonal-naive")
                && info.bundleSymbolicName().equals("io.mercator.sample.seasonalnaive");
    }

    @Test
    @Order(8)
    void theHostAndTheRuntimeEachUseTheirOwnLibraries() throws Exception {
        // the host sees its own versions
        assertTrue(jarOf(Gson.class).endsWith("gson-2.8.9.jar"), jarOf(Gson.class));
        assertTrue(jarOf(Gamma.class).endsWith("commons-math3-3.5.jar"), jarOf(Gamma.class));
        // ...and nothing of the runtime beyond the API and the framework
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.mercator.platform.registry.RegistryComponent"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.felix.scr.component.ExtComponentContext"));

        try (StrategyLease<ForecastStrategy> lease = mercator.registry().acquire(ForecastStrategy.class, "seasonal-naive")) {
            Class<?> strategyClass = lease.strategy().getClass();
            ClassLoader sampleLoader = strategyClass.getClassLoader();
            // the sample computes with the runtime's commons-math3, not the host's
            Class<?> runtimeGamma = sampleLoader.loadClass(Gamma.class.getName());
            assertNotSame(Gamma.class, runtimeGamma);
            assertEquals("3.6.1", FrameworkUtil.getBundle(runtimeGamma).getVersion().toString());
            // the host's gson does not leak into a bundle that does not import it
            assertThrows(ClassNotFoundException.class, () -> sampleLoader.loadClass(Gson.class.getName()));
            // the model store writes its manifests with the runtime's gson
            Bundle store = bundle(strategyClass, "io.mercator.platform.store");
            Class<?> runtimeGson = store.loadClass(Gson.class.getName());
            assertNotSame(Gson.class, runtimeGson);
            assertEquals("2.15.0", FrameworkUtil.getBundle(runtimeGson).getVersion().toString());
            // the API crosses as the host's classes
            assertSame(ForecastStrategy.class, sampleLoader.loadClass(ForecastStrategy.class.getName()));
        }
    }

    @Test
    @Order(8)
    void strategyCallsRunWithoutTheHostsContextClassLoaderOrThreadLocals() {
        ThreadLocal<String> request = new InheritableThreadLocal<>();
        request.set("host request 42");
        try {
            Object[] seen = mercator.registry().call(ForecastStrategy.class, "", Duration.ofSeconds(30),
                    strategy -> new Object[] {Thread.currentThread().getContextClassLoader(), request.get()});
            ClassLoader context = (ClassLoader) seen[0];
            // code that looks classes up through the context class loader does not find the host's
            assertThrows(ClassNotFoundException.class, () -> Class.forName(Gson.class.getName(), false, context));
            assertEquals(null, seen[1]);
        } finally {
            request.remove();
        }
    }

    private static Bundle bundle(Class<?> anyBundleClass, String symbolicName) {
        for (Bundle bundle : FrameworkUtil.getBundle(anyBundleClass).getBundleContext().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static String jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath();
    }

    @Test
    @Order(9)
    void closeStopsEveryThreadTheRuntimeStarted() throws InterruptedException {
        Set<Thread> running = threadsStartedSince(threadsBefore);
        assertFalse(running.isEmpty());
        for (Thread thread : running) {
            // none of the runtime's threads looks classes up in the host's class path
            assertNotSame(EmbeddedMercatorTest.class.getClassLoader(), thread.getContextClassLoader(), thread.getName());
        }

        mercator.close();
        mercator.close();

        long deadline = System.nanoTime() + 5_000_000_000L;
        Set<Thread> left = threadsStartedSince(threadsBefore);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = threadsStartedSince(threadsBefore);
        }
        assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()));
        assertThrows(IllegalStateException.class, () -> mercator.strategies());
    }

    @Test
    @Order(10)
    void aRestartKeepsTheSwitchedDefaultAndTheDeployedStrategy() {
        try (Mercator again = Mercator.builder().home(home).build()) {
            assertEquals("seasonal-naive", again.defaultStrategy(Family.FORECASTING).orElseThrow());
            assertEquals("item-knn", again.defaultStrategy(Family.FILTERING).orElseThrow());
            assertTrue(again.strategies(Family.FORECASTING).stream().anyMatch(this::isSample));
        }
    }

    /**
     * Threads started since {@code before} and still alive, except the JVM's shared fork-join pool
     * (strategies fit with parallel streams; its workers belong to the JVM and end when idle),
     * whose workers must not hold on to the runtime's class loaders either.
     */
    private static Set<Thread> threadsStartedSince(Set<Thread> before) {
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .collect(Collectors.toSet());
        for (Thread thread : started) {
            if (thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
                assertSame(ClassLoader.getSystemClassLoader(), worker.getContextClassLoader(), worker.getName());
            }
        }
        started.removeIf(thread -> thread instanceof ForkJoinWorkerThread worker
                && worker.getPool() == ForkJoinPool.commonPool());
        return started;
    }
}
