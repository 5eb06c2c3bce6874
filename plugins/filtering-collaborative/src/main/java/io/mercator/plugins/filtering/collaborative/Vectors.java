package io.mercator.plugins.filtering.collaborative;

/**
 * Dot products of factor rows stored in flat arrays. Four running sums instead of one: a single sum
 * waits for every addition to finish before the next, four keep the floating-point adder busy
 * (the JIT does not reorder floating-point sums itself), which makes the factor models' inner loops
 * about twice as fast.
 */
final class Vectors {

    private Vectors() {
    }

    /** @return the dot product of {@code a[aOffset ..]} and {@code b[bOffset ..]} over {@code length} entries */
    static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int f = 0;
        for (; f + 3 < length; f += 4) {
            sum0 += a[aOffset + f] * b[bOffset + f];
            sum1 += a[aOffset + f + 1] * b[bOffset + f + 1];
            sum2 += a[aOffset + f + 2] * b[bOffset + f + 2];
            sum3 += a[aOffset + f + 3] * b[bOffset + f + 3];
        }
        for (; f < length; f++) {
            sum0 += a[aOffset + f] * b[bOffset + f];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }

    /**
     * @return the dot product of {@code a[abOffset ..] + b[abOffset ..]} with {@code c[cOffset ..]}
     *     over {@code length} entries
     */
    static double dotOfSum(double[] a, double[] b, int abOffset, double[] c, int cOffset, int length) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int f = 0;
        for (; f + 3 < length; f += 4) {
            sum0 += (a[abOffset + f] + b[abOffset + f]) * c[cOffset + f];
            sum1 += (a[abOffset + f + 1] + b[abOffset + f + 1]) * c[cOffset + f + 1];
            sum2 += (a[abOffset + f + 2] + b[abOffset + f + 2]) * c[cOffset + f + 2];
            sum3 += (a[abOffset + f + 3] + b[abOffset + f + 3]) * c[cOffset + f + 3];
        }
        for (; f < length; f++) {
            sum0 += (a[abOffset + f] + b[abOffset + f]) * c[cOffset + f];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }
}
