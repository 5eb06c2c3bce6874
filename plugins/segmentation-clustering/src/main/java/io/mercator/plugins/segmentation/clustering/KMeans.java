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
 */
public final class KMeans {

    /** Relative tolerance on the centroids' shift, as scikit-learn's default {@code tol}. */
    private static final double RELATIVE_TOLERANCE = 1e-4;
    /** Points per parallel task: large enough to amortise the task, small enough to balance two or more cores. */
    private static final int CHUNK = 16_384;

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
                .mapToObj(r -> run(k, maxIterations, randoms[r]))
                .min(Comparator.comparingDouble(Result::inertia))
                .orElseThrow();
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
    private Result run(int k, int maxIterations, SplittableRandom random) {
        double[] centroids = seed(k, random);
        int[] labels = new int[n];
        double[] upper = new double[n];
        double[] lower = new double[n];
        double[][] chunkSums = new double[chunks][];
        double[] seeded = centroids;
        inParallel(chunk -> {
            double[] sums = new double[k * (dimensions + 1)];
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                assignExactly(i, seeded, k, labels, upper, lower);
                add(sums, k, i, labels[i], 1);
            }
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
        int changed = 0;
        for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
            int own = labels[i];
            upper[i] += movement.shift()[own];
            lower[i] -= movement.otherShift(own);
            double bound = Math.max(halfGap[own], lower[i]);
            if (upper[i] <= bound) {
                continue;
            }
            upper[i] = Math.sqrt(squaredDistance(points, i, centroids, own, dimensions));
            if (upper[i] <= bound) {
                continue;
            }
            assignExactly(i, centroids, k, labels, upper, lower);
            if (labels[i] != own) {
                add(sums, k, i, own, -1);
                add(sums, k, i, labels[i], 1);
                changed++;
            }
        }
        return changed;
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

    /** Finds the nearest and second-nearest centroid of point {@code i} and sets its bounds exactly. */
    private void assignExactly(int i, double[] centroids, int k, int[] labels, double[] upper, double[] lower) {
        double nearest = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        int label = 0;
        for (int c = 0; c < k; c++) {
            double distance = squaredDistance(points, i, centroids, c, dimensions);
            if (distance < nearest) {
                second = nearest;
                nearest = distance;
                label = c;
            } else if (distance < second) {
                second = distance;
            }
        }
        labels[i] = label;
        upper[i] = Math.sqrt(nearest);
        lower[i] = Math.sqrt(second);
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
     * the nearest centroid so far.
     */
    private double[] seed(int k, SplittableRandom random) {
        double[] centroids = new double[k * dimensions];
        int first = random.nextInt(n);
        System.arraycopy(points, first * dimensions, centroids, 0, dimensions);
        double[] nearest = new double[n];
        double potential = sumInParallel(chunk -> {
            double partial = 0;
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                nearest[i] = squaredDistance(points, i, centroids, 0, dimensions);
                partial += nearest[i];
            }
            return partial;
        });
        int trials = 2 + (int) Math.log(k);
        double[] candidateDistance = new double[n];
        double[] bestDistance = new double[n];
        for (int c = 1; c < k; c++) {
            int best = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int trial = 0; trial < trials; trial++) {
                int candidate = draw(nearest, potential, random);
                double candidatePotential = sumInParallel(chunk -> {
                    double partial = 0;
                    for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                        candidateDistance[i] = Math.min(nearest[i],
                                squaredDistance(points, i, points, candidate, dimensions));
                        partial += candidateDistance[i];
                    }
                    return partial;
                });
                if (candidatePotential < bestPotential) {
                    bestPotential = candidatePotential;
                    best = candidate;
                    System.arraycopy(candidateDistance, 0, bestDistance, 0, n);
                }
            }
            System.arraycopy(points, best * dimensions, centroids, c * dimensions, dimensions);
            System.arraycopy(bestDistance, 0, nearest, 0, n);
            potential = bestPotential;
        }
        return centroids;
    }

    /** @return a point drawn with probability proportional to its weight; uniform when all weights are 0 */
    private int draw(double[] weight, double total, SplittableRandom random) {
        if (total <= 0) {
            return random.nextInt(n);
        }
        double target = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += weight[i];
            if (cumulative > target) {
                return i;
            }
        }
        return n - 1;
    }
}
