package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ParameterSpec;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.filtering.Explanation;
import io.mercator.api.filtering.Interactions;
import io.mercator.api.filtering.RecommenderStrategy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.osgi.service.component.annotations.Component;

/**
 * Most popular items first, the same list for everyone: the baseline every recommender must beat
 * and the fallback for unknown users. Popularity is the number of distinct users of an item or,
 * with a half-life, a sum over interactions that halves in weight every {@code half-life-days}
 * before the latest timestamp. Predicted values come from the regularised baseline
 * {@code mu + b_u + b_i}.
 */
@Component(service = RecommenderStrategy.class, immediate = true)
public final class PopularityStrategy extends CollaborativeStrategy {

    static final String NAME = "popularity";
    private static final String HALF_LIFE_DAYS = "half-life-days";
    private static final double SECONDS_PER_DAY = 86_400;

    /** Describes the strategy and its parameters. */
    public PopularityStrategy() {
        super(NAME, "Most popular items (distinct users, optionally recency-weighted); predictions from the "
                + "regularised baseline mu + b_u + b_i.",
                ParameterSpec.real(HALF_LIFE_DAYS, "Recency weighting: an interaction this many days older than "
                        + "the latest counts half; 0 counts distinct users without weighting.", 0, 0, 36_500),
                Baseline.USER_REGULARISATION_SPEC, Baseline.ITEM_REGULARISATION_SPEC);
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        double halfLifeDays = parameters.getDouble(HALF_LIFE_DAYS);
        double[] popularity = halfLifeDays == 0 ? userCounts(matrix) : recencyWeighted(data, halfLifeDays);
        return new PopularityModel(common(data, matrix, baseline(matrix, parameters), popularity));
    }

    private static double[] recencyWeighted(Interactions data, double halfLifeDays) {
        if (!data.hasTimestamps()) {
            throw new ValidationException(HALF_LIFE_DAYS, "recency weighting needs timestamps and the data has "
                    + "none; use 0");
        }
        long latest = 0;
        for (int row = 0; row < data.size(); row++) {
            latest = Math.max(latest, data.timestamp(row));
        }
        double[] popularity = new double[data.items().size()];
        double halfLifeSeconds = halfLifeDays * SECONDS_PER_DAY;
        for (int row = 0; row < data.size(); row++) {
            popularity[data.item(row)] += Math.pow(0.5, (latest - data.timestamp(row)) / halfLifeSeconds);
        }
        return popularity;
    }

    @Override
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) {
        return new PopularityModel(common);
    }

    /** Ranks by popularity alone; has no body of its own. */
    private static final class PopularityModel extends CollaborativeModel {

        PopularityModel(Common common) {
            super(common);
        }

        @Override
        String kind() {
            return NAME;
        }

        @Override
        double[] userScores(int u) {
            return common.popularity();
        }

        @Override
        double[] basketScores(int[] items) {
            return common.popularity();
        }

        @Override
        double[] itemSimilarities(int i) {
            return common.popularity();
        }

        @Override
        Explanation explain(int u, int[] basket, int i) {
            return popular(i);
        }

        @Override
        void writeBody(DataOutputStream out) {
            // popularity and baseline are already in the shared part
        }
    }
}
