package io.mercator.api.forecasting;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Series that add up: every node (a total, a store, a category in a store) is the sum of some
 * bottom-level series (SKUs in stores), as given by the summing matrix {@code S}
 * ({@code S[node][bottom]} is 1 when the bottom series counts towards the node). Reconciliation
 * turns base forecasts of the nodes, made independently by any strategy, into coherent ones that
 * add up exactly: {@code reconciled = S G base} for a method-specific {@code G}.
 *
 * <p>Prediction intervals: each node keeps the widths of its own base intervals, moved by the
 * amount reconciliation moved its mean. The bounds are therefore not sums of the bottom bounds
 * (quantiles do not add), but each stays as wide as the node's own forecast uncertainty.
 *
 * <p>Immutable and thread-safe.
 */
public final class Hierarchy {

    private final IdDictionary nodes;
    private final IdDictionary bottom;
    /** Node index of each bottom series. */
    private final int[] bottomNode;
    /** The bottom indices each node sums: the nonzero columns of its row of the summing matrix. */
    private final int[][] members;
    /** Parent node index per node, -1 for a root; null when built from a summing matrix. */
    private final int[] parent;

    private Hierarchy(IdDictionary nodes, IdDictionary bottom, int[][] members, int[] parent) {
        this.nodes = nodes;
        this.bottom = bottom;
        this.members = members;
        this.parent = parent;
        this.bottomNode = new int[bottom.size()];
        for (int b = 0; b < bottom.size(); b++) {
            bottomNode[b] = nodes.require("bottom", bottom.id(b));
        }
    }

    /**
     * Builds a tree: each child sums into its parent, the nodes without a parent are the roots,
     * the nodes without children are the bottom series.
     *
     * @param parentOf the parent of every node that has one, e.g. {@code "s1/milk" -> "s1/dairy"},
     *     {@code "s1/dairy" -> "s1"}, {@code "s1" -> "total"}; iteration order sets the node order
     * @return the hierarchy
     * @throws ValidationException naming a blank id or a node that is its own ancestor
     */
    public static Hierarchy ofParents(Map<String, String> parentOf) {
        Set<String> names = new LinkedHashSet<>();
        parentOf.forEach((child, parentName) -> {
            if (child == null || child.isBlank() || parentName == null || parentName.isBlank()) {
                throw new ValidationException("parents", "blank node id in '" + child + "' -> '" + parentName + "'");
            }
            names.add(parentName);
            names.add(child);
        });
        if (names.isEmpty()) {
            throw new ValidationException("parents", "the hierarchy has no nodes");
        }
        IdDictionary nodes = IdDictionary.of("nodes", names.toArray(String[]::new));
        int[] parent = new int[nodes.size()];
        Arrays.fill(parent, -1);
        boolean[] hasChildren = new boolean[nodes.size()];
        parentOf.forEach((child, parentName) -> {
            parent[nodes.indexOf(child)] = nodes.indexOf(parentName);
            hasChildren[nodes.indexOf(parentName)] = true;
        });
        List<String> leaves = new ArrayList<>();
        for (int node = 0; node < nodes.size(); node++) {
            if (!hasChildren[node]) {
                leaves.add(nodes.id(node));
            }
        }
        IdDictionary bottom = IdDictionary.of("bottom", leaves.toArray(String[]::new));
        List<List<Integer>> memberLists = new ArrayList<>();
        for (int node = 0; node < nodes.size(); node++) {
            memberLists.add(new ArrayList<>());
        }
        for (int b = 0; b < bottom.size(); b++) {
            int steps = 0;
            for (int node = nodes.indexOf(bottom.id(b)); node >= 0; node = parent[node]) {
                if (++steps > nodes.size()) {
                    throw new ValidationException("parents", "'" + bottom.id(b) + "' is in a cycle of parents");
                }
                memberLists.get(node).add(b);
            }
        }
        for (int node = 0; node < nodes.size(); node++) {
            int steps = 0;
            for (int up = node; up >= 0; up = parent[up]) {
                if (++steps > nodes.size()) {
                    throw new ValidationException("parents", "'" + nodes.id(node) + "' is in a cycle of parents");
                }
            }
        }
        int[][] members = new int[nodes.size()][];
        Arrays.setAll(members, node -> memberLists.get(node).stream().mapToInt(Integer::intValue).toArray());
        return new Hierarchy(nodes, bottom, members, parent);
    }

    /**
     * Builds any aggregation structure, grouped ones included (a product's total over all stores
     * beside each store's total), from its summing matrix.
     *
     * @param nodes every series, bottom ones included
     * @param bottom the bottom series, each also one of {@code nodes}
     * @param summing {@code nodes.length} rows of {@code bottom.length} zeros and ones; a bottom
     *     series' own row is the unit vector
     * @return the hierarchy (top-down by forecast proportions needs a tree, see {@link #ofParents})
     * @throws ValidationException naming the row or entry at fault
     */
    public static Hierarchy ofSummingMatrix(String[] nodes, String[] bottom, double[][] summing) {
        IdDictionary nodeIds = IdDictionary.of("nodes", nodes);
        IdDictionary bottomIds = IdDictionary.of("bottom", bottom);
        if (summing.length != nodes.length) {
            throw new ValidationException("summing", "needs one row per node (" + nodes.length + "), has " + summing.length);
        }
        double[][] copy = new double[nodes.length][];
        for (int node = 0; node < nodes.length; node++) {
            copy[node] = summing[node].clone();
            if (copy[node].length != bottom.length) {
                throw new ValidationException("summing", node, "needs " + bottom.length + " columns, has "
                        + copy[node].length);
            }
            for (int b = 0; b < bottom.length; b++) {
                if (copy[node][b] != 0 && copy[node][b] != 1) {
                    throw new ValidationException("summing", node, "entry " + b + " is " + copy[node][b]
                            + "; must be 0 or 1");
                }
            }
        }
        for (int b = 0; b < bottom.length; b++) {
            int own = nodeIds.require("bottom", bottom[b]);
            for (int column = 0; column < bottom.length; column++) {
                if (copy[own][column] != (column == b ? 1 : 0)) {
                    throw new ValidationException("summing", own, "bottom series '" + bottom[b]
                            + "' must sum only itself");
                }
            }
        }
        int[][] members = new int[nodes.length][];
        for (int node = 0; node < nodes.length; node++) {
            double[] row = copy[node];
            members[node] = java.util.stream.IntStream.range(0, bottom.length).filter(b -> row[b] != 0).toArray();
        }
        return new Hierarchy(nodeIds, bottomIds, members, null);
    }

    /** @return every node, in the order of the summing matrix's rows */
    public IdDictionary nodes() {
        return nodes;
    }

    /** @return the bottom series, in the order of the summing matrix's columns */
    public IdDictionary bottom() {
        return bottom;
    }

    /** @return a copy of the summing matrix */
    public double[][] summingMatrix() {
        double[][] summing = new double[nodes.size()][bottom.size()];
        for (int node = 0; node < nodes.size(); node++) {
            for (int b : members[node]) {
                summing[node][b] = 1;
            }
        }
        return summing;
    }

    /**
     * Adds bottom-level histories up into every node, so that a strategy can fit base models at
     * all levels.
     *
     * @param bottomSeries a set holding at least the bottom series, all of the same length; a
     *     missing value counts as 0 in the sums
     * @return every node's history, in {@link #nodes()} order, with the same season length
     * @throws ValidationException naming a bottom series that is absent or of another length
     */
    public SeriesSet aggregate(SeriesSet bottomSeries) {
        double[][] history = bottomValues(bottomSeries, "bottomSeries");
        int length = history.length == 0 ? 0 : history[0].length;
        SeriesSet.Builder builder = SeriesSet.builder(bottomSeries.seasonLength());
        for (int node = 0; node < nodes.size(); node++) {
            double[] sum = new double[length];
            boolean isBottom = bottom.indexOf(nodes.id(node)) >= 0;
            for (int b : members[node]) {
                for (int t = 0; t < length; t++) {
                    double value = history[b][t];
                    sum[t] += isBottom ? value : Double.isNaN(value) ? 0 : value;
                }
            }
            builder.add(nodes.id(node), sum);
        }
        return builder.build();
    }

    private double[][] bottomValues(SeriesSet series, String field) {
        double[][] values = new double[bottom.size()][];
        for (int b = 0; b < bottom.size(); b++) {
            int index = series.ids().indexOf(bottom.id(b));
            if (index < 0) {
                throw new ValidationException(field, "has no series '" + bottom.id(b) + "'");
            }
            values[b] = series.values(index);
            if (values[b].length != values[0].length) {
                throw new ValidationException(field, "series '" + bottom.id(b) + "' has " + values[b].length
                        + " periods, '" + bottom.id(0) + "' has " + values[0].length);
            }
        }
        return values;
    }

    /**
     * Bottom-up: the bottom forecasts are kept and summed into every other node.
     *
     * @param base forecasts of at least the bottom series, all of the same horizon; other nodes'
     *     base forecasts, when given, only lend their interval widths
     * @return a coherent forecast for every node
     */
    public Map<String, Forecast> bottomUp(Map<String, Forecast> base) {
        int horizon = horizon(base, bottom.id(0));
        return reconcile(base, horizon, (h, means, bottomMeans) -> {
            for (int b = 0; b < bottom.size(); b++) {
                bottomMeans[b] = means[bottomNode[b]][h];
            }
        });
    }

    /**
     * Top-down by forecast proportions (Athanasopoulos, Ahmed and Hyndman 2009): the root's
     * forecast is split down the tree in the proportions of the children's base forecasts at each
     * level and horizon, so the disaggregation follows the changes the lower levels foresee.
     *
     * @param base forecasts of every node, all of the same horizon
     * @return a coherent forecast for every node
     * @throws ValidationException when the hierarchy is not a tree with a single root
     */
    public Map<String, Forecast> topDownForecastProportions(Map<String, Forecast> base) {
        int root = singleRoot();
        int horizon = horizon(base, nodes.id(root));
        double[][] means = baseMeans(base, horizon, "topDownForecastProportions");
        double[][] childSums = new double[nodes.size()][horizon];
        int[] childCount = new int[nodes.size()];
        for (int node = 0; node < nodes.size(); node++) {
            if (parent[node] >= 0) {
                childCount[parent[node]]++;
                for (int h = 0; h < horizon; h++) {
                    childSums[parent[node]][h] += Math.max(0, means[node][h]);
                }
            }
        }
        return reconcile(base, horizon, (h, ignored, bottomMeans) -> {
            for (int b = 0; b < bottom.size(); b++) {
                double share = 1;
                for (int node = bottomNode[b]; parent[node] >= 0; node = parent[node]) {
                    double siblings = childSums[parent[node]][h];
                    // nothing foreseen below this parent: split it evenly rather than not at all
                    share *= siblings > 0 ? Math.max(0, means[node][h]) / siblings : 1.0 / childCount[parent[node]];
                }
                bottomMeans[b] = share * means[root][h];
            }
        });
    }

    /**
     * Top-down by historical proportions (the proportions of the historical averages, Gross and
     * Sohl 1990): each bottom series receives the share of the total it had in the history given.
     *
     * @param base forecasts of at least the top node (the single root)
     * @param bottomHistory the bottom series over the periods the shares are taken from, e.g. the
     *     last year; missing values count as 0
     * @return a coherent forecast for every node
     * @throws ValidationException when there is not a single root, or the history sums to 0
     */
    public Map<String, Forecast> topDownHistoricalProportions(Map<String, Forecast> base, SeriesSet bottomHistory) {
        int root = singleRoot();
        int horizon = horizon(base, nodes.id(root));
        double[][] history = bottomValues(bottomHistory, "bottomHistory");
        double[] totals = new double[bottom.size()];
        double grandTotal = 0;
        for (int b = 0; b < bottom.size(); b++) {
            for (double value : history[b]) {
                totals[b] += Double.isNaN(value) ? 0 : value;
            }
            grandTotal += totals[b];
        }
        if (!(grandTotal > 0)) {
            throw new ValidationException("bottomHistory", "sums to " + grandTotal + "; shares need a positive total");
        }
        double total = grandTotal;
        return reconcile(base, horizon, (h, means, bottomMeans) -> {
            for (int b = 0; b < bottom.size(); b++) {
                bottomMeans[b] = totals[b] / total * means[root][h];
            }
        });
    }

    /**
     * MinT with a shrunk error covariance (Wickramasuriya, Athanasopoulos and Hyndman 2019):
     * {@code G = (S' W^-1 S)^-1 S' W^-1}, the coherent forecasts of least total error variance,
     * where {@code W} is the nodes' base forecast error covariance shrunk towards its diagonal
     * with the Schäfer–Strimmer intensity, as in R's {@code hts} and {@code fable}. {@code W} is
     * dense (nodes × nodes) and factorised directly: this suits hierarchies of up to a few
     * thousand nodes; bottom-up and top-down scale with the number of bottom series.
     *
     * @param base forecasts of every node, all of the same horizon
     * @param residuals each node's base forecast errors (actual minus forecast) over the same
     *     periods, e.g. one-step in-sample errors or errors on a hold-out window; periods where any
     *     node's error is missing are left out
     * @return a coherent forecast for every node
     * @throws ValidationException when a node has no residuals, fewer than two complete periods
     *     remain, or the covariance is singular
     */
    public Map<String, Forecast> minTrace(Map<String, Forecast> base, SeriesSet residuals) {
        int horizon = horizon(base, nodes.id(0));
        baseMeans(base, horizon, "minTrace");
        double[][] errors = completePeriods(residuals);
        double[][] w = shrunkCovariance(errors);
        double[][] summing = summingMatrix();
        double[][] sT = transpose(summing);
        double[][] wInverseS = Cholesky.of(w, "residuals").solve(summing);
        double[][] precision = multiply(sT, wInverseS);
        double[][] g = Cholesky.of(precision, "residuals").solve(transpose(wInverseS));
        return reconcile(base, horizon, (h, means, bottomMeans) -> {
            for (int b = 0; b < bottom.size(); b++) {
                double sum = 0;
                for (int node = 0; node < nodes.size(); node++) {
                    sum += g[b][node] * means[node][h];
                }
                bottomMeans[b] = sum;
            }
        });
    }

    /** @return errors[t][node] over the periods every node has an error for */
    private double[][] completePeriods(SeriesSet residuals) {
        double[][] byNode = new double[nodes.size()][];
        for (int node = 0; node < nodes.size(); node++) {
            int index = residuals.ids().indexOf(nodes.id(node));
            if (index < 0) {
                throw new ValidationException("residuals", "has no series '" + nodes.id(node) + "'");
            }
            byNode[node] = residuals.values(index);
            if (byNode[node].length != byNode[0].length) {
                throw new ValidationException("residuals", "series '" + nodes.id(node) + "' has "
                        + byNode[node].length + " periods, '" + nodes.id(0) + "' has " + byNode[0].length);
            }
        }
        List<double[]> complete = new ArrayList<>();
        for (int t = 0; t < byNode[0].length; t++) {
            double[] row = new double[nodes.size()];
            boolean ok = true;
            for (int node = 0; node < nodes.size() && ok; node++) {
                row[node] = byNode[node][t];
                ok = !Double.isNaN(row[node]);
            }
            if (ok) {
                complete.add(row);
            }
        }
        if (complete.size() < 2) {
            throw new ValidationException("residuals", "only " + complete.size()
                    + " periods have an error for every node; MinT needs at least 2");
        }
        return complete.toArray(double[][]::new);
    }

    /**
     * The uncentred sample covariance of the errors, shrunk towards its diagonal: the off-diagonal
     * entries are scaled by {@code 1 - λ}, where λ is the estimated variance of the sample
     * correlations over their squares (Schäfer and Strimmer 2005), clipped to [0, 1].
     */
    static double[][] shrunkCovariance(double[][] errors) {
        int periods = errors.length;
        int size = errors[0].length;
        double[][] covariance = new double[size][size];
        for (double[] row : errors) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    covariance[i][j] += row[i] * row[j] / periods;
                }
            }
        }
        double[] sd = new double[size];
        for (int i = 0; i < size; i++) {
            sd[i] = Math.sqrt(covariance[i][i]);
        }
        double varianceOfCorrelations = 0;
        double squaredCorrelations = 0;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i == j || sd[i] == 0 || sd[j] == 0) {
                    continue;
                }
                double sum = 0;
                double sumOfSquares = 0;
                for (double[] row : errors) {
                    double product = row[i] / sd[i] * row[j] / sd[j];
                    sum += product;
                    sumOfSquares += product * product;
                }
                varianceOfCorrelations += (sumOfSquares - sum * sum / periods) / (periods * (periods - 1.0));
                double correlation = covariance[i][j] / (sd[i] * sd[j]);
                squaredCorrelations += correlation * correlation;
            }
        }
        double lambda = squaredCorrelations == 0 ? 1 : Math.max(0, Math.min(1, varianceOfCorrelations / squaredCorrelations));
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i != j) {
                    covariance[i][j] *= 1 - lambda;
                }
            }
        }
        return covariance;
    }

    private int singleRoot() {
        if (parent == null) {
            throw new ValidationException("hierarchy", "top-down needs a tree; build it with Hierarchy.ofParents");
        }
        int root = -1;
        for (int node = 0; node < nodes.size(); node++) {
            if (parent[node] < 0) {
                if (root >= 0) {
                    throw new ValidationException("hierarchy", "top-down needs a single root, found '"
                            + nodes.id(root) + "' and '" + nodes.id(node) + "'");
                }
                root = node;
            }
        }
        return root;
    }

    private static int horizon(Map<String, Forecast> base, String required) {
        Objects.requireNonNull(base, "base");
        Forecast forecast = base.get(required);
        if (forecast == null) {
            throw new ValidationException("base", "has no forecast for '" + required + "'");
        }
        return forecast.horizon();
    }

    /** @return means[node][h]; every node must have a base forecast of the horizon */
    private double[][] baseMeans(Map<String, Forecast> base, int horizon, String method) {
        double[][] means = new double[nodes.size()][];
        for (int node = 0; node < nodes.size(); node++) {
            Forecast forecast = base.get(nodes.id(node));
            if (forecast == null) {
                throw new ValidationException("base", "has no forecast for '" + nodes.id(node) + "', which "
                        + method + " needs for every node");
            }
            if (forecast.horizon() != horizon) {
                throw new ValidationException("base", "forecast of '" + nodes.id(node) + "' has horizon "
                        + forecast.horizon() + ", others " + horizon);
            }
            means[node] = forecast.mean();
        }
        return means;
    }

    @FunctionalInterface
    private interface Combination {
        /** Writes the reconciled bottom forecasts {@code G base} at horizon step {@code h} into {@code bottomMeans}. */
        void apply(int h, double[][] means, double[] bottomMeans);
    }

    /**
     * Applies {@code S G} to the base means at every horizon; a node without a base forecast gets
     * 0 as its base mean (bottom-up and historical top-down never weigh it) and no intervals.
     */
    private Map<String, Forecast> reconcile(Map<String, Forecast> base, int horizon, Combination combination) {
        double[][] means = new double[nodes.size()][horizon];
        for (int node = 0; node < nodes.size(); node++) {
            Forecast forecast = base.get(nodes.id(node));
            if (forecast != null) {
                if (forecast.horizon() != horizon) {
                    throw new ValidationException("base", "forecast of '" + nodes.id(node) + "' has horizon "
                            + forecast.horizon() + ", others " + horizon);
                }
                means[node] = forecast.mean();
            }
        }
        double[][] reconciled = new double[nodes.size()][horizon];
        double[] bottomMeans = new double[bottom.size()];
        for (int h = 0; h < horizon; h++) {
            combination.apply(h, means, bottomMeans);
            for (int node = 0; node < nodes.size(); node++) {
                for (int b : members[node]) {
                    reconciled[node][h] += bottomMeans[b];
                }
            }
        }
        Map<String, Forecast> result = new LinkedHashMap<>();
        for (int node = 0; node < nodes.size(); node++) {
            Forecast forecast = base.get(nodes.id(node));
            if (forecast == null) {
                result.put(nodes.id(node), new Forecast(reconciled[node], new double[0], new double[0][], new double[0][]));
                continue;
            }
            double[] levels = forecast.levels();
            double[][] lower = new double[levels.length][];
            double[][] upper = new double[levels.length][];
            for (int l = 0; l < levels.length; l++) {
                lower[l] = forecast.lower(l);
                upper[l] = forecast.upper(l);
                for (int h = 0; h < horizon; h++) {
                    double shift = reconciled[node][h] - means[node][h];
                    lower[l][h] += shift;
                    upper[l][h] += shift;
                }
            }
            result.put(nodes.id(node), new Forecast(reconciled[node], levels, lower, upper));
        }
        return result;
    }

    private static double[][] transpose(double[][] matrix) {
        double[][] transposed = new double[matrix[0].length][matrix.length];
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[0].length; j++) {
                transposed[j][i] = matrix[i][j];
            }
        }
        return transposed;
    }

    private static double[][] multiply(double[][] left, double[][] right) {
        double[][] product = new double[left.length][right[0].length];
        for (int i = 0; i < left.length; i++) {
            for (int k = 0; k < right.length; k++) {
                if (left[i][k] != 0) {
                    for (int j = 0; j < right[0].length; j++) {
                        product[i][j] += left[i][k] * right[k][j];
                    }
                }
            }
        }
        return product;
    }

    /** The Cholesky factor of a symmetric positive definite matrix, for solving with it. */
    private record Cholesky(double[][] lower) {

        static Cholesky of(double[][] matrix, String field) {
            int size = matrix.length;
            double[][] lower = new double[size][size];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = matrix[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= lower[i][k] * lower[j][k];
                    }
                    if (i == j) {
                        if (!(sum > 1e-12 * Math.max(1, Math.abs(matrix[i][i])))) {
                            throw new ValidationException(field, "the error covariance is singular (a node with "
                                    + "constant zero errors, or exactly collinear errors)");
                        }
                        lower[i][i] = Math.sqrt(sum);
                    } else {
                        lower[i][j] = sum / lower[j][j];
                    }
                }
            }
            return new Cholesky(lower);
        }

        /** @return X with {@code matrix X = right} */
        double[][] solve(double[][] right) {
            int size = lower.length;
            double[][] x = new double[size][];
            Arrays.setAll(x, i -> right[i].clone());
            for (int column = 0; column < right[0].length; column++) {
                for (int i = 0; i < size; i++) {
                    double sum = x[i][column];
                    for (int k = 0; k < i; k++) {
                        sum -= lower[i][k] * x[k][column];
                    }
                    x[i][column] = sum / lower[i][i];
                }
                for (int i = size - 1; i >= 0; i--) {
                    double sum = x[i][column];
                    for (int k = i + 1; k < size; k++) {
                        sum -= lower[k][i] * x[k][column];
                    }
                    x[i][column] = sum / lower[i][i];
                }
            }
            return x;
        }
    }
}
