package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.Explanation;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * What every model of this bundle shares: the ids, the value range, the regularised baseline that
 * answers {@link #predict} for unknown ids, the popularity ranking that answers top-N for unknown
 * users and breaks ties, and each training user's items, which explanations name. Subclasses score
 * known users and items.
 *
 * <p>Binary format: magic, format, kind, strategy name and version, users, items, value range,
 * popularity, baseline, users' items, then the subclass's body.
 */
abstract class CollaborativeModel implements RecommenderModel {

    private static final int MAGIC = 0x4d434f4c; // "MCOL"
    private static final int FORMAT = 2;

    /**
     * The parts every model has, as read back from bytes or assembled by a strategy. The items of
     * user u are {@code userItem[userStart[u]] .. userItem[userStart[u + 1] - 1]}, ascending.
     */
    record Common(String name, String version, IdDictionary users, IdDictionary items, double minValue,
            double maxValue, double[] popularity, Baseline baseline, int[] userStart, int[] userItem) {

        /**
         * @param u a known user's index
         * @return the user's training items, ascending
         */
        int[] history(int u) {
            return Arrays.copyOfRange(userItem, userStart[u], userStart[u + 1]);
        }
    }

    final Common common;
    /** Position of each item in the popularity ranking, 0 for the most popular; breaks score ties. */
    private final int[] popularityRank;

    CollaborativeModel(Common common) {
        this.common = common;
        int[] order = TopN.select(common.popularity, null, null, common.popularity.length);
        popularityRank = new int[order.length];
        for (int rank = 0; rank < order.length; rank++) {
            popularityRank[order[rank]] = rank;
        }
    }

    /** @return the name of this kind of model, checked when reading bytes back */
    abstract String kind();

    /**
     * Scores a known user as a basket of their training items unless the model knows better, so
     * that a user folded in at query time with the same items gets the same answer.
     *
     * @param u a known user's index
     * @return a finite relevance score per item, higher is better
     */
    double[] userScores(int u) {
        return basketScores(common.history(u));
    }

    /**
     * @param items known item indices, a basket or a new user's recent interactions
     * @return a finite relevance score per item for someone holding those items
     */
    abstract double[] basketScores(int[] items);

    /**
     * @param i a known item's index
     * @return a finite similarity per item, higher is more similar
     */
    abstract double[] itemSimilarities(int i);

    /**
     * @param j an item of the basket
     * @param i a candidate item
     * @return how much {@code j} adds to {@code i}'s basket score, 0 for nothing
     */
    double itemSimilarity(int j, int i) {
        return itemSimilarities(j)[i];
    }

    /**
     * Says why {@code i} is listed for a user or a basket. The default names the basket's items by
     * their {@link #itemSimilarity} to {@code i}, as item-based scores add them up.
     *
     * @param u the user's index, or -1 for a basket given at query time
     * @param basket the user's training items or the basket's known items, ascending
     * @param i a known item
     * @return the explanation
     */
    Explanation explain(int u, int[] basket, int i) {
        double[] contributions = new double[basket.length];
        for (int k = 0; k < basket.length; k++) {
            contributions[k] = basket[k] == i ? 0 : itemSimilarity(basket[k], i);
        }
        return becauseOf(basket, contributions, i, u >= 0 ? "because you chose " : "because the basket holds ", "");
    }

    /**
     * @param items candidate reasons
     * @param contributions per candidate, how much it contributed; only positive ones are named
     * @param i the explained item, for {@link #nothingContributed} when no candidate contributed
     * @param opening the sentence's start, e.g. {@code "because you chose "}
     * @param detail appended to the sentence after the named items, may be empty
     * @return the items that contributed, most first, the top three named in the sentence
     */
    final Explanation becauseOf(int[] items, double[] contributions, int i, String opening, String detail) {
        int positive = (int) Arrays.stream(contributions).filter(c -> c > 0).count();
        if (positive == 0) {
            return nothingContributed(i);
        }
        int[] best = TopN.select(contributions, null, null, positive);
        String[] ids = new String[best.length];
        double[] weights = new double[best.length];
        for (int rank = 0; rank < best.length; rank++) {
            ids[rank] = common.items.id(items[best[rank]]);
            weights[rank] = contributions[best[rank]];
        }
        return new Explanation(opening + names(ids) + detail, ids, weights);
    }

    /** @return up to three ids as a phrase, "A", "A and B", "A, B and C", "A, B, C and 4 more" */
    static String names(String[] ids) {
        int named = Math.min(3, ids.length);
        StringBuilder phrase = new StringBuilder(ids[0]);
        for (int k = 1; k < named; k++) {
            phrase.append(k == named - 1 && ids.length == named ? " and " : ", ").append(ids[k]);
        }
        if (ids.length > named) {
            phrase.append(" and ").append(ids.length - named).append(" more");
        }
        return phrase.toString();
    }

    /**
     * @param i a known item none of the user's items contributed to
     * @return the reason it is listed all the same: by default its popularity, which breaks ties
     */
    Explanation nothingContributed(int i) {
        return popular(i);
    }

    /**
     * @param i a known item
     * @return the fallback's reason: the item's place in the popularity ranking
     */
    final Explanation popular(int i) {
        return Explanation.of(String.format(Locale.ROOT, "popular: rank %,d of %,d", popularityRank[i] + 1,
                popularityRank.length));
    }

    /**
     * @param u a user index, -1 when unknown
     * @param i an item index, -1 when unknown
     * @return the prediction before clamping to the training value range
     */
    double unclampedPrediction(int u, int i) {
        return common.baseline.predict(u, i);
    }

    abstract void writeBody(DataOutputStream out) throws IOException;

    @Override
    public final IdDictionary users() {
        return common.users;
    }

    @Override
    public final IdDictionary items() {
        return common.items;
    }

    @Override
    public final String strategyName() {
        return common.name;
    }

    @Override
    public final String strategyVersion() {
        return common.version;
    }

    @Override
    public final Recommendations recommend(String userId, int count, Set<String> exclude) {
        requireId("userId", userId);
        requireCount(count);
        boolean[] allowed = allowedExcept(exclude);
        int u = common.users.indexOf(userId);
        return ranked(u < 0 ? common.popularity : userScores(u), allowed, count);
    }

    private boolean[] allowedExcept(Set<String> exclude) {
        if (exclude == null) {
            throw new ValidationException("exclude", "must not be null; pass an empty set");
        }
        boolean[] allowed = new boolean[common.items.size()];
        Arrays.fill(allowed, true);
        for (String itemId : exclude) {
            int i = common.items.indexOf(itemId);
            if (i >= 0) {
                allowed[i] = false;
            }
        }
        return allowed;
    }

    @Override
    public final Recommendations recommendForItems(Set<String> itemIds, int count, Set<String> exclude) {
        if (itemIds == null) {
            throw new ValidationException("itemIds", "must not be null; pass an empty set");
        }
        requireCount(count);
        boolean[] allowed = allowedExcept(exclude);
        int[] known = itemIds.stream().mapToInt(common.items::indexOf).filter(i -> i >= 0).toArray();
        for (int i : known) {
            allowed[i] = false;
        }
        return ranked(known.length == 0 ? common.popularity : basketScores(known), allowed, count);
    }

    @Override
    public final Recommendations similarItems(String itemId, int count) {
        requireId("itemId", itemId);
        requireCount(count);
        int i = common.items.indexOf(itemId);
        boolean[] allowed = new boolean[common.items.size()];
        Arrays.fill(allowed, true);
        if (i >= 0) {
            allowed[i] = false;
        }
        return ranked(i < 0 ? common.popularity : itemSimilarities(i), allowed, count);
    }

    @Override
    public final Explanation explain(String userId, String itemId) {
        requireId("userId", userId);
        requireId("itemId", itemId);
        int i = common.items.indexOf(itemId);
        if (i < 0) {
            return unknownItem(itemId);
        }
        int u = common.users.indexOf(userId);
        return u < 0 ? popular(i) : explain(u, common.history(u), i);
    }

    @Override
    public final Explanation explainForItems(Set<String> itemIds, String itemId) {
        if (itemIds == null) {
            throw new ValidationException("itemIds", "must not be null; pass an empty set");
        }
        requireId("itemId", itemId);
        int i = common.items.indexOf(itemId);
        if (i < 0) {
            return unknownItem(itemId);
        }
        int[] known = itemIds.stream().mapToInt(common.items::indexOf).filter(j -> j >= 0).sorted().toArray();
        return known.length == 0 ? popular(i) : explain(-1, known, i);
    }

    private static Explanation unknownItem(String itemId) {
        return Explanation.of("'" + itemId + "' was not in the training data, so it is never recommended");
    }

    @Override
    public final double predict(String userId, String itemId) {
        requireId("userId", userId);
        requireId("itemId", itemId);
        double prediction = unclampedPrediction(common.users.indexOf(userId), common.items.indexOf(itemId));
        return Math.max(common.minValue, Math.min(common.maxValue, prediction));
    }

    private Recommendations ranked(double[] scores, boolean[] allowed, int count) {
        int[] best = TopN.select(scores, popularityRank, allowed, count);
        String[] ids = new String[best.length];
        double[] bestScores = new double[best.length];
        for (int rank = 0; rank < best.length; rank++) {
            ids[rank] = common.items.id(best[rank]);
            bestScores[rank] = scores[best[rank]];
        }
        return new Recommendations(ids, bestScores);
    }

    static void requireId(String field, String id) {
        if (id == null) {
            throw new ValidationException(field, "must not be null");
        }
    }

    static void requireCount(int count) {
        if (count < 1) {
            throw new ValidationException("count", count + " must be at least 1");
        }
    }

    @Override
    public final void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(kind());
        data.writeUTF(common.name);
        data.writeUTF(common.version);
        Codec.writeIds(data, common.users);
        Codec.writeIds(data, common.items);
        data.writeDouble(common.minValue);
        data.writeDouble(common.maxValue);
        Codec.writeDoubles(data, common.popularity);
        common.baseline.writeTo(data);
        Codec.writeInts(data, common.userStart);
        Codec.writeInts(data, common.userItem);
        writeBody(data);
        data.flush();
    }

    /**
     * Reads the shared part of a model; the caller reads its body from the same stream next.
     *
     * @param in the stream, positioned at the start of a model
     * @param expectedKind the kind the caller can read
     * @return the shared part
     * @throws IOException when the bytes are not a model of that kind
     */
    static Common readCommon(DataInputStream in, String expectedKind) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a collaborative-filtering model of format " + FORMAT);
        }
        String kind = in.readUTF();
        if (!kind.equals(expectedKind)) {
            throw new IOException("the model is a " + kind + " model, not " + expectedKind);
        }
        String name = in.readUTF();
        String version = in.readUTF();
        IdDictionary users = Codec.readIds(in, "users");
        IdDictionary items = Codec.readIds(in, "items");
        double minValue = in.readDouble();
        double maxValue = in.readDouble();
        double[] popularity = Codec.readDoubles(in);
        Baseline baseline = Baseline.read(in);
        int[] userStart = Codec.readInts(in);
        int[] userItem = Codec.readInts(in);
        if (popularity.length != items.size() || baseline.itemBias.length != items.size()
                || baseline.userBias.length != users.size() || userStart.length != users.size() + 1
                || userStart[users.size()] != userItem.length) {
            throw new IOException("corrupt model: array lengths do not match the ids");
        }
        return new Common(name, version, users, items, minValue, maxValue, popularity, baseline, userStart,
                userItem);
    }
}
