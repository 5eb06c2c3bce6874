package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.AbstractModel;
import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A weighted blend of other registered recommenders, chosen by name: each component is fitted on
 * the same data with its own defaults, and the model keeps the component models. Lists blend the
 * components' scores after scaling each component's list to 0..1 (its best item 1, its worst 0,
 * items it does not list 0), since their scales differ (a rating, a similarity sum, a relevance);
 * predictions are the weighted mean of the components' predictions, meaningful when they predict
 * on one scale. Components are found through the {@link StrategyRegistry}, so vendor recommenders
 * blend as well as built-in ones; reading a model back needs its components' strategies
 * registered in the same major version.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class HybridStrategy implements RecommenderStrategy {

    static final String NAME = "hybrid";
    static final String COMPONENTS = "components";
    static final int MAGIC = 0x4d485942; // "MHYB"
    static final int FORMAT = 1;

    private static final StrategyDescriptor DESCRIPTOR = StrategyDescriptor.builder(Family.FILTERING, NAME, "1.0.0")
            .vendor("Mercator")
            .description("Weighted blend of other registered recommenders chosen by name; scores scaled to 0..1 "
                    + "per component before blending.")
            .parameter(ParameterSpec.text(COMPONENTS, "Comma-separated name:weight pairs of registered "
                    + "recommenders, e.g. item-knn:0.6,biased-mf:0.4 (a bare name weighs 1); each is fitted with "
                    + "its defaults.", "item-knn:0.5,biased-mf:0.5"))
            .build();

    @Reference
    private StrategyRegistry registry;

    /** For Declarative Services, which injects the registry. */
    public HybridStrategy() {
    }

    /** @param registry where the components are found */
    HybridStrategy(StrategyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public StrategyDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** One component as the parameter names it. */
    record Weighted(String name, double weight) {
    }

    /**
     * @param text the {@code components} parameter
     * @return the named components with their weights
     * @throws ValidationException naming {@code components} when the text is malformed, names this
     *     strategy or a component twice, or gives a weight that is not positive
     */
    static List<Weighted> parse(String text) {
        List<Weighted> components = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String[] nameAndWeight = part.strip().split(":", -1);
            String name = nameAndWeight[0].strip();
            if (name.isEmpty() || nameAndWeight.length > 2) {
                throw new ValidationException(COMPONENTS, "'" + part.strip() + "' is not name or name:weight");
            }
            double weight;
            try {
                weight = nameAndWeight.length == 1 ? 1 : Double.parseDouble(nameAndWeight[1].strip());
            } catch (NumberFormatException notANumber) {
                throw new ValidationException(COMPONENTS, "the weight of " + name + " is not a number: '"
                        + nameAndWeight[1].strip() + "'");
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new ValidationException(COMPONENTS, "the weight of " + name + " must be above 0, not " + weight);
            }
            if (name.equals(NAME) || name.startsWith(NAME + "@")) {
                throw new ValidationException(COMPONENTS, "a hybrid cannot blend itself");
            }
            if (!names.add(name)) {
                throw new ValidationException(COMPONENTS, name + " is named twice");
            }
            components.add(new Weighted(name, weight));
        }
        return components;
    }

    @Override
    public RecommenderModel fit(Interactions data, Parameters parameters, TrainingContext context) {
        List<Weighted> weighted = parse(parameters.getString(COMPONENTS));
        List<HybridModel.Part> parts = new ArrayList<>();
        for (int c = 0; c < weighted.size(); c++) {
            context.checkCancelled();
            context.progress((double) c / weighted.size(), weighted.get(c).name());
            try (StrategyLease<RecommenderStrategy> lease = acquire(weighted.get(c).name())) {
                RecommenderStrategy strategy = lease.strategy();
                RecommenderModel model = strategy.fit(data,
                        Parameters.defaults(strategy.descriptor().parameters()), context);
                parts.add(new HybridModel.Part(model, weighted.get(c).weight()));
            }
        }
        context.progress(1, "");
        return new HybridModel(DESCRIPTOR.name(), DESCRIPTOR.version(), data.users(), parts);
    }

    private StrategyLease<RecommenderStrategy> acquire(String spec) {
        try {
            return registry.acquire(RecommenderStrategy.class, spec);
        } catch (StrategyNotFoundException missing) {
            throw new ValidationException(COMPONENTS, "no registered recommender matches '" + spec + "'");
        }
    }

    @Override
    public RecommenderModel readModel(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        AbstractModel.Header header = HybridModel.readHeader(data);
        IdDictionary users = Codec.readIds(data, "users");
        int count = data.readInt();
        List<HybridModel.Part> parts = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String name = data.readUTF();
            String version = data.readUTF();
            double weight = data.readDouble();
            byte[] bytes = new byte[data.readInt()];
            data.readFully(bytes);
            int major = Integer.parseInt(version.split("\\.")[0]);
            String spec = name + "@[" + major + "," + (major + 1) + ")";
            try (StrategyLease<RecommenderStrategy> lease = registry.acquire(RecommenderStrategy.class, spec)) {
                parts.add(new HybridModel.Part(lease.strategy().readModel(new ByteArrayInputStream(bytes)), weight));
            } catch (StrategyNotFoundException missing) {
                throw new IOException("the hybrid model blends " + name + " " + version + ", and no recommender "
                        + "matching " + spec + " is registered to read it", missing);
            }
        }
        return new HybridModel(header.strategyName(), header.strategyVersion(), users, parts);
    }
}
