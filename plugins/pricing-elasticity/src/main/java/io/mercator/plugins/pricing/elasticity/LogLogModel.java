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
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Format 2 adds the segment fits; format 1 models (without segments) are still read. */
    private static final int FORMAT = 2;
    private static final int FORMAT_WITHOUT_SEGMENTS = 1;

    /** Everything the model knows about one product. */
    record Product(Elasticity elasticity, Elasticity substitute, double[] coefficients, double[] locationEffects,
            double averageEffect, double smearing, double substituteFill, double meanLogUnits, double meanLogPrice) {

        /** @return expected units at the price, other conditions at their averages */
        double unitsAt(double price) {
            return smearing * Math.exp(meanLogUnits + elasticity.estimate() * (Math.log(price) - meanLogPrice));
        }
    }

    /**
     * Per customer segment, the fits of the products sold in it.
     *
     * @param ids the segment ids
     * @param fitted per segment index and product index, the fit, or null where the product did
     *     not sell in that segment
     */
    record Segments(IdDictionary ids, Product[][] fitted) {
        static final Segments NONE = new Segments(IdDictionary.of("segments", new String[0]), new Product[0][]);
    }

    private final int harmonics;
    private final int seasonLength;
    private final IdDictionary products;
    private final String[] locations;
    private final Product[] fitted;
    private final Elasticity pooled;
    private final Segments segments;

    LogLogModel(String name, String version, int harmonics, int seasonLength, IdDictionary products,
            String[] locations, Product[] fitted, Elasticity pooled) {
        this(name, version, harmonics, seasonLength, products, locations, fitted, pooled, Segments.NONE);
    }

    LogLogModel(String name, String version, int harmonics, int seasonLength, IdDictionary products,
            String[] locations, Product[] fitted, Elasticity pooled, Segments segments) {
        super(name, version, MAGIC, FORMAT);
        this.segments = segments;
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
    public Elasticity elasticity(String productId, String segment) {
        return segmentFit(productId, segment).elasticity();
    }

    /** @return the product's fit in the segment; fails naming what is unknown */
    private Product segmentFit(String productId, String segment) {
        int p = products.require("productId", productId);
        Product[] inSegment = segmentFits(segment);
        if (inSegment[p] == null) {
            throw new ValidationException("segment", "product '" + productId + "' did not sell in segment '" + segment
                    + "' in the training data: its demand there is unknown");
        }
        return inSegment[p];
    }

    /** @return the fits of one segment, per product index */
    private Product[] segmentFits(String segment) {
        if (segments.ids().size() == 0) {
            throw new ValidationException("segment", "the model was fitted on observations without segments; "
                    + "import the sales with a segment column to price per segment");
        }
        return segments.fitted()[segments.ids().require("segment", segment)];
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
        Product[] priced = new Product[request.size()];
        for (int row = 0; row < priced.length; row++) {
            int p = products.indexOf(request.products().id(row));
            priced[row] = p < 0 ? null : fitted[p];
        }
        Choices choices = choose(request, rules, optimizer, priced, null);
        if (rules.sizeLadder() && request.hasSizes()) {
            new SizeLadder(optimizer).apply(request, choices.members(), choices.price(),
                    choices.binding(), choices.error());
        }
        return recommendations(request, priced, choices);
    }

    /**
     * One segment's prices before any rule that links rows: per row the product's range, price
     * and binding rule, or its error.
     */
    record Choices(SizeLadder.Member[] members, double[] price, String[] binding, String[] error) {
    }

    /**
     * @param priced per row, the product's demand (of the segment), null where unknown
     * @param segment the segment priced, null for the whole market
     */
    private static Choices choose(PriceRequest request, PricingRules rules, PriceOptimizer optimizer,
            Product[] priced, String segment) {
        int rows = request.size();
        SizeLadder.Member[] members = new SizeLadder.Member[rows];
        double[] price = new double[rows];
        String[] binding = new String[rows];
        String[] error = rules.rowErrors() ? new String[rows] : null;
        for (int row = 0; row < rows; row++) {
            String id = request.products().id(row);
            // error messages read "product 'oj' in segment 'loyal': ..."
            String label = segment == null ? id : id + "' in segment '" + segment;
            Product product = priced[row];
            try {
                if (product == null) {
                    throw new ValidationException("products", row, "'" + label
                            + "' is not known (not in the training data): its demand level cannot be predicted");
                }
                double e = product.elasticity().estimate();
                double cost = request.unitCost(row);
                PriceOptimizer.Range range = optimizer.allowed(row, label, e, cost, request.currentPrice(row),
                        request.minPrice(row), request.maxPrice(row), request.competitorPrice(row));
                PriceOptimizer.Choice choice = optimizer.choose(row, label, e, cost, request.currentPrice(row),
                        range);
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
        return new Choices(members, price, binding, error);
    }

    private static PriceRecommendations recommendations(PriceRequest request, Product[] priced, Choices choices) {
        int rows = request.size();
        double[] price = choices.price();
        double[] units = new double[rows];
        double[] revenue = new double[rows];
        double[] profit = new double[rows];
        for (int row = 0; row < rows; row++) {
            // a product of unknown demand is expected to sell nothing: no revenue or profit is promised for it
            units[row] = priced[row] == null ? 0 : priced[row].unitsAt(price[row]);
            revenue[row] = price[row] * units[row];
            profit[row] = (price[row] - request.unitCost(row)) * units[row];
        }
        return new PriceRecommendations(request.products(), price, units, revenue, profit, choices.binding(),
                choices.error());
    }

    @Override
    public Map<String, PriceRecommendations> recommendBySegment(PriceRequest request, PricingRules rules,
            List<String> segmentIds) {
        if (rules == null) {
            throw new ValidationException("rules", "are missing; use PricingRules.none()");
        }
        if (segmentIds == null || segmentIds.isEmpty()) {
            throw new ValidationException("segments", "name at least one segment to price");
        }
        if (rules.sizeLadder() && request.hasSizes()) {
            throw new ValidationException("rules", "the size ladder is not applied to segment prices; "
                    + "price the sizes per segment without it, or without segments");
        }
        if (new HashSet<>(segmentIds).size() != segmentIds.size()) {
            throw new ValidationException("segments", "names a segment twice: " + segmentIds);
        }
        PriceOptimizer optimizer = new PriceOptimizer(rules);
        Product[][] priced = new Product[segmentIds.size()][];
        Choices[] choices = new Choices[segmentIds.size()];
        for (int s = 0; s < priced.length; s++) {
            Product[] inSegment = segmentFits(segmentIds.get(s));
            priced[s] = new Product[request.size()];
            for (int row = 0; row < request.size(); row++) {
                int p = products.indexOf(request.products().id(row));
                priced[s][row] = p < 0 ? null : inSegment[p];
            }
            choices[s] = choose(request, rules, optimizer, priced[s], segmentIds.get(s));
        }
        if (rules.maxSegmentSpread() < Double.POSITIVE_INFINITY) {
            SegmentSpread spread = new SegmentSpread(optimizer, rules.maxSegmentSpread());
            for (int row = 0; row < request.size(); row++) {
                spread.apply(request, row, segmentIds, choices);
            }
        }
        Map<String, PriceRecommendations> bySegment = new LinkedHashMap<>();
        for (int s = 0; s < priced.length; s++) {
            bySegment.put(segmentIds.get(s), recommendations(request, priced[s], choices[s]));
        }
        return bySegment;
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
            if (conditions.hasSegments()) {
                // a row sold to a segment the product was fitted in is predicted by that segment's demand
                int s = segments.ids().indexOf(conditions.segments().id(conditions.segment(row)));
                if (s >= 0 && segments.fitted()[s][p] != null) {
                    product = segments.fitted()[s][p];
                }
            }
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
            writeProduct(data, product);
        }
        data.writeInt(segments.ids().size());
        for (int s = 0; s < segments.ids().size(); s++) {
            data.writeUTF(segments.ids().id(s));
            for (Product product : segments.fitted()[s]) {
                data.writeBoolean(product != null);
                if (product != null) {
                    writeProduct(data, product);
                }
            }
        }
    }

    private static void writeProduct(DataOutputStream data, Product product) throws IOException {
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

    private static Product readProduct(DataInputStream data) throws IOException {
        Elasticity own = readElasticity(data);
        Elasticity substitute = data.readBoolean() ? readElasticity(data) : null;
        return new Product(own, substitute, readArray(data), readArray(data), data.readDouble(), data.readDouble(),
                data.readDouble(), data.readDouble(), data.readDouble());
    }

    /**
     * @param in the bytes written by {@link #writeTo}
     * @param expectedName the name of the strategy reading the model
     * @return the model
     * @throws IOException when the bytes are not a model of that strategy
     */
    static LogLogModel read(InputStream in, String expectedName) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        DataInputStream data = new DataInputStream(buffered);
        buffered.mark(8);
        data.readInt();
        int format = data.readInt() == FORMAT_WITHOUT_SEGMENTS ? FORMAT_WITHOUT_SEGMENTS : FORMAT;
        buffered.reset();
        Header header = readHeader(data, MAGIC, format, "a log-log pricing model", expectedName);
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
            fitted[p] = readProduct(data);
        }
        try {
            Segments segments = Segments.NONE;
            if (format == FORMAT) {
                String[] segmentIds = new String[checkedCount(data.readInt())];
                Product[][] segmentFits = new Product[segmentIds.length][count];
                for (int s = 0; s < segmentIds.length; s++) {
                    segmentIds[s] = data.readUTF();
                    for (int p = 0; p < count; p++) {
                        segmentFits[s][p] = data.readBoolean() ? readProduct(data) : null;
                    }
                }
                segments = new Segments(IdDictionary.of("segments", segmentIds), segmentFits);
            }
            return new LogLogModel(name, version, harmonics, seasonLength, IdDictionary.of("products", ids),
                    locations, fitted, pooled, segments);
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
