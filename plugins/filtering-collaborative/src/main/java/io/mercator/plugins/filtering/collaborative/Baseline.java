package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Regularised baseline predictor {@code b(u,i) = mu + b_u + b_i} (Koren 2010, section 2.1): the
 * global mean plus a user and an item offset, each shrunk towards zero by a damping term so that
 * users and items with few ratings keep offsets near zero. Fitted by alternating least squares,
 * as Surprise's {@code BaselineOnly}. An unknown user or item (index -1) contributes no offset.
 */
final class Baseline {

    static final String USER_REGULARISATION = "user-regularisation";
    static final String ITEM_REGULARISATION = "item-regularisation";
    static final ParameterSpec USER_REGULARISATION_SPEC = ParameterSpec.real(USER_REGULARISATION,
            "Damping of the user offsets: pseudo-ratings at the global mean added to every user.", 15, 0, 1e6);
    static final ParameterSpec ITEM_REGULARISATION_SPEC = ParameterSpec.real(ITEM_REGULARISATION,
            "Damping of the item offsets: pseudo-ratings at the global mean added to every item.", 10, 0, 1e6);

    private static final int SWEEPS = 10;

    final double mean;
    final double[] userBias;
    final double[] itemBias;

    Baseline(double mean, double[] userBias, double[] itemBias) {
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
    }

    static Baseline fit(RatingMatrix matrix, double userRegularisation, double itemRegularisation) {
        double mean = 0;
        for (double value : matrix.userValue) {
            mean += value;
        }
        mean /= matrix.entries();
        double[] userBias = new double[matrix.users];
        double[] itemBias = new double[matrix.items];
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int u = 0; u < matrix.users; u++) {
                double sum = 0;
                for (int entry = matrix.userStart[u]; entry < matrix.userStart[u + 1]; entry++) {
                    sum += matrix.userValue[entry] - mean - itemBias[matrix.userItem[entry]];
                }
                userBias[u] = sum / (userRegularisation + matrix.userStart[u + 1] - matrix.userStart[u]);
            }
            for (int i = 0; i < matrix.items; i++) {
                double sum = 0;
                for (int entry = matrix.itemStart[i]; entry < matrix.itemStart[i + 1]; entry++) {
                    sum += matrix.itemValue[entry] - mean - userBias[matrix.itemUser[entry]];
                }
                itemBias[i] = sum / (itemRegularisation + matrix.itemStart[i + 1] - matrix.itemStart[i]);
            }
        }
        return new Baseline(mean, userBias, itemBias);
    }

    /**
     * @param u a user index, or -1 for an unknown user
     * @param i an item index, or -1 for an unknown item
     * @return the baseline prediction
     */
    double predict(int u, int i) {
        return mean + (u < 0 ? 0 : userBias[u]) + (i < 0 ? 0 : itemBias[i]);
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeDouble(mean);
        Codec.writeDoubles(out, userBias);
        Codec.writeDoubles(out, itemBias);
    }

    static Baseline read(DataInputStream in) throws IOException {
        return new Baseline(in.readDouble(), Codec.readDoubles(in), Codec.readDoubles(in));
    }
}
