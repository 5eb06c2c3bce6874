package io.mercator.plugins.segmentation.clustering;

import static io.mercator.api.segmentation.ClusterQuality.squaredDistance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * k-means clustering (Lloyd's iterations) with greedy k-means++ seeding, several restarts kept by
 * lowest inertia, and Hamerly's bounds that skip most distance computations once clusters settle.
 * Plain Java on row-major points ({@code points[i * dimensions + d]}); public for the benchmarks,
 * the bundle does not export it.
 *
 * <p>A run stops when no point changes cluster, when the centroids' total squared shift falls to
 * {@code 1e-4} times the mean variance of the data (scikit-learn's tolerance), or after
 * {@code maxIterations}. The labels always belong to the final centroids. A cluster that empties
 * is moved onto the point farthest from its own centroid. The passes over the points run in
 * parallel over fixed chunks whose partial sums are added in chunk order, so a seed always gives
 * the same result.
 *
 * <p>Distances from many points to every centre are measured a {@link Block} at a time: the
 * points' coordinates are copied column by column so that the innermost loops run over contiguous
 * arrays, which the JIT compiles to vector instructions (about three times faster than one point
 * at a time), and the nearest centres are picked without branches, which the data would make
 * unpredictable. The same blocks measure the k-means++ candidates, all in one pass.
 */
public final class KMeans {

    /** Relative tolerance on the centroids' shift, as scikit-learn's default {@code tol}. */
    private static final double RELATIVE_TOLERANCE = 1e-4;
    /** Points per parallel task: large enough to amortise the task, small enough to balance two or more cores. */
    private static final int CHUNK = 16_384;
    /** Points measured together: their columns and distances stay in the L1 cache. */
    private static final int BLOCK = 64;

    /**
     * A clustering.
     *
     * @param centroids row-major, {@code k * dimensions}
     * @param labels the cluster of every point
     * @param inertia the sum of squared distances of the points to their centroids
     * @param iterations Lloyd iterations of the kept run
     */
    public record Result(double[] centroids, int[] labels, double inertia, int iterations) {
    }

    private final double[] points;
    private final int dimensions;
    private final int n;
    private final double tolerance;
    private final int chunks;

    /**
     * @param points row-major, {@code dimensions} values per point; not copied
     * @param dimensions values per point, &gt;= 1
     */
    public KMeans(double[] points, int dimensions) {
        this.points = points;
        this.dimensions = dimensions;
        this.n = points.length / dimensions;
        this.tolerance = RELATIVE_TOLERANCE * meanVariance();
        this.chunks = (n + CHUNK - 1) / CHUNK;
    }

    private double meanVariance() {
        double total = 0;
        for (int d = 0; d < dimensions; d++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += points[i * dimensions + d];
            }
            mean /= n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double deviation = points[i * dimensions + d] - mean;
                squares += deviation * deviation;
            }
            total += squares / n;
        }
        return total / dimensions;
    }

    /**
     * Runs {@code restarts} seeded runs, in parallel, and keeps the one with the lowest inertia.
     *
     * @param k the number of clusters, from 1 to the number of points
     * @param restarts the number of runs, &gt;= 1
     * @param maxIterations the iteration limit of a run
     * @param seed the random seed; the same seed gives the same result
     * @return the best run
     */
    public Result fit(int k, int restarts, int maxIterations, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[restarts];
        for (int r = 0; r < restarts; r++) {
            randoms[r] = root.split();
        }
        return IntStream.range(0, restarts).parallel()
                .mapToObj(r -> iterate(seed(k, randoms[r]), k, maxIterations))
                .min(Comparator.comparingDouble(Result::inertia))
                .orElseThrow();
    }

    /**
     * @param k the number of clusters, from 1 to the number of points
     * @param seed the random seed
     * @return the greedy k-means++ centroids, row-major, from which {@code fit(k, 1, maxIterations, seed)} starts
     */
    public double[] initialCentroids(int k, long seed) {
        return seed(k, new SplittableRandom(seed).split());
    }

    /**
     * One run from given centroids (a warm start, or the same start as another implementation).
     *
     * @param initialCentroids row-major, {@code k * dimensions}; not changed
     * @param maxIterations the iteration limit
     * @return the clustering
     * @throws IllegalArgumentException when the centroids are not whole rows, or more than the points
     */
    public Result fit(double[] initialCentroids, int maxIterations) {
        int k = initialCentroids.length / dimensions;
        if (k == 0 || initialCentroids.length % dimensions != 0 || k > n) {
            throw new IllegalArgumentException("initial centroids: " + initialCentroids.length + " values are not 1 to "
                    + n + " rows of " + dimensions);
        }
        return iterate(initialCentroids.clone(), k, maxIterations);
    }

    private void inParallel(IntConsumer task) {
        IntStream.range(0, chunks).parallel().forEach(task);
    }

    /** @return the sum of {@code partial(chunk)} over the chunks, computed in parallel and added in chunk order */
    private double sumInParallel(IntToDoubleFunction partial) {
        double[] partials = IntStream.range(0, chunks).parallel().mapToDouble(partial).toArray();
        double sum = 0;
        for (double value : partials) {
            sum += value;
        }
        return sum;
    }

    /**
     * One run of Hamerly's algorithm. Every chunk keeps the coordinate sums and sizes of the
     * clusters over its own points, updated as points move, so that a Lloyd iteration reads the
     * points once: bounds are loosened, tested and, where needed, recomputed in the same pass.
     */
    private Result iterate(double[] initialCentroids, int k, int maxIterations) {
        double[] centroids = initialCentroids;
        int[] labels = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[][] chunkSums = new double[chunks][];
        inParallel(chunk -> {
            double[] sums = new double[k * (dimensions + 1)];
            Block block = new Block(k);
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                labels[i] = -1;
                if (block.add(i)) {
                    assignExactly(block, initialCentroids, k, labels, upper, lower, sums);
                }
            }
            assignExactly(block, initialCentroids, k, labels, upper, lower, sums);
            chunkSums[chunk] = sums;
        });
        double[] shift = new double[k];
        double[] halfGap = new double[k];
        int iterations = 0;
        while (iterations < maxIterations) {
            iterations++;
            double[] moved = centroidsFromSums(chunkSums, k, upper);
            double totalShift = 0;
            for (int c = 0; c < k; c++) {
                shift[c] = Math.sqrt(squaredDistance(centroids, c, moved, c, dimensions));
                totalShift += shift[c] * shift[c];
            }
            centroids = moved;
            halfGaps(centroids, k, halfGap);
            Movement movement = Movement.of(shift);
            double[] current = centroids;
            int changed = IntStream.range(0, chunks).parallel()
                    .map(chunk -> reassign(chunk, current, k, halfGap, movement, labels, upper, lower,
                            chunkSums[chunk]))
                    .sum();
            if (changed == 0 || totalShift <= tolerance) {
                break;
            }
        }
        double[] fitted = centroids;
        double inertia = sumInParallel(chunk -> {
            double partial = 0;
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                partial += squaredDistance(points, i, fitted, labels[i], dimensions);
            }
            return partial;
        });
        return new Result(fitted, labels, inertia, iterations);
    }

    /** How far the centroids moved: every centroid's shift, and the largest shifts for the lower bounds. */
    private record Movement(double[] shift, int largest, double secondLargest) {
        static Movement of(double[] shift) {
            int largest = 0;
            for (int c = 1; c < shift.length; c++) {
                if (shift[c] > shift[largest]) {
                    largest = c;
                }
            }
            double secondLargest = 0;
            for (int c = 0; c < shift.length; c++) {
                if (c != largest) {
                    secondLargest = Math.max(secondLargest, shift[c]);
                }
            }
            return new Movement(shift, largest, secondLargest);
        }

        /** @return how much closer any other centroid may have come to a point of {@code cluster} */
        double otherShift(int cluster) {
            return cluster == largest ? secondLargest : shift[largest];
        }
    }

    /**
     * Hamerly's step for one chunk: loosens the bounds by the centroids' movement, and measures
     * again only the points whose bounds no longer prove their cluster.
     */
    private int reassign(int chunk, double[] centroids, int k, double[] halfGap, Movement movement, int[] labels,
            double[] upper, double[] lower, double[] sums) {
        Block block = new Block(k);
        int[] suspects = new int[BLOCK];
        double[] suspectBound = new double[BLOCK];
        int changed = 0;
        int end = Math.min(n, (chunk + 1) * CHUNK);
        for (int next = chunk * CHUNK; next < end;) {
            // collects the points whose bounds fail without a branch on the outcome: it is unpredictable
            int suspected = 0;
            for (; next < end && suspected < BLOCK; next++) {
                int own = labels[next];
                upper[next] += movement.shift()[own];
                lower[next] -= movement.otherShift(own);
                double bound = Math.max(halfGap[own], lower[next]);
                suspects[suspected] = next;
                suspectBound[suspected] = bound;
                suspected += upper[next] > bound ? 1 : 0;
            }
            for (int s = 0; s < suspected; s++) {
                int i = suspects[s];
                upper[i] = Math.sqrt(block.stage(i, centroids, labels[i]));
                if (block.commit(upper[i] > suspectBound[s])) {
                    changed += assignExactly(block, centroids, k, labels, upper, lower, sums);
                }
            }
        }
        return changed + assignExactly(block, centroids, k, labels, upper, lower, sums);
    }

    /** Adds point {@code i} to (sign 1) or removes it from (sign -1) the sums and size of {@code cluster}. */
    private void add(double[] sums, int k, int i, int cluster, int sign) {
        for (int d = 0; d < dimensions; d++) {
            sums[cluster * dimensions + d] += sign * points[i * dimensions + d];
        }
        sums[k * dimensions + cluster] += sign;
    }

    /** @return the means of the clusters; an empty cluster takes the point farthest from its centroid */
    private double[] centroidsFromSums(double[][] chunkSums, int k, double[] upper) {
        double[] sums = new double[k * dimensions];
        double[] counts = new double[k];
        for (double[] partial : chunkSums) {
            for (int j = 0; j < sums.length; j++) {
                sums[j] += partial[j];
            }
            for (int c = 0; c < k; c++) {
                counts[c] += partial[k * dimensions + c];
            }
        }
        int[] taken = new int[k];
        int relocated = 0;
        for (int c = 0; c < k; c++) {
            if (counts[c] < 0.5) {
                int farthest = farthestPoint(upper, taken, relocated);
                taken[relocated++] = farthest;
                System.arraycopy(points, farthest * dimensions, sums, c * dimensions, dimensions);
                continue;
            }
            for (int d = 0; d < dimensions; d++) {
                sums[c * dimensions + d] /= counts[c];
            }
        }
        return sums;
    }

    /**
     * Moves every point of the block to its nearest centroid, sets its bounds exactly, updates the
     * sums when it changes cluster (a label of -1 is no cluster yet) and empties the block.
     *
     * @return how many points changed cluster
     */
    private int assignExactly(Block block, double[] centroids, int k, int[] labels, double[] upper, double[] lower,
            double[] sums) {
        block.measure(centroids, k);
        block.rank(k);
        int changed = 0;
        for (int b = 0; b < block.size; b++) {
            int i = block.members[b];
            int label = block.closest[b];
            upper[i] = Math.sqrt(block.nearest[b]);
            lower[i] = Math.sqrt(block.second[b]);
            if (label != labels[i]) {
                if (labels[i] >= 0) {
                    add(sums, k, i, labels[i], -1);
                }
                add(sums, k, i, label, 1);
                labels[i] = label;
                changed++;
            }
        }
        block.size = 0;
        return changed;
    }

    /**
     * Up to {@link #BLOCK} points and their squared distances to a few centres; scratch space of
     * one parallel task.
     */
    private final class Block {
        final int[] members = new int[BLOCK];
        int size;
        /** {@code columns[d][b]}: coordinate d of member b. */
        private final double[][] columns = new double[dimensions][BLOCK];
        /** {@code distances[c][b]}: squared distance from member b to centre c, after {@link #measure}. */
        final double[][] distances;
        /** After {@link #rank}: the nearest centre of every member, and the two smallest squared distances. */
        final int[] closest = new int[BLOCK];
        final double[] nearest = new double[BLOCK];
        final double[] second = new double[BLOCK];

        Block(int centres) {
            distances = new double[centres][BLOCK];
        }

        /** Adds point {@code i}; @return true when the block is now full */
        boolean add(int i) {
            stage(i, null, 0);
            return commit(true);
        }

        /**
         * Copies point {@code i} into the next free place without adding it yet, and measures it
         * against one centre while its coordinates are at hand.
         *
         * @return the squared distance from point {@code i} to row {@code c} of {@code centres}, 0 when null
         */
        double stage(int i, double[] centres, int c) {
            int offset = i * dimensions;
            double squaredDistance = 0;
            for (int d = 0; d < dimensions; d++) {
                double value = points[offset + d];
                columns[d][size] = value;
                if (centres != null) {
                    double difference = value - centres[c * dimensions + d];
                    squaredDistance += difference * difference;
                }
            }
            members[size] = i;
            return squaredDistance;
        }

        /** Adds the point last staged if {@code keep}; @return true when the block is now full */
        boolean commit(boolean keep) {
            size += keep ? 1 : 0;
            return size == BLOCK;
        }

        /**
         * Finds every member's nearest and second-nearest of the {@code count} centres just measured
         * (the first of equally near centres wins), without branches that the data would decide.
         */
        void rank(int count) {
            System.arraycopy(distances[0], 0, nearest, 0, size);
            Arrays.fill(second, 0, size, Double.POSITIVE_INFINITY);
            Arrays.fill(closest, 0, size, 0);
            for (int c = 1; c < count; c++) {
                double[] distance = distances[c];
                for (int b = 0; b < size; b++) {
                    double candidate = distance[b];
                    double best = nearest[b];
                    closest[b] = candidate < best ? c : closest[b];
                    second[b] = Math.min(second[b], Math.max(best, candidate));
                    nearest[b] = Math.min(best, candidate);
                }
            }
        }

        /** Measures the squared distances from the members to the first {@code count} rows of {@code centres}. */
        void measure(double[] centres, int count) {
            for (int c = 0; c < count; c++) {
                double[] distance = distances[c];
                Arrays.fill(distance, 0, size, 0);
                for (int d = 0; d < dimensions; d++) {
                    double centre = centres[c * dimensions + d];
                    double[] column = columns[d];
                    for (int b = 0; b < size; b++) {
                        double difference = column[b] - centre;
                        distance[b] += difference * difference;
                    }
                }
            }
        }
    }

    private int farthestPoint(double[] upper, int[] taken, int takenCount) {
        int farthest = -1;
        for (int i = 0; i < n; i++) {
            if ((farthest < 0 || upper[i] > upper[farthest]) && !contains(taken, takenCount, i)) {
                farthest = i;
            }
        }
        return farthest;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int j = 0; j < count; j++) {
            if (values[j] == value) {
                return true;
            }
        }
        return false;
    }

    /** Half the distance from every centroid to its nearest other centroid: closer points cannot change cluster. */
    private void halfGaps(double[] centroids, int k, double[] halfGap) {
        Arrays.fill(halfGap, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double half = 0.5 * Math.sqrt(squaredDistance(centroids, a, centroids, b, dimensions));
                halfGap[a] = Math.min(halfGap[a], half);
                halfGap[b] = Math.min(halfGap[b], half);
            }
        }
    }

    /**
     * Greedy k-means++: every next centroid is the best, by resulting potential, of
     * {@code 2 + ln k} candidates drawn with probability proportional to the squared distance to
     * the nearest centroid so far. One pass over the points measures all the candidates.
     */
    private double[] seed(int k, SplittableRandom random) {
        double[] centroids = new double[k * dimensions];
        int first = random.nextInt(n);
        System.arraycopy(points, first * dimensions, centroids, 0, dimensions);
        double[] nearest = new double[n];
        double[] chunkPotential = new double[chunks];
        updateNearest(nearest, chunkPotential, centroids, 0);
        int trials = 2 + (int) Math.log(k);
        double[] candidates = new double[trials * dimensions];
        double[][] chunkCandidatePotential = new double[chunks][];
        for (int c = 1; c < k; c++) {
            double potential = sum(chunkPotential);
            for (int trial = 0; trial < trials; trial++) {
                int candidate = draw(nearest, chunkPotential, potential, random);
                System.arraycopy(points, candidate * dimensions, candidates, trial * dimensions, dimensions);
            }
            inParallel(chunk -> {
                double[] partial = new double[trials];
                Block block = new Block(trials);
                for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                    if (block.add(i)) {
                        addPotentials(block, candidates, trials, nearest, partial);
                    }
                }
                addPotentials(block, candidates, trials, nearest, partial);
                chunkCandidatePotential[chunk] = partial;
            });
            int best = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int trial = 0; trial < trials; trial++) {
                double candidatePotential = 0;
                for (double[] partial : chunkCandidatePotential) {
                    candidatePotential += partial[trial];
                }
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    best = trial;
                }
            }
            System.arraycopy(candidates, best * dimensions, centroids, c * dimensions, dimensions);
            if (c < k - 1) {
                updateNearest(nearest, chunkPotential, centroids, c);
            }
        }
        return centroids;
    }

    /** Adds to {@code partial[t]} the potential of the block's points if candidate t were a centroid, and empties it. */
    private static void addPotentials(Block block, double[] candidates, int trials, double[] nearest,
            double[] partial) {
        block.measure(candidates, trials);
        for (int trial = 0; trial < trials; trial++) {
            double[] distance = block.distances[trial];
            double sum = 0;
            for (int b = 0; b < block.size; b++) {
                sum += Math.min(nearest[block.members[b]], distance[b]);
            }
            partial[trial] += sum;
        }
        block.size = 0;
    }

    /** Lowers {@code nearest} to the squared distance to centroid {@code c}, and sums it by chunk. */
    private void updateNearest(double[] nearest, double[] chunkPotential, double[] centroids, int c) {
        inParallel(chunk -> {
            double partial = 0;
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                nearest[i] = Math.min(c == 0 ? Double.POSITIVE_INFINITY : nearest[i],
                        squaredDistance(points, i, centroids, c, dimensions));
                partial += nearest[i];
            }
            chunkPotential[chunk] = partial;
        });
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    /**
     * @param chunkWeight the sum of the weights of each chunk, so that the draw reads only one chunk
     * @return a point drawn with probability proportional to its weight; uniform when all weights are 0
     */
    private int draw(double[] weight, double[] chunkWeight, double total, SplittableRandom random) {
        if (total <= 0) {
            return random.nextInt(n);
        }
        double target = random.nextDouble() * total;
        int chunk = 0;
        double cumulative = 0;
        while (chunk < chunks - 1 && cumulative + chunkWeight[chunk] <= target) {
            cumulative += chunkWeight[chunk++];
        }
        int last = -1;
        for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
            if (weight[i] > 0) {
                last = i;
                cumulative += weight[i];
                if (cumulative > target) {
                    return i;
                }
            }
        }
        // rounding left the target just past this chunk's points: take its last one that may be drawn
        while (last < 0) {
            last = lastWeighted(weight, chunk--);
        }
        return last;
    }

    private int lastWeighted(double[] weight, int chunk) {
        for (int i = Math.min(n, (chunk + 1) * CHUNK) - 1; i >= chunk * CHUNK; i--) {
            if (weight[i] > 0) {
                return i;
            }
        }
        return -1;
    }
}
