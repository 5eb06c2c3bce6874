package io.mercator.platform.rest;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.Strategy;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored models loaded for queries, by model id. A model is read by the strategy that made it (its
 * name, any version of the same major, through the registry's protected call) and kept until that
 * strategy's bundle changes (updated, stopped or uninstalled: {@link #bundleChanged}); the next
 * query then loads it again through whichever version serves now. Without a model id, a query
 * uses the family's newest stored model; which one that is gets looked up again at most every
 * {@link #NEWEST_RECHECK_NANOS} so that each query does not list the store.
 */
final class ModelCache {

    static final long NEWEST_RECHECK_NANOS = 2_000_000_000L;

    /**
     * A model ready for queries.
     *
     * @param stored what the store knows about it
     * @param model the model, of the family's model type
     * @param spec the spec that selects the strategy that reads it: its name and major version
     * @param bundleId the bundle of the strategy that read it
     */
    record Loaded(StoredModel stored, Model model, String spec, long bundleId) {
    }

    private record Newest(String id, long checkedAt) {
    }

    private final ModelStore store;
    private final StrategyRegistry registry;
    private final StrategyCalls calls;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<Family, Newest> newest = new ConcurrentHashMap<>();

    ModelCache(ModelStore store, StrategyRegistry registry, StrategyCalls calls) {
        this.store = store;
        this.registry = registry;
        this.calls = calls;
    }

    /**
     * @param family the family the query belongs to
     * @param id a model id, or null for the family's newest model
     * @return the loaded model
     * @throws Problem.ProblemException 404 when there is no such model of that family
     */
    Loaded get(Family family, String id) throws IOException {
        String modelId = id != null ? id : newestId(family);
        Loaded model = loaded.get(modelId);
        // a model loaded for another family's query (a plan reads forecasting models) is not this family's
        if (model != null && model.stored().family() == family) {
            return model;
        }
        StoredModel stored = store.find(modelId).filter(m -> m.family() == family).orElseThrow(() ->
                Problem.notFound("no stored " + family.id() + " model with id '" + modelId + "'")
                        .with("field", "model").exception());
        String major = stored.strategyVersion().split("\\.", 2)[0];
        String spec = stored.strategyName() + "@[" + major + "," + (Integer.parseInt(major) + 1) + ")";
        long bundleId = registry.resolve(family, spec).bundleId();
        Model read = calls.call(family, spec, strategy -> readModel(strategy, modelId));
        Loaded fresh = new Loaded(stored, read, spec, bundleId);
        Loaded raced = loaded.putIfAbsent(modelId, fresh);
        return raced != null ? raced : fresh;
    }

    private Model readModel(Strategy<?, ?> strategy, String id) throws IOException {
        try (InputStream in = store.open(id)) {
            return strategy.readModel(in);
        }
    }

    private String newestId(Family family) throws IOException {
        Newest known = newest.get(family);
        if (known != null && System.nanoTime() - known.checkedAt() < NEWEST_RECHECK_NANOS) {
            return known.id();
        }
        List<StoredModel> models = store.list(family);
        if (models.isEmpty()) {
            throw Problem.notFound("no " + family.id() + " model is stored yet; train one (start --demo trains one of "
                    + "each family) or name one with \"model\"").with("field", "model").exception();
        }
        String id = models.get(0).id();
        newest.put(family, new Newest(id, System.nanoTime()));
        return id;
    }

    /** Forgets a model that was deleted from the store, so that no query answers from it any more. */
    void forget(String id) {
        loaded.remove(id);
        newest.values().removeIf(known -> known.id().equals(id));
    }

    /** Forgets the models read by a bundle that has just changed. */
    void bundleChanged(long bundleId) {
        loaded.values().removeIf(model -> model.bundleId() == bundleId);
    }

    /** @return how many models are loaded */
    int size() {
        return loaded.size();
    }
}
