package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.TrainingContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Each item's most similar items (or, for user-kNN, each user's most similar users), most similar
 * first, in flat arrays: the neighbours of item i are {@code item[start[i]] .. item[start[i + 1] - 1]}
 * with similarities {@code similarity[...]}. Only positive similarities are kept.
 */
final class Neighbours {

    private static final int CHUNKS_PER_CORE = 8;

    final int[] start;
    final int[] item;
    final double[] similarity;

    Neighbours(int[] start, int[] item, double[] similarity) {
        this.start = start;
        this.item = item;
        this.similarity = similarity;
    }

    int items() {
        return start.length - 1;
    }

    /**
     * Compares every pair of items that share a user; the work is the sum over users of the
     * square of their number of items, split over the cores by item. Pass the transposed matrix to
     * compare users.
     *
     * @param matrix the training matrix, its items being what is compared
     * @param centred per entry of {@code matrix} in user order, the value to compare (see
     *     {@link Similarity#centre})
     * @param jaccard whether to compare by shared users over users of either item instead
     * @param shrinkage a similarity over n shared users is multiplied by n / (n + shrinkage)
     * @param kept the most neighbours to keep per item
     * @param context checked for cancellation between chunks
     * @return the neighbours
     */
    static Neighbours compute(RatingMatrix matrix, double[] centred, boolean jaccard, double shrinkage,
            int kept, TrainingContext context) {
        double[] itemCentred = matrix.inItemOrder(centred);
        int[][] neighbourItems = new int[matrix.items][];
        double[][] neighbourSimilarities = new double[matrix.items][];
        int chunks = Math.min(matrix.items, Runtime.getRuntime().availableProcessors() * CHUNKS_PER_CORE);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            context.checkCancelled();
            Scratch scratch = new Scratch(matrix.items);
            for (int i = chunk; i < matrix.items; i += chunks) {
                scratch.neighboursOf(i, matrix, centred, itemCentred, jaccard, shrinkage, kept,
                        neighbourItems, neighbourSimilarities);
            }
        });
        return of(neighbourItems, neighbourSimilarities);
    }

    /**
     * @param neighbourItems per item, its neighbours, most similar first
     * @param neighbourSimilarities per item, the neighbours' similarities
     * @return the same lists in flat arrays
     */
    static Neighbours of(int[][] neighbourItems, double[][] neighbourSimilarities) {
        int items = neighbourItems.length;
        int[] start = new int[items + 1];
        for (int i = 0; i < items; i++) {
            start[i + 1] = start[i] + neighbourItems[i].length;
        }
        int[] item = new int[start[items]];
        double[] similarity = new double[item.length];
        for (int i = 0; i < items; i++) {
            System.arraycopy(neighbourItems[i], 0, item, start[i], neighbourItems[i].length);
            System.arraycopy(neighbourSimilarities[i], 0, similarity, start[i], neighbourItems[i].length);
        }
        return new Neighbours(start, item, similarity);
    }

    /** Per-thread accumulators over all items, reset after each item through the touched list. */
    private static final class Scratch {
        final int[] shared;
        final double[] product;
        final double[] ownSquares;
        final double[] otherSquares;
        final int[] touched;

        Scratch(int items) {
            shared = new int[items];
            product = new double[items];
            ownSquares = new double[items];
            otherSquares = new double[items];
            touched = new int[items];
        }

        void neighboursOf(int i, RatingMatrix matrix, double[] centred, double[] itemCentred, boolean jaccard,
                double shrinkage, int kept, int[][] neighbourItems, double[][] neighbourSimilarities) {
            int touchedCount = 0;
            for (int entry = matrix.itemStart[i]; entry < matrix.itemStart[i + 1]; entry++) {
                int u = matrix.itemUser[entry];
                double x = itemCentred[entry];
                for (int other = matrix.userStart[u]; other < matrix.userStart[u + 1]; other++) {
                    int j = matrix.userItem[other];
                    if (j == i) {
                        continue;
                    }
                    if (shared[j] == 0) {
                        touched[touchedCount++] = j;
                    }
                    double y = centred[other];
                    shared[j]++;
                    product[j] += x * y;
                    ownSquares[j] += x * x;
                    otherSquares[j] += y * y;
                }
            }
            int usersOfI = matrix.itemStart[i + 1] - matrix.itemStart[i];
            int[] candidates = new int[touchedCount];
            double[] similarities = new double[touchedCount];
            int positive = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                double n = shared[j];
                double raw;
                if (jaccard) {
                    raw = n / (usersOfI + matrix.itemStart[j + 1] - matrix.itemStart[j] - n);
                } else {
                    double norms = ownSquares[j] * otherSquares[j];
                    raw = norms > 0 ? product[j] / Math.sqrt(norms) : 0;
                }
                double shrunk = raw * n / (n + shrinkage);
                if (shrunk > 0) {
                    candidates[positive] = j;
                    similarities[positive++] = shrunk;
                }
                shared[j] = 0;
                product[j] = 0;
                ownSquares[j] = 0;
                otherSquares[j] = 0;
            }
            int[] best = TopN.select(Arrays.copyOf(similarities, positive), null, null, kept);
            neighbourItems[i] = new int[best.length];
            neighbourSimilarities[i] = new double[best.length];
            for (int rank = 0; rank < best.length; rank++) {
                neighbourItems[i][rank] = candidates[best[rank]];
                neighbourSimilarities[i][rank] = similarities[best[rank]];
            }
        }
    }

    void writeTo(DataOutputStream out) throws IOException {
        Codec.writeInts(out, start);
        Codec.writeInts(out, item);
        Codec.writeDoubles(out, similarity);
    }

    static Neighbours read(DataInputStream in) throws IOException {
        int[] start = Codec.readInts(in);
        int[] item = Codec.readInts(in);
        double[] similarity = Codec.readDoubles(in);
        if (start.length == 0 || item.length != similarity.length || start[start.length - 1] != item.length) {
            throw new IOException("corrupt model: neighbour arrays do not match");
        }
        return new Neighbours(start, item, similarity);
    }
}
