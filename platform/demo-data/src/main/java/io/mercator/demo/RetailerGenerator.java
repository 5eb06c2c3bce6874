package io.mercator.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Generates a {@link Retailer} from a {@link RetailerSpec}: deterministic for a given seed, with
 * every behaviour planted from known parameters that the truth files write down.
 *
 * <p>Daily units of product {@code s} in store {@code r} on day {@code t} are Poisson with mean
 * {@code base[s] * store[r] * trend[s]^(t/365) * weekly[c][weekday] * yearly[c](day of year)
 * * holiday[c](date) * (price[s,t]/list[s])^e[s] * lift[s]^promo[s,t]
 * * (price[sub,t]/list[sub])^x[s]}, with {@code c} the category, {@code e} the own-price
 * elasticity, {@code sub} the product's substitute and {@code x} the cross-price elasticity.
 * Customers belong to planted {@link Segment segments} that set how often they visit, how much
 * they buy, how focused their category taste is, how much promotions attract them and whether
 * they lapse. Each customer also has three favourite products, drawn from their taste, that make
 * up 40% of their basket lines: the habitual repurchases a recommender should pick up.
 */
public final class RetailerGenerator {

    private static final int PROMOTION_DAYS = 7;
    private static final double MEAN_DAYS_BETWEEN_PROMOTIONS = 56;
    /** Products each customer buys out of habit, and the share of basket lines that are habitual. */
    private static final int FAVOURITES = 3;
    private static final double HABIT = 0.4;

    private RetailerGenerator() {
    }

    /**
     * @param spec size and seed
     * @return the retailer
     */
    public static Retailer generate(RetailerSpec spec) {
        return generate(spec, fraction -> { });
    }

    /**
     * Generates the daily demand series in parallel (on the common fork-join pool): each series has
     * its own random stream, so the result is the same whatever the number of threads.
     *
     * @param spec size and seed
     * @param progress told the fraction of demand series done, about every percent, from the
     *     generating threads
     * @return the retailer
     */
    public static Retailer generate(RetailerSpec spec, DoubleConsumer progress) {
        RandomDataGenerator random = new RandomDataGenerator(new Well19937c(spec.seed()));
        int skus = spec.skus();
        int days = spec.days();
        Category[] categories = Category.values();

        String[] skuIds = new String[skus];
        String[] names = new String[skus];
        Category[] categoryOf = new Category[skus];
        String[] brands = new String[skus];
        String[] sizes = new String[skus];
        double[] unitCost = new double[skus];
        double[] listPrice = new double[skus];
        double[] elasticity = new double[skus];
        double[] promotionLift = new double[skus];
        double[] baseDemand = new double[skus];
        double[] trend = new double[skus];
        for (int s = 0; s < skus; s++) {
            Category category = categories[s % categories.length];
            categoryOf[s] = category;
            skuIds[s] = String.format("SKU-%05d", s + 1);
            String noun = category.nouns[(s / categories.length) % category.nouns.length];
            String adjective = Category.ADJECTIVES[random.nextInt(0, Category.ADJECTIVES.length - 1)];
            brands[s] = Category.BRANDS[random.nextInt(0, Category.BRANDS.length - 1)];
            sizes[s] = new String[] {"small", "medium", "large"}[random.nextInt(0, 2)];
            names[s] = brands[s] + " " + adjective + " " + noun;
            unitCost[s] = cents(random.nextUniform(0.4, 6.0));
            listPrice[s] = priceEnding(unitCost[s] * random.nextUniform(1.3, 2.0));
            elasticity[s] = Math.min(-0.5, category.elasticity + random.nextGaussian(0, 0.3));
            promotionLift[s] = random.nextUniform(1.1, 1.4);
            boolean slowMover = random.nextUniform(0, 1) < 0.2;
            baseDemand[s] = slowMover ? random.nextUniform(0.1, 0.8) : Math.exp(random.nextGaussian(2.0, 0.7));
            trend[s] = 1 + random.nextGaussian(0.03, 0.05);
        }
        int[] substitute = new int[skus];
        double[] crossElasticity = new double[skus];
        for (int s = 0; s < skus; s++) {
            // the next product of the same category, wrapping around: a substitute pair
            int candidate = s + categories.length < skus ? s + categories.length : s % categories.length;
            substitute[s] = candidate == s ? -1 : candidate;
            crossElasticity[s] = substitute[s] < 0 ? 0 : random.nextUniform(0.2, 0.6);
        }

        int stores = spec.stores();
        String[] storeIds = new String[stores];
        double[] storeFactor = new double[stores];
        double[] leadTimeMean = new double[stores];
        double[] leadTimeSd = new double[stores];
        for (int r = 0; r < stores; r++) {
            storeIds[r] = String.format("S%02d", r + 1);
            storeFactor[r] = random.nextUniform(0.6, 1.4);
            leadTimeMean[r] = random.nextInt(2, 7);
            leadTimeSd[r] = Math.round(leadTimeMean[r] * random.nextUniform(0.1, 0.4) * 10) / 10.0;
        }

        double[][] price = new double[skus][days];
        boolean[][] promoted = new boolean[skus][days];
        for (int s = 0; s < skus; s++) {
            pricePath(random, listPrice[s], days, price[s], promoted[s]);
        }

        double[][] calendar = calendarFactors(spec, categories);
        int[][][] units = new int[stores][skus][days];
        int seriesCount = stores * skus;
        int step = Math.max(1, seriesCount / 100);
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, seriesCount).parallel().forEach(index -> {
            int r = index / skus;
            int s = index % skus;
            RandomDataGenerator series = new RandomDataGenerator(new Well19937c(spec.seed() * 1_000_003L + r * 65_537L + s));
            for (int t = 0; t < days; t++) {
                double mean = baseDemand[s] * storeFactor[r] * Math.pow(trend[s], t / 365.0)
                        * calendar[categoryOf[s].ordinal()][t]
                        * Math.pow(price[s][t] / listPrice[s], elasticity[s])
                        * (promoted[s][t] ? promotionLift[s] : 1);
                if (substitute[s] >= 0) {
                    mean *= Math.pow(price[substitute[s]][t] / listPrice[substitute[s]], crossElasticity[s]);
                }
                units[r][s][t] = mean > 0 ? (int) series.nextPoisson(mean) : 0;
            }
            int finished = done.incrementAndGet();
            if (finished % step == 0 || finished == seriesCount) {
                progress.accept(finished / (double) seriesCount);
            }
        });

        Customers customers = customers(spec, random, categoryOf, baseDemand, price, promoted);
        return new Retailer(spec, skuIds, names, categoryOf, brands, sizes, unitCost, listPrice, elasticity,
                substitute, crossElasticity, promotionLift, baseDemand, storeIds, storeFactor, leadTimeMean,
                leadTimeSd, price, promoted, units, customers.ids, customers.segments, customers.lastActiveDay,
                customers.transactions, customers.interactions);
    }

    /**
     * @param percentDone told 10, 20 ... 100 as the generation passes each tenth, once each
     * @return a progress listener for {@link #generate(RetailerSpec, DoubleConsumer)}
     */
    public static DoubleConsumer everyTenth(IntConsumer percentDone) {
        int[] shown = {0};
        return fraction -> {
            synchronized (shown) {
                int tenth = (int) (fraction * 10);
                if (tenth > shown[0]) {
                    shown[0] = tenth;
                    percentDone.accept(tenth * 10);
                }
            }
        };
    }

    /** List price with occasional permanent changes, and week-long promotions at 15-30% off. */
    private static void pricePath(RandomDataGenerator random, double list, int days, double[] price, boolean[] promoted) {
        double regular = list;
        int nextChange = random.nextInt(60, Math.max(61, days));
        int nextPromotion = (int) random.nextExponential(MEAN_DAYS_BETWEEN_PROMOTIONS / 2);
        double discount = 0;
        int promotionEnds = -1;
        for (int t = 0; t < days; t++) {
            if (t == nextChange) {
                regular = priceEnding(regular * (1 + random.nextUniform(-0.10, 0.10)));
                nextChange = t + random.nextInt(180, 400);
            }
            if (t == nextPromotion) {
                discount = random.nextUniform(0.15, 0.30);
                promotionEnds = t + PROMOTION_DAYS;
                nextPromotion = promotionEnds + 14 + (int) random.nextExponential(MEAN_DAYS_BETWEEN_PROMOTIONS - 21);
            }
            promoted[t] = t < promotionEnds;
            price[t] = promoted[t] ? cents(regular * (1 - discount)) : regular;
        }
    }

    /** Weekly, yearly and holiday factors per category and day. */
    private static double[][] calendarFactors(RetailerSpec spec, Category[] categories) {
        double[][] factors = new double[categories.length][spec.days()];
        for (Category category : categories) {
            double[] weekly = category.weeklyFactors();
            for (int t = 0; t < spec.days(); t++) {
                LocalDate date = spec.start().plusDays(t);
                factors[category.ordinal()][t] = weekly[date.getDayOfWeek().getValue() - 1]
                        * category.yearlyFactor(date.getDayOfYear()) * holidayFactor(category, date);
            }
        }
        return factors;
    }

    /** Christmas week and New Year's Eve lift festive categories; New Year's Day is quiet everywhere. */
    static double holidayFactor(Category category, LocalDate date) {
        if (date.getMonth() == Month.JANUARY && date.getDayOfMonth() == 1) {
            return 0.5;
        }
        if (date.getMonth() == Month.DECEMBER && category.festive) {
            if (date.getDayOfMonth() >= 18 && date.getDayOfMonth() <= 24) {
                return 1.6;
            }
            if (date.getDayOfMonth() == 31) {
                return 1.4;
            }
        }
        if (date.getMonth() == Month.AUGUST && date.getDayOfMonth() <= 7 && date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return 1.2;
        }
        return 1;
    }

    private record Customers(String[] ids, Segment[] segments, int[] lastActiveDay, Columns.Transactions transactions,
            Columns.Interactions interactions) {
    }

    private static Customers customers(RetailerSpec spec, RandomDataGenerator random, Category[] categoryOf,
            double[] baseDemand, double[][] price, boolean[][] promoted) {
        int count = spec.customers();
        int days = spec.days();
        Category[] categories = Category.values();
        List<List<Integer>> skusByCategory = new ArrayList<>();
        for (int c = 0; c < categories.length; c++) {
            skusByCategory.add(new ArrayList<>());
        }
        for (int s = 0; s < categoryOf.length; s++) {
            skusByCategory.get(categoryOf[s].ordinal()).add(s);
        }
        String[] ids = new String[count];
        Segment[] segments = new Segment[count];
        int[] lastActiveDay = new int[count];
        Columns.Transactions transactions = new Columns.Transactions();
        Columns.Interactions interactions = new Columns.Interactions();
        long invoice = 100_000;
        long startSecond = spec.start().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int u = 0; u < count; u++) {
            ids[u] = String.format("C%06d", u + 1);
            segments[u] = pickSegment(random.nextUniform(0, 1));
            Segment segment = segments[u];
            lastActiveDay[u] = segment.churns ? random.nextInt(days / 5, (int) (days * 0.6)) : days - 1;
            double[] taste = dirichlet(random, categories.length, segment.tasteConcentration);
            int[] favourites = new int[FAVOURITES];
            for (int f = 0; f < FAVOURITES; f++) {
                favourites[f] = pickProduct(random, skusByCategory.get(pick(random, taste)), baseDemand, promoted, 0, 1);
            }
            double strongest = 0;
            for (double share : taste) {
                strongest = Math.max(strongest, share);
            }
            for (int t = 0; t <= lastActiveDay[u]; t++) {
                if (random.nextUniform(0, 1) >= segment.visitsPerDay) {
                    continue;
                }
                invoice++;
                long visitSecond = startSecond + t * 86_400L + random.nextInt(9 * 3600, 20 * 3600);
                int basket = 1 + (int) random.nextPoisson(segment.basketSize - 1);
                for (int line = 0; line < basket; line++) {
                    int sku;
                    if (random.nextUniform(0, 1) < HABIT) {
                        sku = favourites[random.nextInt(0, FAVOURITES - 1)];
                    } else {
                        sku = pickProduct(random, skusByCategory.get(pick(random, taste)), baseDemand, promoted, t,
                                segment.promotionAffinity);
                    }
                    if (sku < 0) {
                        continue;
                    }
                    int quantity = 1 + (int) random.nextPoisson(0.3);
                    long second = visitSecond + line * 30L;
                    int category = categoryOf[sku].ordinal();
                    List<Integer> sameCategory = skusByCategory.get(category);
                    int views = random.nextInt(0, 2);
                    for (int v = 0; v < views; v++) {
                        int viewed = sameCategory.get(random.nextInt(0, sameCategory.size() - 1));
                        interactions.add(u, viewed, second - 600 + v * 60L, Columns.Interactions.VIEW, 1);
                    }
                    transactions.add(invoice, u, t, sku, quantity, cents(quantity * price[sku][t]));
                    interactions.add(u, sku, second, Columns.Interactions.PURCHASE, quantity);
                    if (random.nextUniform(0, 1) < 0.1) {
                        double affinity = taste[category] / strongest;
                        long rating = Math.round(1 + 4 * affinity + random.nextGaussian(0, 0.7));
                        interactions.add(u, sku, second + 86_400L * random.nextInt(1, 7), Columns.Interactions.RATING,
                                Math.max(1, Math.min(5, rating)));
                    }
                }
            }
        }
        return new Customers(ids, segments, lastActiveDay, transactions, interactions);
    }

    private static Segment pickSegment(double u) {
        double cumulative = 0;
        for (Segment segment : Segment.values()) {
            cumulative += segment.share;
            if (u < cumulative) {
                return segment;
            }
        }
        return Segment.OCCASIONAL;
    }

    private static double[] dirichlet(RandomDataGenerator random, int size, double concentration) {
        double[] shares = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            shares[i] = random.nextGamma(concentration, 1);
            sum += shares[i];
        }
        for (int i = 0; i < size; i++) {
            shares[i] /= sum;
        }
        return shares;
    }

    private static int pick(RandomDataGenerator random, double[] weights) {
        double u = random.nextUniform(0, 1);
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Popular products are picked more often; promoted ones more so for customers drawn to promotions. */
    private static int pickProduct(RandomDataGenerator random, List<Integer> skus, double[] baseDemand,
            boolean[][] promoted, int day, double promotionAffinity) {
        if (skus.isEmpty()) {
            return -1;
        }
        double total = 0;
        for (int sku : skus) {
            total += baseDemand[sku] * (promoted[sku][day] ? promotionAffinity : 1);
        }
        double u = random.nextUniform(0, total);
        for (int sku : skus) {
            u -= baseDemand[sku] * (promoted[sku][day] ? promotionAffinity : 1);
            if (u < 0) {
                return sku;
            }
        }
        return skus.get(skus.size() - 1);
    }

    static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Rounds a price to end in .49 or .99, as shelf prices do. */
    static double priceEnding(double value) {
        double whole = Math.floor(value);
        double ending = value - whole < 0.5 ? 0.49 : 0.99;
        return Math.max(0.49, whole + ending);
    }
}
