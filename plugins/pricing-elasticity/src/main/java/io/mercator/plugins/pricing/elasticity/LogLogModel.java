package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.AbstractModel;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.pricing.Elasticity;
import io.mercator.api.pricing.MarkdownRequest;
import io.mercator.api.pricing.MarkdownSchedule;
import io.mercator.api.pricing.PriceObservations;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import io.mercator.api.pricing.PricingModel;
import io.mercator.api.pricing.PricingRules;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A fitted log-log demand model: per product the coefficients of {@link DemandFeatures}, one
 * intercept per location, the own-price elasticity with its interval, and the pooled elasticity
 * that unknown products fall back to. Immutable and thread-safe.
 *
 * <p>Recommendations use constant-elasticity demand through the product's average point:
 * {@code units(p) = smearing * exp(meanLogUnits + e * (log p - meanLogPrice))}, so expected
 * units are per row of the training data (per location and period).
 */
final class LogLogModel extends AbstractModel implements PricingModel {

    private static final int MAGIC = 0x4c4c4f47; // "LLOG"
    private static final int FORMAT = 1;

    /** Everything the model knows about one product. */
    record Product(Elasticity elasticity, Elasticity substitute, double[] coefficients, double[] locationEffects,
            double averageEffect, double smearing, double substituteFill, double meanLogUnits, double meanLogPrice) {

        /** @return expected units at the price, other conditions at their averages */
        double unitsAt(double price) {
            return smearing * Math.exp(meanLogUnits + elasticity.estimate() * (Math.log(price) - meanLogPrice));
        }
    }

    private final int harmonics;
    private final int seasonLength;
    private final IdDictionary products;
    private final String[] locations;
    private final Product[] fitted;
    private final Elasticity pooled;

    LogLogModel(String name, String version, int harmonics, int seasonLength, IdDictionary products,
            String[] locations, Product[] fitted, Elasticity pooled) {
        super(name, version, MAGIC, FORMAT);
        this.harmonics = harmonics;
        this.seasonLength = seasonLength;
        this.products = products;
        this.locations = locations;
        this.fitted = fitted;
        this.pooled = pooled;
    }

    @Override
    public Elasticity elasticity(String productId) {
        if (productId == null) {
            throw new ValidationException("productId", "is missing");
        }
        int p = products.indexOf(productId);
        return p < 0 ? pooled : fitted[p].elasticity();
    }

    @Override
    public Elasticity substituteElasticity(String productId) {
        Product product = fitted[products.require("productId", productId)];
        if (product.substitute() == null) {
            throw new ValidationException("productId", "'" + productId + "' has no cross elasticity: the prices of "
                    + "other products at its locations and periods did not vary independently of its own");
        }
        return product.substitute();
    }

    @Override
    public PriceRecommendations recommend(PriceRequest request) {
        return recommend(request, PricingRules.none());
    }

    @Override
    public PriceRecommendations recommend(PriceRequest request, PricingRules rules) {
        if (rules == null) {
            throw new ValidationException("rules", "are missing; use PricingRules.none()");
        }
        PriceOptimizer optimizer = new PriceOptimizer(rules);
        int rows = request.size();
        Product[] priced = new Product[rows];
        SizeLadder.Member[] members = new SizeLadder.Member[rows];
        double[] price = new double[rows];
        String[] binding = new String[rows];
        String[] error = rules.rowErrors() ? new String[rows] : null;
        for (int row = 0; row < rows; row++) {
            String id = request.products().id(row);
            int p = products.indexOf(id);
            Product product = p < 0 ? null : fitted[p];
            priced[row] = product;
            try {
                if (product == null) {
                    throw new ValidationException("products", row, "'" + id
                            + "' is not known (not in the training data): its demand level cannot be predicted");
                }
                double e = product.elasticity().estimate();
                double cost = request.unitCost(row);
                PriceOptimizer.Range range = optimizer.allowed(row, id, e, cost, request.currentPrice(row),
                        request.minPrice(row), request.maxPrice(row), request.competitorPrice(row));
                PriceOptimizer.Choice choice = optimizer.choose(row, id, e, cost, request.currentPrice(row), range);
                members[row] = new SizeLadder.Member(row, id, request.size(row), range, e, product.unitsAt(1), cost);
                price[row] = choice.price();
                binding[row] = choice.bindingRule();
            } catch (ValidationException problem) {
                if (error == null) {
                    throw problem;
                }
                SizeLadder.keepCurrentPrice(request, row, problem, price, binding, error);
            }
        }
        if (rules.sizeLadder() && request.hasSizes()) {
            new SizeLadder(optimizer, rules.priceEnding()).apply(request, members, price, binding, error);
        }
        double[] units = new double[rows];
        double[] revenue = new double[rows];
        double[] profit = new double[rows];
        for (int row = 0; row < rows; row++) {
            // a product of unknown demand is expected to sell nothing: no revenue or profit is promised for it
            units[row] = priced[row] == null ? 0 : priced[row].unitsAt(price[row]);
            revenue[row] = price[row] * units[row];
            profit[row] = (price[row] - request.unitCost(row)) * units[row];
        }
        return new PriceRecommendations(request.products(), price, units, revenue, profit, binding, error);
    }

    @Override
    public MarkdownSchedule markdown(MarkdownRequest request) {
        Product product = fitted[products.require("productId", request.productId())];
        return MarkdownPlanner.plan(request, product.unitsAt(1), product.elasticity().estimate());
    }

    @Override
    public double[] expectedUnits(PriceObservations conditions) {
        double[][] x = DemandFeatures.of(conditions, harmonics, seasonLength);
        IdDictionary knownLocations = IdDictionary.of("locations", locations);
        double[] expected = new double[conditions.size()];
        for (int row = 0; row < expected.length; row++) {
            String id = conditions.products().id(conditions.product(row));
            int p = products.indexOf(id);
            if (p < 0) {
                throw new ValidationException("product", row, "'" + id + "' is not known (not in the training data)");
            }
            Product product = fitted[p];
            int location = conditions.hasLocations()
                    ? knownLocations.indexOf(conditions.locations().id(conditions.location(row)))
                    : -1;
            double effect = location < 0 || Double.isNaN(product.locationEffects()[location])
                    ? product.averageEffect()
                    : product.locationEffects()[location];
            double logUnits = effect;
            double[] b = product.coefficients();
            for (int j = 0; j < b.length; j++) {
                double value = x[j][row];
                logUnits += b[j] * (Double.isNaN(value) ? product.substituteFill() : value);
            }
            expected[row] = product.smearing() * Math.exp(logUnits);
        }
        return expected;
    }

    @Override
    protected void writeBody(DataOutputStream data) throws IOException {
        data.writeInt(harmonics);
        data.writeInt(seasonLength);
        writeElasticity(data, pooled);
        data.writeInt(locations.length);
        for (String location : locations) {
            data.writeUTF(location);
        }
        data.writeInt(products.size());
        for (int p = 0; p < products.size(); p++) {
            Product product = fitted[p];
            data.writeUTF(products.id(p));
            writeElasticity(data, product.elasticity());
            data.writeBoolean(product.substitute() != null);
            if (product.substitute() != null) {
                writeElasticity(data, product.substitute());
            }
            writeArray(data, product.coefficients());
            writeArray(data, product.locationEffects());
            data.writeDouble(product.averageEffect());
            data.writeDouble(product.smearing());
            data.writeDouble(product.substituteFill());
            data.writeDouble(product.meanLogUnits());
            data.writeDouble(product.meanLogPrice());
        }
    }

    /**
     * @param in the bytes written by {@link #writeTo}
     * @param expectedName the name of the strategy reading the model
     * @return the model
     * @throws IOException when the bytes are not a model of that strategy
     */
    static LogLogModel read(InputStream in, String expectedName) throws IOException {
        DataInputStream data = new DataInputStream(in);
        Header header = readHeader(data, MAGIC, FORMAT, "a log-log pricing model", expectedName);
        String name = header.strategyName();
        String version = header.strategyVersion();
        int harmonics = data.readInt();
        int seasonLength = data.readInt();
        Elasticity pooled = readElasticity(data);
        String[] locations = new String[checkedCount(data.readInt())];
        for (int l = 0; l < locations.length; l++) {
            locations[l] = data.readUTF();
        }
        int count = checkedCount(data.readInt());
        String[] ids = new String[count];
        Product[] fitted = new Product[count];
        for (int p = 0; p < count; p++) {
            ids[p] = data.readUTF();
            Elasticity own = readElasticity(data);
            Elasticity substitute = data.readBoolean() ? readElasticity(data) : null;
            fitted[p] = new Product(own, substitute, readArray(data), readArray(data), data.readDouble(),
                    data.readDouble(), data.readDouble(), data.readDouble(), data.readDouble());
        }
        try {
            return new LogLogModel(name, version, harmonics, seasonLength, IdDictionary.of("products", ids),
                    locations, fitted, pooled);
        } catch (ValidationException corrupt) {
            throw new IOException("corrupt model: " + corrupt.getMessage(), corrupt);
        }
    }

    private static int checkedCount(int count) throws IOException {
        if (count < 0) {
            throw new IOException("corrupt model: negative count " + count);
        }
        return count;
    }

    private static void writeElasticity(DataOutputStream data, Elasticity elasticity) throws IOException {
        data.writeDouble(elasticity.estimate());
        data.writeDouble(elasticity.lowerBound());
        data.writeDouble(elasticity.upperBound());
        data.writeDouble(elasticity.level());
    }

    private static Elasticity readElasticity(DataInputStream data) throws IOException {
        double estimate = data.readDouble();
        double lower = data.readDouble();
        double upper = data.readDouble();
        double level = data.readDouble();
        try {
            return new Elasticity(estimate, lower, upper, level);
        } catch (ValidationException corrupt) {
            throw new IOException("corrupt model: " + corrupt.getMessage(), corrupt);
        }
    }

    private static void writeArray(DataOutputStream data, double[] values) throws IOException {
        data.writeInt(values.length);
        for (double value : values) {
            data.writeDouble(value);
        }
    }

    private static double[] readArray(DataInputStream data) throws IOException {
        double[] values = new double[checkedCount(data.readInt())];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.readDouble();
        }
        return values;
    }
}
