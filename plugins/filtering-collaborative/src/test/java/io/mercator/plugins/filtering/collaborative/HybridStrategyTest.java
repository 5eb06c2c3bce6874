package io.mercator.plugins.filtering.collaborative;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.Strategy;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.api.filtering.Recommendations;
import io.mercator.api.runtime.StrategyCall;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyLease;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HybridStrategyTest {

    /** A registry that hands out the strategies it was given by name (the spec's range is ignored). */
    private static final class Registered implements StrategyRegistry {
        final Map<String, RecommenderStrategy> strategies = new HashMap<>();

        Registered(RecommenderStrategy... given) {
            for (RecommenderStrategy strategy : given) {
                strategies.put(strategy.descriptor().name(), strategy);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends Strategy<?, ?>> StrategyLease<S> acquire(Class<S> strategyType, String spec) {
            S strategy = (S) strategies.get(spec.split("@")[0]);
            if (strategy == null) {
                throw new StrategyNotFoundException(Family.FILTERING, spec, "not registered");
            }
            return new StrategyLease<>() {
                @Override
                public S strategy() {
                    return strategy;
                }

                @Override
                public StrategyInfo info() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                    // nothing held
                }
            };
        }

        @Override
        public List<StrategyInfo> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<StrategyInfo> list(Family family) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StrategyInfo resolve(Family family, String spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <S extends Strategy<?, ?>, R> R call(Class<S> strategyType, String spec, Duration deadline,
                StrategyCall<S, R> call) {
            throw new UnsupportedOperationException();
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

    /** u1 {A:1, B:2, C:1}, u2 {A:2, B:4}, u3 {A:1, C:3}, u4 {D:5}. */
    private static final Interactions RATINGS = Interactions.builder()
            .add("u1", "A", 1).add("u1", "B", 2).add("u1", "C", 1)
            .add("u2", "A", 2).add("u2", "B", 4)
            .add("u3", "A", 1).add("u3", "C", 3)
            .add("u4", "D", 5)
            .build();

    private static final Registered REGISTRY = new Registered(new PopularityStrategy(), new ItemKnnStrategy(),
            new BiasedMfStrategy());

    private static RecommenderModel fit(String components) {
        HybridStrategy hybrid = new HybridStrategy(REGISTRY);
        return hybrid.fit(RATINGS, Parameters.resolve(hybrid.descriptor().parameters(), Map.of("components",
                components)), TrainingContext.none());
    }

    private static RecommenderModel fitAlone(RecommenderStrategy strategy) {
        return strategy.fit(RATINGS, Parameters.defaults(strategy.descriptor().parameters()), TrainingContext.none());
    }

    @Test
    void predictionsAreTheWeightedMeanOfTheComponents() {
        RecommenderModel hybrid = fit("popularity:1, item-knn:3");
        double expected = (fitAlone(new PopularityStrategy()).predict("u2", "C")
                + 3 * fitAlone(new ItemKnnStrategy()).predict("u2", "C")) / 4;
        assertEquals(expected, hybrid.predict("u2", "C"), 1e-12);
    }

    @Test
    void listsBlendScoresScaledPerComponent() {
        // popularity for u3, excluding A: B (2 users) 1, C (2 users) 1, D (1 user) 0
        // item-knn for u3 (default baseline similarity) scales its own list to 0..1; D shares no user: 0 there too
        RecommenderModel popularity = fitAlone(new PopularityStrategy());
        RecommenderModel knn = fitAlone(new ItemKnnStrategy());
        RecommenderModel hybrid = fit("popularity,item-knn");
        Recommendations blended = hybrid.recommend("u3", 4, Set.of("A"));
        Map<String, Double> expected = new HashMap<>();
        for (RecommenderModel component : List.of(popularity, knn)) {
            Recommendations list = component.recommend("u3", 4, Set.of("A"));
            double best = list.score(0);
            double range = best - list.score(list.size() - 1);
            for (int rank = 0; rank < list.size(); rank++) {
                expected.merge(list.itemId(rank), 0.5 * (range > 0 ? 1 - (best - list.score(rank)) / range : 1),
                        Double::sum);
            }
        }
        assertEquals(3, blended.size());
        for (int rank = 0; rank < blended.size(); rank++) {
            assertEquals(expected.get(blended.itemId(rank)), blended.score(rank), 1e-12, blended.itemId(rank));
        }
        assertTrue(!List.of(blended.itemIds()).contains("A"), "excluded by every component");
    }

    @Test
    void explanationsComeFromTheComponentThatContributedMost() {
        RecommenderModel hybrid = fit("popularity:0.1,item-knn:5");
        String reason = hybrid.explain("u3", "B").reason();
        assertTrue(reason.startsWith("item-knn: because you chose"), reason);
    }

    @Test
    void theModelRoundTripsThroughTheRegistry() throws IOException {
        RecommenderModel hybrid = fit("popularity,biased-mf:2");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        hybrid.writeTo(bytes);
        RecommenderModel read = new HybridStrategy(REGISTRY).readModel(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(hybrid.predict("u1", "B"), read.predict("u1", "B"), 0);
        assertArrayEquals(hybrid.recommend("u4", 3, Set.of()).scores(), read.recommend("u4", 3, Set.of()).scores());
        assertEquals("hybrid", read.strategyName());
        IOException missing = assertThrows(IOException.class, () -> new HybridStrategy(new Registered())
                .readModel(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(missing.getMessage().contains("popularity"), missing.getMessage());
    }

    @Test
    void badComponentListsNameTheParameter() {
        for (String bad : List.of("item-knn:0", "item-knn:x", "hybrid", "item-knn,item-knn", ",", "nothing-like-it")) {
            ValidationException rejected = assertThrows(ValidationException.class, () -> fit(bad), bad);
            assertEquals("components", rejected.field(), bad);
        }
    }
}
