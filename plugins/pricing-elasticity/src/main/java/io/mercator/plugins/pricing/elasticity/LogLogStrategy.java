package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.osgi.service.component.annotations.Component;

/**
 * Log-log demand regression per product: {@code log units} on log own price, the mean log price
 * of the other products at the same location and period (substitutes), promotion, feature,
 * seasonal Fourier terms and one intercept per location. Own-price elasticities are then pooled
 * across the products of a category (or all products) by empirical Bayes (see
 * {@link ElasticityShrinkage}) so that a product with little price variation borrows from the
 * others; a product whose price never varies gets the
 * pooled elasticity. Prices maximise profit (or revenue) under constant elasticity within the
 * business rules.
 *
 * <p>Segment-level demand: when the observations carry customer segments
 * ({@link PriceObservations#hasSegments()}), each product is also fitted on the rows of each of its
 * segments, and each segment's elasticity is shrunk toward the product's (a normal prior centred
 * on the product's elasticity whose between-segment variance is estimated by the method of moments
 * over all products' segments), so a segment with few or flat prices gets close to its product.
 */
@Component(service = PricingStrategy.class, immediate = true)
public final class LogLogStrategy implements PricingStrategy {

    static final String SHRINKAGE = "shrinkage";
    static final String HARMONICS = "seasonalHarmonics";
    static final String SEASON_LENGTH = "seasonLength";
    static final String LEVEL = "level";
    static final String CATEGORY_DELIMITER = "categoryDelimiter";

    /** A category pools its own products only when it has at least this many with price variation. */
    static final int MIN_CATEGORY_PRODUCTS = 3;

    static final ParameterSpec HARMONICS_SPEC = ParameterSpec.integer(HARMONICS,
            "Sine/cosine pairs describing the seasonal cycle (0: no seasonality)", 2, 0, 12);
    static final ParameterSpec SEASON_LENGTH_SPEC = ParameterSpec.integer(SEASON_LENGTH,
            "Periods per seasonal cycle (52 for weeks)", 52, 2, 10_000);
    static final ParameterSpec LEVEL_SPEC = ParameterSpec.real(LEVEL,
            "Coverage of the elasticity intervals in percent", 95, 50, 99.9);

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.builder(Family.PRICING, "log-log", "1.1.0")
            .vendor("Mercator")
            .description("Log-log regression of units on own and substitute prices with promotion, feature, "
                    + "seasonal and store effects; elasticities shrunk toward the pooled one; profit-maximising "
                    + "prices under business rules.")
            .parameter(ParameterSpec.bool(SHRINKAGE,
                    "Pool own-price elasticities across products (empirical Bayes)", true))
            .parameter(ParameterSpec.text(CATEGORY_DELIMITER, "Product ids start with their category up to this "
                    + "delimiter (e.g. '/' in 'juice/tropicana-64'); shrinkage pools within a category of at least "
                    + MIN_CATEGORY_PRODUCTS + " products with price variation, else across all. Empty: one category",
                    ""))
            .parameter(HARMONICS_SPEC)
            .parameter(SEASON_LENGTH_SPEC)
            .parameter(LEVEL_SPEC)
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PricingModel fit(PriceObservations data, Parameters parameters, TrainingContext context) {
        int harmonics = parameters.getInt(HARMONICS);
        int seasonLength = parameters.getInt(SEASON_LENGTH);
        double level = parameters.getDouble(LEVEL);
        double[][] x = DemandFeatures.of(data, harmonics, seasonLength);
        SalesRows sales = SalesRows.of(data);
        int productCount = data.products().size();
        int locationCount = sales.locationCount();
        ProductRegression[] regressions = new ProductRegression[productCount];
        for (int p = 0; p < productCount; p++) {
            if (p % 256 == 0) {
                context.checkCancelled();
                context.progress(0.9 * p / productCount, "regressions");
            }
            regressions[p] = ProductRegression.fit(sales.rowsOf()[p], sales.logUnits(), x, sales.location(),
                    locationCount);
        }
        ElasticityShrinkage pooling = pool(data, regressions);
        Map<String, ElasticityShrinkage> categoryPools = categoryPools(data, regressions,
                parameters.getString(CATEGORY_DELIMITER));
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 200);
        boolean shrink = parameters.getBoolean(SHRINKAGE);
        LogLogModel.Product[] fitted = new LogLogModel.Product[productCount];
        for (int p = 0; p < productCount; p++) {
            ProductRegression regression = regressions[p];
            ElasticityShrinkage own = categoryPools.getOrDefault(
                    category(data.products().id(p), parameters.getString(CATEGORY_DELIMITER)), pooling);
            Elasticity elasticity;
            if (!regression.identified()) {
                elasticity = interval(own.mean(), Math.sqrt(own.predictiveVariance()) * z, level);
            } else if (shrink) {
                double[] posterior = own.shrink(regression.ownElasticity(), regression.ownVariance());
                elasticity = interval(posterior[0], Math.sqrt(posterior[1]) * z, level);
            } else {
                double t = new TDistribution(null, regression.degreesOfFreedom())
                        .inverseCumulativeProbability(0.5 + level / 200);
                elasticity = interval(regression.ownElasticity(), Math.sqrt(regression.ownVariance()) * t, level);
            }
            fitted[p] = product(regression, elasticity, level, locationCount);
        }
        Elasticity pooled = interval(pooling.mean(), Math.sqrt(pooling.predictiveVariance()) * z, level);
        String[] locations = data.hasLocations() ? data.locations().toArray() : new String[0];
        LogLogModel.Segments segments = data.hasSegments()
                ? segments(data, sales, x, fitted, shrink, level, z, context)
                : LogLogModel.Segments.NONE;
        context.progress(1, "");
        return new LogLogModel(DESCRIPTOR.name(), DESCRIPTOR.version(), harmonics, seasonLength, data.products(),
                locations, fitted, pooled, segments);
    }

    private static LogLogModel.Product product(ProductRegression regression, Elasticity elasticity, double level,
            int locationCount) {
        double[] b = regression.coefficientsWith(elasticity.estimate());
        return new LogLogModel.Product(elasticity, regression.substituteElasticity(level), b,
                regression.locationEffects(b, locationCount), regression.averageEffect(b), regression.smearing(),
                regression.substituteFill(), regression.meanLogUnits(), regression.meanLogPrice());
    }

    /**
     * Fits every product on the rows of each segment it sold in and shrinks each segment's
     * elasticity toward the product's: prior N(product's estimate, tau^2) with tau^2 the mean over
     * all identified product-segments of (squared deviation from the product minus sampling
     * variance), floored at 0. A segment whose price did not vary gets the product's elasticity
     * with the prior's variance.
     */
    private static LogLogModel.Segments segments(PriceObservations data, SalesRows sales, double[][] x,
            LogLogModel.Product[] products, boolean shrink, double level, double z, TrainingContext context) {
        int segmentCount = data.segments().size();
        int productCount = products.length;
        ProductRegression[][] regressions = new ProductRegression[segmentCount][productCount];
        double deviations = 0;
        int identified = 0;
        for (int p = 0; p < productCount; p++) {
            if (p % 256 == 0) {
                context.checkCancelled();
                context.progress(0.9 + 0.1 * p / productCount, "segments");
            }
            int[] rows = sales.rowsOf()[p];
            int[] count = new int[segmentCount];
            for (int row : rows) {
                count[data.segment(row)]++;
            }
            int[][] rowsOfSegment = new int[segmentCount][];
            for (int s = 0; s < segmentCount; s++) {
                rowsOfSegment[s] = new int[count[s]];
                count[s] = 0;
            }
            for (int row : rows) {
                int s = data.segment(row);
                rowsOfSegment[s][count[s]++] = row;
            }
            for (int s = 0; s < segmentCount; s++) {
                if (rowsOfSegment[s].length == 0) {
                    continue;
                }
                ProductRegression regression = ProductRegression.fit(rowsOfSegment[s], sales.logUnits(), x,
                        sales.location(), sales.locationCount());
                regressions[s][p] = regression;
                if (regression.identified()) {
                    double d = regression.ownElasticity() - products[p].elasticity().estimate();
                    deviations += d * d - regression.ownVariance();
                    identified++;
                }
            }
        }
        double tau2 = identified == 0 ? 0 : Math.max(0, deviations / identified);
        LogLogModel.Product[][] fitted = new LogLogModel.Product[segmentCount][productCount];
        for (int s = 0; s < segmentCount; s++) {
            for (int p = 0; p < productCount; p++) {
                ProductRegression regression = regressions[s][p];
                if (regression == null) {
                    continue;
                }
                Elasticity own = products[p].elasticity();
                double ownVariance = Math.pow((own.upperBound() - own.lowerBound()) / (2 * z), 2);
                Elasticity elasticity;
                if (!regression.identified()) {
                    elasticity = interval(own.estimate(), Math.sqrt(tau2 + ownVariance) * z, level);
                } else if (shrink) {
                    double weightOnOwn = tau2 / (tau2 + regression.ownVariance());
                    double estimate = weightOnOwn * regression.ownElasticity() + (1 - weightOnOwn) * own.estimate();
                    double variance = weightOnOwn * regression.ownVariance()
                            + (1 - weightOnOwn) * (1 - weightOnOwn) * ownVariance;
                    elasticity = interval(estimate, Math.sqrt(variance) * z, level);
                } else {
                    double t = new TDistribution(null, regression.degreesOfFreedom())
                            .inverseCumulativeProbability(0.5 + level / 200);
                    elasticity = interval(regression.ownElasticity(), Math.sqrt(regression.ownVariance()) * t, level);
                }
                fitted[s][p] = product(regression, elasticity, level, sales.locationCount());
            }
        }
        return new LogLogModel.Segments(data.segments(), fitted);
    }

    /** Pools the identified products; fails when a product cannot borrow from enough others. */
    private static ElasticityShrinkage pool(PriceObservations data, ProductRegression[] regressions) {
        List<Integer> identified = new ArrayList<>();
        String unidentified = null;
        for (int p = 0; p < regressions.length; p++) {
            if (regressions[p].identified()) {
                identified.add(p);
            } else if (unidentified == null) {
                unidentified = data.products().id(p);
            }
        }
        if (identified.isEmpty()) {
            throw new ValidationException("price", "no product's price varies within a location: "
                    + "elasticities cannot be estimated");
        }
        if (identified.size() < 2 && unidentified != null) {
            throw new ValidationException("price", "product '" + unidentified
                    + "' has no price variation and fewer than two other products have: its elasticity cannot be "
                    + "estimated or borrowed");
        }
        return poolOf(identified, regressions);
    }

    /** Pools each category with enough identified products on its own; the others use the overall pool. */
    private static Map<String, ElasticityShrinkage> categoryPools(PriceObservations data,
            ProductRegression[] regressions, String delimiter) {
        Map<String, List<Integer>> members = new HashMap<>();
        for (int p = 0; p < regressions.length; p++) {
            if (regressions[p].identified()) {
                members.computeIfAbsent(category(data.products().id(p), delimiter), c -> new ArrayList<>()).add(p);
            }
        }
        Map<String, ElasticityShrinkage> pools = new HashMap<>();
        members.forEach((category, products) -> {
            if (products.size() >= MIN_CATEGORY_PRODUCTS) {
                pools.put(category, poolOf(products, regressions));
            }
        });
        return pools;
    }

    /** @return the id up to the delimiter, or "" when there is no delimiter or it does not occur */
    static String category(String productId, String delimiter) {
        int end = delimiter.isEmpty() ? -1 : productId.indexOf(delimiter);
        return end < 0 ? "" : productId.substring(0, end);
    }

    private static ElasticityShrinkage poolOf(List<Integer> identified, ProductRegression[] regressions) {
        double[] estimates = new double[identified.size()];
        double[] variances = new double[identified.size()];
        for (int i = 0; i < estimates.length; i++) {
            ProductRegression regression = regressions[identified.get(i)];
            estimates[i] = regression.ownElasticity();
            // a perfect fit has zero variance; keep the weights finite
            variances[i] = Math.max(regression.ownVariance(), 1e-12);
        }
        return ElasticityShrinkage.fit(estimates, variances);
    }

    static Elasticity interval(double estimate, double halfWidth, double level) {
        return new Elasticity(estimate, estimate - halfWidth, estimate + halfWidth, level);
    }

    @Override
    public PricingModel readModel(InputStream in) throws IOException {
        return LogLogModel.read(in, DESCRIPTOR.name());
    }
}
