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
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.osgi.service.component.annotations.Component;

/**
 * Log-log demand regression per product: {@code log units} on log own price, the mean log price
 * of the other products at the same location and period (substitutes), promotion, feature,
 * seasonal Fourier terms and one intercept per location. Own-price elasticities are then pooled
 * across products by empirical Bayes (see {@link ElasticityShrinkage}) so that a product with
 * little price variation borrows from the others; a product whose price never varies gets the
 * pooled elasticity. Prices maximise profit (or revenue) under constant elasticity within the
 * business rules.
 */
@Component(service = PricingStrategy.class, immediate = true)
public final class LogLogStrategy implements PricingStrategy {

    static final String SHRINKAGE = "shrinkage";
    static final String HARMONICS = "seasonalHarmonics";
    static final String SEASON_LENGTH = "seasonLength";
    static final String LEVEL = "level";

    static final ParameterSpec HARMONICS_SPEC = ParameterSpec.integer(HARMONICS,
            "Sine/cosine pairs describing the seasonal cycle (0: no seasonality)", 2, 0, 12);
    static final ParameterSpec SEASON_LENGTH_SPEC = ParameterSpec.integer(SEASON_LENGTH,
            "Periods per seasonal cycle (52 for weeks)", 52, 2, 10_000);
    static final ParameterSpec LEVEL_SPEC = ParameterSpec.real(LEVEL,
            "Coverage of the elasticity intervals in percent", 95, 50, 99.9);

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.builder(Family.PRICING, "log-log", "1.0.0")
            .vendor("Mercator")
            .description("Log-log regression of units on own and substitute prices with promotion, feature, "
                    + "seasonal and store effects; elasticities shrunk toward the pooled one; profit-maximising "
                    + "prices under business rules.")
            .parameter(ParameterSpec.bool(SHRINKAGE,
                    "Pool own-price elasticities across products (empirical Bayes)", true))
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
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + level / 200);
        boolean shrink = parameters.getBoolean(SHRINKAGE);
        LogLogModel.Product[] fitted = new LogLogModel.Product[productCount];
        for (int p = 0; p < productCount; p++) {
            ProductRegression regression = regressions[p];
            Elasticity elasticity;
            if (!regression.identified()) {
                elasticity = interval(pooling.mean(), Math.sqrt(pooling.predictiveVariance()) * z, level);
            } else if (shrink) {
                double[] posterior = pooling.shrink(regression.ownElasticity(), regression.ownVariance());
                elasticity = interval(posterior[0], Math.sqrt(posterior[1]) * z, level);
            } else {
                double t = new TDistribution(null, regression.degreesOfFreedom())
                        .inverseCumulativeProbability(0.5 + level / 200);
                elasticity = interval(regression.ownElasticity(), Math.sqrt(regression.ownVariance()) * t, level);
            }
            double[] b = regression.coefficientsWith(elasticity.estimate());
            fitted[p] = new LogLogModel.Product(elasticity, b, regression.locationEffects(b, locationCount),
                    regression.averageEffect(b), regression.smearing(), regression.substituteFill(),
                    regression.meanLogUnits(), regression.meanLogPrice());
        }
        context.progress(1, "");
        Elasticity pooled = interval(pooling.mean(), Math.sqrt(pooling.predictiveVariance()) * z, level);
        String[] locations = data.hasLocations() ? data.locations().toArray() : new String[0];
        return new LogLogModel(DESCRIPTOR.name(), DESCRIPTOR.version(), harmonics, seasonLength, data.products(),
                locations, fitted, pooled);
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
