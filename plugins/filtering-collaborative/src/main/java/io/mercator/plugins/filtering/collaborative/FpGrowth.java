package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequent itemsets by FP-growth (Han, Pei and Yin 2000): the baskets are compressed into a
 * prefix tree ordered by item frequency, then each frequent item's conditional tree is mined
 * recursively. Plain Java; runs once per fit.
 */
final class FpGrowth {

    /** A node of an FP-tree; children by item, nodes of one item chained through {@code next}. */
    private static final class Node {
        final int item;
        final Node parent;
        int count;
        final Map<Integer, Node> children = new HashMap<>();
        Node next;

        Node(int item, Node parent) {
            this.item = item;
            this.parent = parent;
        }
    }

    private final int minCount;
    private final int maxLength;
    private final int maxItemsets;
    /** Frequent itemsets (sorted item indices) and their basket counts. */
    private final Map<List<Integer>, Integer> frequent = new LinkedHashMap<>();

    private FpGrowth(int minCount, int maxLength, int maxItemsets) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.maxItemsets = maxItemsets;
    }

    /**
     * @param baskets per basket, its distinct item indices
     * @param minCount the fewest baskets an itemset must be in
     * @param maxLength the largest itemset size
     * @param maxItemsets the most itemsets to find before giving up
     * @return every frequent itemset (item indices, ascending) with its basket count
     * @throws ValidationException naming {@code min-support} when there are more than {@code maxItemsets}
     */
    static Map<List<Integer>, Integer> mine(List<int[]> baskets, int minCount, int maxLength, int maxItemsets) {
        FpGrowth growth = new FpGrowth(minCount, maxLength, maxItemsets);
        List<int[]> paths = new ArrayList<>(baskets);
        int[] counts = new int[paths.size()];
        Arrays.fill(counts, 1);
        growth.grow(paths, counts, new int[0]);
        return growth.frequent;
    }

    /** Mines the tree of the given weighted paths, every itemset found extending {@code suffix}. */
    private void grow(List<int[]> paths, int[] pathCounts, int[] suffix) {
        Map<Integer, Integer> support = new HashMap<>();
        for (int p = 0; p < paths.size(); p++) {
            for (int item : paths.get(p)) {
                support.merge(item, pathCounts[p], Integer::sum);
            }
        }
        support.values().removeIf(count -> count < minCount);
        if (support.isEmpty()) {
            return;
        }
        // most frequent first (ties by index) gives the most shared prefixes
        List<Integer> order = new ArrayList<>(support.keySet());
        order.sort((a, b) -> !support.get(a).equals(support.get(b)) ? support.get(b) - support.get(a) : a - b);
        Map<Integer, Integer> position = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            position.put(order.get(k), k);
        }
        Node root = new Node(-1, null);
        Map<Integer, Node> chains = new HashMap<>();
        for (int p = 0; p < paths.size(); p++) {
            int[] kept = Arrays.stream(paths.get(p)).filter(position::containsKey).boxed()
                    .sorted((a, b) -> position.get(a) - position.get(b)).mapToInt(Integer::intValue).toArray();
            Node node = root;
            for (int item : kept) {
                Node parent = node;
                node = parent.children.computeIfAbsent(item, i -> {
                    Node created = new Node(i, parent);
                    created.next = chains.put(i, created);
                    return created;
                });
                node.count += pathCounts[p];
            }
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            int item = order.get(k);
            int[] itemset = Arrays.copyOf(suffix, suffix.length + 1);
            itemset[suffix.length] = item;
            frequent.put(Arrays.stream(itemset).sorted().boxed().toList(), support.get(item));
            if (frequent.size() > maxItemsets) {
                // dense data (every user a long history) explodes combinatorially: stop before memory does
                throw new ValidationException("min-support", "more than " + maxItemsets + " frequent itemsets; "
                        + "raise min-support or lower max-length");
            }
            if (itemset.length < maxLength) {
                List<int[]> prefixes = new ArrayList<>();
                List<Integer> prefixCounts = new ArrayList<>();
                for (Node node = chains.get(item); node != null; node = node.next) {
                    List<Integer> prefix = new ArrayList<>();
                    for (Node up = node.parent; up.item >= 0; up = up.parent) {
                        prefix.add(up.item);
                    }
                    if (!prefix.isEmpty()) {
                        prefixes.add(prefix.stream().mapToInt(Integer::intValue).toArray());
                        prefixCounts.add(node.count);
                    }
                }
                grow(prefixes, prefixCounts.stream().mapToInt(Integer::intValue).toArray(), itemset);
            }
        }
    }
}
