package io.mercator.plugins.pricing.elasticity;

import io.mercator.api.ValidationException;
import io.mercator.api.pricing.PriceRecommendations;
import io.mercator.api.pricing.PriceRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The size ladder of {@code PricingRules.sizeLadder()}: within a size group, a larger size costs
 * at least as much as a smaller one and no more per unit of size. Sorted by size, consecutive
 * products with sizes {@code s < s'} need {@code p <= p' <= p * s' / s}, a chain of constraints.
 *
 * <p>A group whose products' own best prices already keep the ladder keeps them (they are then
 * the joint optimum). Otherwise the group's prices maximise the sum of the products' objectives
 * by dynamic programming along the chain over candidate prices: each product's allowed range is
 * first narrowed by the ladder (so that the rules' conflicts are found before searching and the
 * lowest and highest prices are always consistent), then searched on a log-spaced grid that is
 * refined twice around the best prices found, which puts the prices within about 0.01% of the
 * joint optimum; each size's candidates also carry the smaller size's candidates at both ends of
 * the ladder, so that a binding ladder holds exactly. With a price ending or price points the
 * candidates are the allowed prices next to the grid points. Plain Java, no OSGi.
 */
final class SizeLadder {

    private static final int GRID = 129;
    private static final int REFINEMENTS = 2;
    private static final double SLACK = 1e-9;

    /** One product of a size group. */
    record Member(int row, String product, double size, PriceOptimizer.Range range, double elasticity,
            double unitsAtOne, double cost) {
    }

    private final PriceOptimizer optimizer;

    /**
     * @param optimizer the single-product optimiser whose objective the ladder maximises and
     *     whose price ending or price points the candidates keep
     */
    SizeLadder(PriceOptimizer optimizer) {
        this.optimizer = optimizer;
    }

    /**
     * Moves the prices of every size group that breaks the ladder to the best consistent ones and
     * marks the moved rows with {@link PriceRecommendations#SIZE_LADDER}.
     *
     * @param request the request with its size groups
     * @param members per row, the product's member record (its range, demand and cost)
     * @param price per row, the product's own best price; updated in place
     * @param bindingRule per row, the rule that bound the price; updated in place
     * @param error per row, why it could not be priced (rows without a member are skipped), or
     *     {@code null} to fail on the first group without consistent prices; updated in place
     * @throws ValidationException naming the row of the smallest size of a group whose rules
     *     leave no consistent prices, unless {@code error} collects it for every row of the group
     */
    void apply(PriceRequest request, Member[] members, double[] price, String[] bindingRule, String[] error) {
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        for (int row = 0; row < request.size(); row++) {
            if (request.sizeGroup(row) != null && members[row] != null) {
                groups.computeIfAbsent(request.sizeGroup(row), g -> new ArrayList<>()).add(members[row]);
            }
        }
        groups.forEach((group, list) -> {
            Member[] sorted = list.stream().sorted(Comparator.comparingDouble(Member::size)).toArray(Member[]::new);
            double[] own = Arrays.stream(sorted).mapToDouble(m -> price[m.row()]).toArray();
            if (sorted.length < 2 || holds(sorted, own)) {
                return;
            }
            double[] consistent;
            try {
                consistent = solve(group, sorted);
            } catch (ValidationException conflict) {
                if (error == null) {
                    throw conflict;
                }
                for (Member member : sorted) {
                    keepCurrentPrice(request, member.row(), conflict, price, bindingRule, error);
                }
                return;
            }
            for (int i = 0; i < sorted.length; i++) {
                int row = sorted[i].row();
                if (Math.abs(consistent[i] - price[row]) > SLACK * price[row]) {
                    price[row] = consistent[i];
                    bindingRule[row] = PriceRecommendations.SIZE_LADDER;
                }
            }
        });
    }

    /** Reports a row that could not be priced in its row, keeping its current price. */
    static void keepCurrentPrice(PriceRequest request, int row, ValidationException problem, double[] price,
            String[] bindingRule, String[] error) {
        price[row] = request.currentPrice(row);
        bindingRule[row] = PriceRecommendations.ERROR;
        error[row] = problem.getMessage();
    }

    /**
     * @param members a group sorted by size
     * @param price their prices
     * @return whether the prices keep the ladder
     */
    static boolean holds(Member[] members, double[] price) {
        for (int i = 0; i + 1 < members.length; i++) {
            double ratio = members[i + 1].size() / members[i].size();
            if (price[i + 1] < price[i] * (1 - SLACK) || price[i + 1] > price[i] * ratio * (1 + SLACK)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param group the group id, for error messages
     * @param members the group sorted by size
     * @return the best prices that keep the ladder and every product's range, in the same order
     * @throws ValidationException when no such prices exist
     */
    double[] solve(String group, Member[] members) {
        int n = members.length;
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            low[i] = members[i].range().low();
            high[i] = members[i].range().high();
        }
        for (int i = 0; i + 1 < n; i++) {
            low[i + 1] = Math.max(low[i + 1], low[i]);
            high[i + 1] = Math.min(high[i + 1], high[i] * ratio(members, i));
        }
        for (int i = n - 2; i >= 0; i--) {
            high[i] = Math.min(high[i], high[i + 1]);
            low[i] = Math.max(low[i], low[i + 1] / ratio(members, i));
        }
        for (int i = 0; i < n; i++) {
            if (low[i] > high[i] * (1 + SLACK)) {
                throw conflict(group, members, "");
            }
            high[i] = Math.max(high[i], low[i]);
        }
        double[] best = search(group, members, low, high, null);
        for (int refinement = 0; refinement < REFINEMENTS; refinement++) {
            double[] narrowLow = new double[n];
            double[] narrowHigh = new double[n];
            for (int i = 0; i < n; i++) {
                double step = Math.pow(high[i] / low[i], 2.0 / (GRID - 1));
                narrowLow[i] = Math.max(low[i], best[i] / step);
                narrowHigh[i] = Math.min(high[i], best[i] * step);
            }
            low = narrowLow;
            high = narrowHigh;
            best = search(group, members, low, high, best);
        }
        return best;
    }

    private static double ratio(Member[] members, int i) {
        return members[i + 1].size() / members[i].size();
    }

    /** Dynamic programming along the chain; {@code incumbent} (consistent prices or null) stays a candidate. */
    private double[] search(String group, Member[] members, double[] low, double[] high, double[] incumbent) {
        int n = members.length;
        double[][] candidates = new double[n][];
        for (int i = 0; i < n; i++) {
            candidates[i] = candidates(low[i], high[i], incumbent == null ? Double.NaN : incumbent[i],
                    i == 0 ? new double[0] : candidates[i - 1], i == 0 ? 1 : ratio(members, i - 1));
        }
        double[][] value = new double[n][];
        int[][] next = new int[n][];
        value[n - 1] = new double[candidates[n - 1].length];
        for (int k = 0; k < value[n - 1].length; k++) {
            value[n - 1][k] = objective(members[n - 1], candidates[n - 1][k]);
        }
        for (int i = n - 2; i >= 0; i--) {
            double[] mine = candidates[i];
            double[] theirs = candidates[i + 1];
            double[] later = value[i + 1];
            double ratio = ratio(members, i);
            value[i] = new double[mine.length];
            next[i] = new int[mine.length];
            // both ends of the allowed window of the next size rise with this price: a sliding-window maximum
            Deque<Integer> window = new ArrayDeque<>();
            int added = 0;
            for (int k = 0; k < mine.length; k++) {
                double from = mine[k] * (1 - SLACK);
                double to = mine[k] * ratio * (1 + SLACK);
                while (added < theirs.length && theirs[added] <= to) {
                    if (later[added] > Double.NEGATIVE_INFINITY) {
                        while (!window.isEmpty() && later[window.peekLast()] <= later[added]) {
                            window.pollLast();
                        }
                        window.addLast(added);
                    }
                    added++;
                }
                while (!window.isEmpty() && theirs[window.peekFirst()] < from) {
                    window.pollFirst();
                }
                if (window.isEmpty()) {
                    value[i][k] = Double.NEGATIVE_INFINITY;
                    next[i][k] = -1;
                } else {
                    next[i][k] = window.peekFirst();
                    value[i][k] = objective(members[i], mine[k]) + later[next[i][k]];
                }
            }
        }
        int start = -1;
        for (int k = 0; k < value[0].length; k++) {
            if (value[0][k] > Double.NEGATIVE_INFINITY && (start < 0 || value[0][k] > value[0][start])) {
                start = k;
            }
        }
        if (start < 0) {
            throw conflict(group, members, optimizer.discreteRule());
        }
        double[] prices = new double[n];
        int k = start;
        for (int i = 0; i < n; i++) {
            prices[i] = candidates[i][k];
            if (i + 1 < n) {
                k = next[i][k];
            }
        }
        return prices;
    }

    /**
     * A log-spaced grid over [low, high], moved to the price ending when there is one, plus the
     * incumbent and, without an ending, the smaller size's candidates at both ends of the ladder
     * ({@code p} and {@code p * ratio}), so that a binding ladder is met exactly.
     */
    private double[] candidates(double low, double high, double incumbent, double[] smaller, double ratio) {
        double[] grid = new double[2 * GRID + 1 + 2 * smaller.length];
        int count = 0;
        if (!optimizer.discrete()) {
            for (double p : smaller) {
                for (double tight : new double[] {p, p * ratio}) {
                    if (tight >= low && tight <= high) {
                        grid[count++] = tight;
                    }
                }
            }
        }
        for (int g = 0; g < GRID; g++) {
            double point = low * Math.pow(high / low, g / (GRID - 1.0));
            if (!optimizer.discrete()) {
                grid[count++] = point;
            } else {
                for (double allowed : optimizer.neighbours(point)) {
                    if (!Double.isNaN(allowed) && allowed >= low * (1 - SLACK) && allowed <= high * (1 + SLACK)) {
                        grid[count++] = allowed;
                    }
                }
            }
        }
        if (!Double.isNaN(incumbent)) {
            grid[count++] = incumbent;
        }
        return Arrays.stream(grid, 0, count).sorted().distinct().toArray();
    }

    private double objective(Member member, double price) {
        return member.unitsAtOne() * optimizer.objective(price, member.elasticity(), member.cost());
    }

    private static ValidationException conflict(String group, Member[] members, String detail) {
        StringJoiner ranges = new StringJoiner(", ");
        for (Member m : members) {
            PriceOptimizer.Range r = m.range();
            ranges.add(String.format(Locale.ROOT, "'%s' (size %s) [%.4f by %s, %.4f by %s]", m.product(),
                    m.size(), r.low(), r.lowRule(), r.high(), r.highRule()));
        }
        return new ValidationException("rules", members[0].row(), "size group '" + group + "': no prices" + detail
                + " keep the size ladder (a larger size costs at least as much and no more per unit of size) within "
                + "the ranges the other rules allow: " + ranges);
    }
}
