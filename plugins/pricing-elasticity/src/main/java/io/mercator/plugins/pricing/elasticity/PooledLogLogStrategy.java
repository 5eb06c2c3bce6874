package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.Family;
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
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.osgi.service.component.annotations.Component;

/**
 * The pooled baseline: one log-log regression over all products with the same regressors as
 * {@link LogLogStrategy} and one intercept per product and location, so every product gets the
 * same elasticities. Simple and stable; it shows what per-product estimates add.
 */
@Component(service = PricingStrategy.class, immediate = true)
public final class PooledLogLogStrategy implements PricingStrategy {

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.builder(Family.PRICING, "pooled-log-log",
            "1.0.0")
            .vendor("Mercator")
            .description("One log-log regression for all products (shared elasticities, product-by-store "
                    + "intercepts); the baseline per-product estimates are judged against.")
            .parameter(LogLogStrategy.HARMONICS_SPEC)
            .parameter(LogLogStrategy.SEASON_LENGTH_SPEC)
            .parameter(LogLogStrategy.LEVEL_SPEC)
            .build();

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PricingModel fit(PriceObservations data, Parameters parameters, TrainingContext context) {
        int harmonics = parameters.getInt(LogLogStrategy.HARMONICS);
        int seasonLength = parameters.getInt(LogLogStrategy.SEASON_LENGTH);
        double level = parameters.getDouble(LogLogStrategy.LEVEL);
        double[][] x = DemandFeatures.of(data, harmonics, seasonLength);
        SalesRows sales = SalesRows.of(data);
        int productCount = data.products().size();
        int locations = sales.locationCount();
        if ((long) productCount * locations > Integer.MAX_VALUE) {
            throw new ValidationException("products", productCount + " products x " + locations
                    + " locations are too many intercepts for the pooled regression");
        }
        int[] cell = new int[data.size()];
        for (int row = 0; row < cell.length; row++) {
            cell[row] = data.product(row) * locations + sales.location()[row];
        }
        int[] sold = Arrays.stream(sales.rowsOf()).flatMapToInt(Arrays::stream).toArray();
        context.checkCancelled();
        ProductRegression pooled = ProductRegression.fit(sold, sales.logUnits(), x, cell, productCount * locations);
        if (!pooled.identified()) {
            throw new ValidationException("price", "prices do not vary within any product and location: "
                    + "elasticities cannot be estimated");
        }
        double t = new TDistribution(null, pooled.degreesOfFreedom()).inverseCumulativeProbability(0.5 + level / 200);
        Elasticity elasticity = LogLogStrategy.interval(pooled.ownElasticity(), Math.sqrt(pooled.ownVariance()) * t,
                level);
        double[] b = pooled.coefficientsWith(elasticity.estimate());
        double[] effects = pooled.locationEffects(b, productCount * locations);
        LogLogModel.Product[] fitted = new LogLogModel.Product[productCount];
        for (int p = 0; p < productCount; p++) {
            double[] means = productMeans(sales.rowsOf()[p], sales.logUnits(), x, pooled.substituteFill());
            double averageEffect = means[0];
            for (int j = 0; j < b.length; j++) {
                averageEffect -= b[j] * means[j + 1];
            }
            fitted[p] = new LogLogModel.Product(elasticity, pooled.substituteElasticity(level), b,
                    Arrays.copyOfRange(effects, p * locations, (p + 1) * locations), averageEffect,
                    pooled.smearing(), pooled.substituteFill(), means[0], means[1 + DemandFeatures.OWN_PRICE]);
        }
        context.progress(1, "");
        String[] locationIds = data.hasLocations() ? data.locations().toArray() : new String[0];
        return new LogLogModel(DESCRIPTOR.name(), DESCRIPTOR.version(), harmonics, seasonLength, data.products(),
                locationIds, fitted, elasticity);
    }

    /** @return {mean log units, mean of each regressor} over the product's rows */
    private static double[] productMeans(int[] rows, double[] logUnits, double[][] x, double substituteFill) {
        double[] means = new double[1 + x.length];
        for (int row : rows) {
            means[0] += logUnits[row];
            for (int j = 0; j < x.length; j++) {
                double value = x[j][row];
                means[j + 1] += Double.isNaN(value) ? substituteFill : value;
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= rows.length;
        }
        return means;
    }

    @Override
    public PricingModel readModel(InputStream in) throws IOException {
        return LogLogModel.read(in, DESCRIPTOR.name());
    }
}
