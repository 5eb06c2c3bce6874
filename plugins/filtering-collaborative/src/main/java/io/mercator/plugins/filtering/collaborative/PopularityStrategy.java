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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    private static final String CATEGORY_ATTRIBUTE = "category-attribute";
    private static final double SECONDS_PER_DAY = 86_400;

    /** Describes the strategy and its parameters. */
    public PopularityStrategy() {
        super(NAME, "Most popular items (distinct users, optionally recency-weighted); predictions from the "
                + "regularised baseline mu + b_u + b_i.",
                ParameterSpec.real(HALF_LIFE_DAYS, "Recency weighting: an interaction this many days older than "
                        + "the latest counts half; 0 counts distinct users without weighting.", 0, 0, 36_500),
                ParameterSpec.text(CATEGORY_ATTRIBUTE, "The item catalogue's attribute that explanations name as "
                        + "the category (\"popular in dairy\"), when a catalogue is attached.", "category"),
                Baseline.USER_REGULARISATION_SPEC, Baseline.ITEM_REGULARISATION_SPEC);
    }

    @Override
    CollaborativeModel fit(Interactions data, RatingMatrix matrix, Parameters parameters, TrainingContext context) {
        double halfLifeDays = parameters.getDouble(HALF_LIFE_DAYS);
        double[] popularity = halfLifeDays == 0 ? userCounts(matrix) : recencyWeighted(data, halfLifeDays);
        return new PopularityModel(common(data, matrix, baseline(matrix, parameters), popularity),
                categories(data, parameters.getString(CATEGORY_ATTRIBUTE)));
    }

    /**
     * @return per item of the interactions, the index of its category in the returned names, -1 for
     *     none; empty when there is no catalogue or it has no such attribute
     */
    private static Categories categories(Interactions data, String attribute) {
        int[] itemCategory = new int[data.items().size()];
        Arrays.fill(itemCategory, -1);
        List<String> names = new ArrayList<>();
        data.catalog().ifPresent(catalog -> {
            int a = List.of(catalog.attributeNames()).indexOf(attribute);
            for (int c = 0; a >= 0 && c < catalog.items().size(); c++) {
                int i = data.items().indexOf(catalog.items().id(c));
                String value = catalog.attribute(a, c);
                if (i >= 0 && value != null) {
                    if (!names.contains(value)) {
                        names.add(value);
                    }
                    itemCategory[i] = names.indexOf(value);
                }
            }
        });
        return new Categories(itemCategory, names.toArray(String[]::new));
    }

    /** Each item's category, as an index into {@code names}, -1 for none. */
    private record Categories(int[] itemCategory, String[] names) {
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
    CollaborativeModel readBody(DataInputStream in, CollaborativeModel.Common common) throws IOException {
        int[] itemCategory = Codec.readInts(in);
        String[] names = new String[in.readInt()];
        for (int k = 0; k < names.length; k++) {
            names[k] = in.readUTF();
        }
        if (itemCategory.length != common.items().size()
                || Arrays.stream(itemCategory).anyMatch(c -> c < -1 || c >= names.length)) {
            throw new IOException("corrupt popularity model: categories do not match the items");
        }
        return new PopularityModel(common, new Categories(itemCategory, names));
    }

    /** Ranks by popularity alone; keeps the items' categories to say "popular in a category you chose from". */
    private static final class PopularityModel extends CollaborativeModel {

        private final Categories categories;

        PopularityModel(Common common, Categories categories) {
            super(common);
            this.categories = categories;
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

        /** Names the user's items of the item's category when there are some, with its rank in the category. */
        @Override
        Explanation explain(int u, int[] basket, int i) {
            int category = categories.itemCategory()[i];
            int[] sameCategory = Arrays.stream(basket)
                    .filter(j -> j != i && category >= 0 && categories.itemCategory()[j] == category).toArray();
            if (sameCategory.length == 0) {
                return popular(i);
            }
            double[] popularity = common.popularity();
            int rank = 1;
            for (int j = 0; j < popularity.length; j++) {
                if (categories.itemCategory()[j] == category && (popularity[j] > popularity[i]
                        || popularity[j] == popularity[i] && j < i)) {
                    rank++;
                }
            }
            double[] weights = new double[sameCategory.length];
            Arrays.fill(weights, 1);
            String opening = String.format(Locale.ROOT, "popular in %s (rank %,d), where %s ",
                    categories.names()[category], rank, u >= 0 ? "you chose" : "the basket holds");
            return becauseOf(sameCategory, weights, i, opening, "");
        }

        @Override
        void writeBody(DataOutputStream out) throws IOException {
            Codec.writeInts(out, categories.itemCategory());
            out.writeInt(categories.names().length);
            for (String name : categories.names()) {
                out.writeUTF(name);
            }
        }
    }
}
