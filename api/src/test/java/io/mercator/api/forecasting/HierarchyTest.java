package io.mercator.api.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    private static final String[] NODES = {"total", "A", "AA", "AB", "B", "BA", "BB", "BC"};

    /** total -> A, B; A -> AA, AB; B -> BA, BB, BC: the example of benchmarks/r/reconciliation-reference.R. */
    private static Hierarchy tree() {
        Map<String, String> parents = new LinkedHashMap<>();
        parents.put("A", "total");
        parents.put("AA", "A");
        parents.put("AB", "A");
        parents.put("B", "total");
        parents.put("BA", "B");
        parents.put("BB", "B");
        parents.put("BC", "B");
        return Hierarchy.ofParents(parents);
    }

    private static Map<String, Forecast> base(double... means) {
        Map<String, Forecast> base = new HashMap<>();
        for (int node = 0; node < NODES.length; node++) {
            base.put(NODES[node], Forecast.symmetric(new double[] {means[node], 2 * means[node]},
                    new double[] {1, 2}, p -> 1.2816, 80));
        }
        return base;
    }

    private static void assertCoherent(Map<String, Forecast> forecasts) {
        for (int h = 0; h < 2; h++) {
            double a = forecasts.get("AA").mean(h) + forecasts.get("AB").mean(h);
            double b = forecasts.get("BA").mean(h) + forecasts.get("BB").mean(h) + forecasts.get("BC").mean(h);
            assertEquals(a, forecasts.get("A").mean(h), 1e-9);
            assertEquals(b, forecasts.get("B").mean(h), 1e-9);
            assertEquals(a + b, forecasts.get("total").mean(h), 1e-9);
        }
    }

    @Test
    void parentsBecomeASummingMatrixAndHistoriesAddUp() {
        Hierarchy tree = tree();
        assertArrayEquals(NODES, tree.nodes().toArray());
        assertArrayEquals(new String[] {"AA", "AB", "BA", "BB", "BC"}, tree.bottom().toArray());
        assertArrayEquals(new double[] {1, 1, 0, 0, 0}, tree.summingMatrix()[1]);
        SeriesSet bottom = SeriesSet.builder(1).add("AA", 1, 2).add("AB", 3, Double.NaN).add("BA", 5, 6)
                .add("BB", 0, 0).add("BC", 1, 1).build();
        SeriesSet all = tree.aggregate(bottom);
        assertArrayEquals(new double[] {10, 9}, all.values(all.ids().indexOf("total")));
        assertArrayEquals(new double[] {4, 2}, all.values(all.ids().indexOf("A")));
        assertTrue(Double.isNaN(all.value(all.ids().indexOf("AB"), 1)));
    }

    @Test
    void minTraceMatchesTheClosedFormComputedInR() {
        double[][] errors = new double[NODES.length][20];
        for (int node = 0; node < NODES.length; node++) {
            for (int t = 0; t < 20; t++) {
                errors[node][t] = Math.sin(0.7 * t * (node + 1) + node) * (node + 1) + Math.cos(1.3 * t) * 2;
            }
        }
        SeriesSet.Builder residuals = SeriesSet.builder(1);
        for (int node = 0; node < NODES.length; node++) {
            residuals.add(NODES[node], errors[node]);
        }
        Map<String, Forecast> base = base(100, 45, 20, 22, 50, 12, 18, 21);
        Map<String, Forecast> mint = tree().minTrace(base, residuals.build());
        // Rscript benchmarks/r/reconciliation-reference.R (shrinkage intensity 0.3451688849)
        double[] expected = {100.3737963, 46.70098141, 22.36777416, 24.33320725, 53.67281485, 12.42923708, 17.0412,
            24.20237777};
        for (int node = 0; node < NODES.length; node++) {
            assertEquals(expected[node], mint.get(NODES[node]).mean(0), 1e-6, NODES[node]);
        }
        assertCoherent(mint);
        // the interval keeps the node's own width around the reconciled mean
        assertEquals(expected[1] - 1.2816, mint.get("A").lower(0)[0], 1e-6);
        assertEquals(expected[1] + 1.2816, mint.get("A").upper(0)[0], 1e-6);
    }

    @Test
    void bottomUpSumsTheBottomForecasts() {
        Map<String, Forecast> reconciled = tree().bottomUp(base(100, 45, 20, 22, 50, 12, 18, 21));
        assertEquals(93, reconciled.get("total").mean(0), 1e-12);
        assertEquals(42, reconciled.get("A").mean(0), 1e-12);
        assertEquals(20, reconciled.get("AA").mean(0), 1e-12);
        assertCoherent(reconciled);
        // only the bottom forecasts are needed; an aggregate without a base forecast gets no intervals
        Map<String, Forecast> bottomOnly = new HashMap<>(base(100, 45, 20, 22, 50, 12, 18, 21));
        bottomOnly.remove("total");
        assertEquals(0, tree().bottomUp(bottomOnly).get("total").levels().length);
    }

    @Test
    void topDownByForecastProportionsSplitsTheTotalLevelByLevel() {
        Map<String, Forecast> reconciled = tree().topDownForecastProportions(base(100, 45, 20, 22, 50, 12, 18, 21));
        // AA gets 100 * 45/95 * 20/42; BC gets 100 * 50/95 * 21/51
        assertEquals(100 * 45.0 / 95 * 20 / 42, reconciled.get("AA").mean(0), 1e-9);
        assertEquals(100 * 50.0 / 95 * 21 / 51, reconciled.get("BC").mean(0), 1e-9);
        assertEquals(100, reconciled.get("total").mean(0), 1e-9);
        assertCoherent(reconciled);
    }

    @Test
    void topDownByHistoricalProportionsUsesEachSeriesShareOfTheTotal() {
        SeriesSet history = SeriesSet.builder(1).add("AA", 1, 1).add("AB", 2, 2).add("BA", 3, 3).add("BB", 0, 0)
                .add("BC", 4, Double.NaN).build();
        Map<String, Forecast> reconciled = tree().topDownHistoricalProportions(base(100, 45, 20, 22, 50, 12, 18, 21),
                history);
        assertEquals(100 * 2.0 / 16, reconciled.get("AA").mean(0), 1e-9);
        assertEquals(100 * 4.0 / 16, reconciled.get("BC").mean(0), 1e-9);
        assertEquals(0, reconciled.get("BB").mean(0), 1e-12);
        assertCoherent(reconciled);
    }

    @Test
    void aSummingMatrixDescribesGroupedStructures() {
        // two products in two stores: totals by store and by product beside the grand total
        String[] bottom = {"s1/p1", "s1/p2", "s2/p1", "s2/p2"};
        String[] nodes = {"total", "s1", "s2", "p1", "p2", "s1/p1", "s1/p2", "s2/p1", "s2/p2"};
        double[][] summing = {{1, 1, 1, 1}, {1, 1, 0, 0}, {0, 0, 1, 1}, {1, 0, 1, 0}, {0, 1, 0, 1},
            {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        Hierarchy grouped = Hierarchy.ofSummingMatrix(nodes, bottom, summing);
        Map<String, Forecast> base = new HashMap<>();
        for (String node : bottom) {
            base.put(node, new Forecast(new double[] {2}, new double[0], new double[0][], new double[0][]));
        }
        assertEquals(4, grouped.bottomUp(base).get("p1").mean(0), 1e-12);
        ValidationException notATree = assertThrows(ValidationException.class,
                () -> grouped.topDownForecastProportions(base));
        assertTrue(notATree.getMessage().contains("tree"), notATree.getMessage());
    }

    @Test
    void badInputIsNamed() {
        ValidationException cycle = assertThrows(ValidationException.class,
                () -> Hierarchy.ofParents(Map.of("a", "b", "b", "a", "c", "a")));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        Map<String, Forecast> partial = base(100, 45, 20, 22, 50, 12, 18, 21);
        partial.remove("B");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> tree().topDownForecastProportions(partial));
        assertTrue(missing.getMessage().contains("'B'"), missing.getMessage());
        ValidationException twoRoots = assertThrows(ValidationException.class,
                () -> Hierarchy.ofParents(Map.of("a", "x", "b", "y")).topDownHistoricalProportions(Map.of(),
                        SeriesSet.builder(1).build()));
        assertTrue(twoRoots.getMessage().contains("single root"), twoRoots.getMessage());
        SeriesSet.Builder constant = SeriesSet.builder(1);
        for (String node : NODES) {
            constant.add(node, 0, 0, 0);
        }
        ValidationException singular = assertThrows(ValidationException.class,
                () -> tree().minTrace(base(100, 45, 20, 22, 50, 12, 18, 21), constant.build()));
        assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
        ValidationException matrix = assertThrows(ValidationException.class,
                () -> Hierarchy.ofSummingMatrix(new String[] {"t", "a"}, new String[] {"a"}, new double[][] {{2}, {1}}));
        assertTrue(matrix.getMessage().contains("0 or 1"), matrix.getMessage());
    }
}
