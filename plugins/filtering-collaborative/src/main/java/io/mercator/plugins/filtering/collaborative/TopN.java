package io.mercator.plugins.filtering.collaborative;

import java.util.Arrays;

/**
 * Picks the highest-scoring candidates with a bounded min-heap: O(n log count) time, O(count)
 * memory. Equal scores are ordered by a tie rank (lower first), so results are deterministic.
 */
final class TopN {

    private TopN() {
    }

    /**
     * @param scores a finite score per index
     * @param tieRank per index, the order among equal scores (lower first); null for index order
     * @param allowed per index whether it may be returned; null for every index
     * @param count the most indices to return
     * @return the best indices, best first
     */
    static int[] select(double[] scores, int[] tieRank, boolean[] allowed, int count) {
        int[] heap = new int[Math.min(count, scores.length)];
        int size = 0;
        for (int index = 0; index < scores.length; index++) {
            if (allowed != null && !allowed[index]) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = index;
                siftUp(heap, size++, scores, tieRank);
            } else if (size > 0 && better(index, heap[0], scores, tieRank)) {
                heap[0] = index;
                siftDown(heap, size, scores, tieRank);
            }
        }
        int[] best = Arrays.copyOf(heap, size);
        for (int end = size - 1; end > 0; end--) {
            int worst = best[0];
            best[0] = best[end];
            best[end] = worst;
            siftDown(best, end, scores, tieRank);
        }
        return best;
    }

    private static boolean better(int a, int b, double[] scores, int[] tieRank) {
        if (scores[a] != scores[b]) {
            return scores[a] > scores[b];
        }
        return tieRank == null ? a < b : tieRank[a] < tieRank[b];
    }

    private static void siftUp(int[] heap, int position, double[] scores, int[] tieRank) {
        int child = position;
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (!better(heap[parent], heap[child], scores, tieRank)) {
                break;
            }
            swap(heap, parent, child);
            child = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] scores, int[] tieRank) {
        int parent = 0;
        while (true) {
            int worst = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores, tieRank)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores, tieRank)) {
                worst = right;
            }
            if (worst == parent) {
                return;
            }
            swap(heap, parent, worst);
            parent = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int kept = heap[a];
        heap[a] = heap[b];
        heap[b] = kept;
    }
}
