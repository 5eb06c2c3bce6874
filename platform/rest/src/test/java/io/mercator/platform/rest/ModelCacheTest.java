package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.Strategy;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCacheTest {

    private static final long BUNDLE = 42;

    /** A model that only remembers what it was read from. */
    private record ReadModel(String bytes) implements Model {
        @Override
        public String strategyName() {
            return "item-knn";
        }

        @Override
        public String strategyVersion() {
            return "1.2.0";
        }

        @Override
        public void writeTo(OutputStream out) {
            throw new UnsupportedOperationException();
        }
    }

    private final List<StoredModel> stored = new ArrayList<>(List.of(
            model("item-knn-2", Family.FILTERING, Instant.parse("2026-01-02T00:00:00Z")),
            model("item-knn-1", Family.FILTERING, Instant.parse("2026-01-01T00:00:00Z")),
            model("combination-1", Family.FORECASTING, Instant.parse("2026-01-03T00:00:00Z"))));
    private final List<String> specsCalled = new ArrayList<>();
    private final ModelCache cache = new ModelCache(new Store(), new Registry(), new StrategyCalls(new Registry(),
            Duration.ofSeconds(5)));

    private static StoredModel model(String id, Family family, Instant createdAt) {
        return new StoredModel(id, family, id.replaceFirst("-\\d+$", ""), "1.2.0", createdAt, 3, "0", Map.of());
    }

    @Test
    void loadsTheNewestModelOfTheFamilyThroughTheStrategyOfTheSameMajorVersionOnce() throws Exception {
        ModelCache.Loaded newest = cache.get(Family.FILTERING, null);
        assertEquals("item-knn-2", newest.stored().id());
        assertEquals("bytes of item-knn-2", ((ReadModel) newest.model()).bytes());
        assertEquals("item-knn@[1,2)", newest.spec());
        assertEquals(BUNDLE, newest.bundleId());
        assertSame(newest, cache.get(Family.FILTERING, "item-knn-2"));
        assertEquals(List.of("item-knn@[1,2)"), specsCalled, "read once, then served from the cache");
        assertEquals("item-knn-1", cache.get(Family.FILTERING, "item-knn-1").stored().id());
        assertEquals(2, cache.size());
    }

    @Test
    void aChangeOfTheStrategyBundleForgetsItsModels() throws Exception {
        ModelCache.Loaded before = cache.get(Family.FILTERING, "item-knn-2");
        cache.bundleChanged(BUNDLE + 1);
        assertSame(before, cache.get(Family.FILTERING, "item-knn-2"));
        cache.bundleChanged(BUNDLE);
        assertEquals(0, cache.size());
        assertNotSame(before, cache.get(Family.FILTERING, "item-knn-2"), "read again after the bundle changed");
    }

    @Test
    void unknownIdsModelsOfAnotherFamilyAndEmptyFamiliesAre404() {
        Problem.ProblemException unknown = assertThrows(Problem.ProblemException.class,
                () -> cache.get(Family.FILTERING, "no-such-model"));
        assertEquals(404, unknown.problem().status());
        assertEquals("model", unknown.problem().extensions().get("field"));
        assertEquals(404, assertThrows(Problem.ProblemException.class,
                () -> cache.get(Family.FILTERING, "combination-1")).problem().status());
        assertEquals(404, assertThrows(Problem.ProblemException.class,
                () -> cache.get(Family.PRICING, null)).problem().status());
    }

    /** A plan reads forecasting models: once loaded, a forecasting model stays out of other families' queries. */
    @Test
    void aModelLoadedForItsFamilyIsNotAnotherFamilysModel() throws Exception {
        assertEquals("combination-1", cache.get(Family.FORECASTING, "combination-1").stored().id());
        assertEquals(404, assertThrows(Problem.ProblemException.class,
                () -> cache.get(Family.FILTERING, "combination-1")).problem().status());
    }

    private final class Store implements ModelStore {
        @Override
        public StoredModel save(Family family, Model model, Map<String, String> metadata) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredModel> find(String id) {
            return stored.stream().filter(m -> m.id().equals(id)).findFirst();
        }

        @Override
        public List<StoredModel> list(Family family) {
            return stored.stream().filter(m -> m.family() == family)
                    .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).toList();
        }

        @Override
        public InputStream open(String id) {
            return new ByteArrayInputStream(("bytes of " + id).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean delete(String id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Serves one strategy that reads {@link ReadModel}s. */
    private final class Registry implements StrategyRegistry {
        private final Strategy<Object, Model> strategy = new Strategy<>() {
            @Override
            public StrategyDescriptor descriptor() {
                return StrategyDescriptor.builder(Family.FILTERING, "item-knn", "1.2.0").build();
            }

            @Override
            public Model fit(Object data, io.mercator.api.Parameters parameters,
                    io.mercator.api.TrainingContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Model readModel(InputStream in) throws java.io.IOException {
                return new ReadModel(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        };

        @Override
        public List<StrategyInfo> list() {
            return List.of(info());
        }

        @Override
        public List<StrategyInfo> list(Family family) {
            return List.of(info());
        }

        @Override
        public StrategyInfo resolve(Family family, String spec) {
            return info();
        }

        private StrategyInfo info() {
            return new StrategyInfo(strategy.descriptor(), BUNDLE, "plugin", "1.2.0", true, StrategyHealth.UNUSED);
        }

        @Override
        public <S extends Strategy<?, ?>> StrategyLease<S> acquire(Class<S> type, String spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends Strategy<?, ?>, R> R call(Class<S> type, String spec, Duration deadline,
                StrategyCall<S, R> call) {
            specsCalled.add(spec);
            try {
                return call.apply((S) strategy);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<String> defaultSpec(Family family) {
            return Optional.empty();
        }

        @Override
        public void setDefault(Family family, String spec) {
            throw new UnsupportedOperationException();
        }
    }
}
