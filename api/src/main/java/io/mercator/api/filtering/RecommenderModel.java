package io.mercator.api.filtering;

import io.mercator.api.Model;
import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A fitted recommender. Thread-safe, immutable.
 *
 * <p>Unknown ids are not errors: a user or item that was not in the training data (a new
 * customer, a new product) gets the strategy's fallback, typically the most popular items or the
 * global average, instead of an exception. Only malformed requests (a count below 1, a null id)
 * are rejected.
 */
@ConsumerType
public interface RecommenderModel extends Model {

    /** @return the users seen in the training data */
    IdDictionary users();

    /** @return the items seen in the training data; recommendations are drawn from these */
    IdDictionary items();

    /**
     * Top-N recommendations for one user.
     *
     * <p>The model removes only the items in {@code exclude}; items the user already interacted
     * with may be recommended again (repeat purchases are common in retail). Callers that want
     * only new items pass the user's history in {@code exclude}.
     *
     * @param userId a user id; an unknown user gets the fallback ranking
     * @param count the most items to return, at least 1
     * @param exclude item ids that must not be returned; may be empty, not null
     * @return up to {@code count} items, best first; fewer when the model has fewer candidates
     * @throws io.mercator.api.ValidationException naming {@code count} when it is below 1, or
     *     {@code userId} when it is null
     */
    Recommendations recommend(String userId, int count, Set<String> exclude);

    /**
     * Top-N recommendations for one user among the items a caller's filter lets through (in stock,
     * in the wanted categories, not excluded). The default passes the items the filter rejects as
     * {@code exclude} to {@link #recommend(String, int, Set)}, so every model honours it.
     *
     * @param userId a user id; an unknown user gets the fallback ranking
     * @param count the most items to return, at least 1
     * @param filter the caller's restrictions; {@link ItemFilter#none()} for none
     * @return up to {@code count} items that pass the filter, best first
     * @throws ValidationException naming {@code filter} when null, or as {@link #recommend(String, int, Set)}
     */
    default Recommendations recommend(String userId, int count, ItemFilter filter) {
        if (filter == null) {
            throw new ValidationException("filter", "must not be null; pass ItemFilter.none()");
        }
        return recommend(userId, count, filter.rejected(items()));
    }

    /**
     * Items most similar to one item ("customers who bought this also bought").
     *
     * @param itemId an item id; an unknown item gets the fallback ranking
     * @param count the most items to return, at least 1
     * @return up to {@code count} items other than {@code itemId}, most similar first
     * @throws io.mercator.api.ValidationException naming {@code count} when it is below 1, or
     *     {@code itemId} when it is null
     */
    Recommendations similarItems(String itemId, int count);

    /**
     * Top-N for a set of items instead of a known user: completes a basket ("frequently bought
     * together"), or folds in a new user's recent interactions at query time without retraining.
     *
     * <p>The default sums, per candidate, its {@link #similarItems} scores from every known given
     * item; models that can do better (rules that fire on the whole basket, a folded-in user
     * vector) override it. When no given item is known the default returns an empty list.
     *
     * @param itemIds the basket or the recent interactions; unknown ids are ignored
     * @param count the most items to return, at least 1
     * @param exclude item ids that must not be returned besides {@code itemIds}; may be empty, not null
     * @return up to {@code count} items other than {@code itemIds}, best first
     * @throws ValidationException naming {@code count} when it is below 1, or {@code itemIds} or
     *     {@code exclude} when null
     */
    default Recommendations recommendForItems(Set<String> itemIds, int count, Set<String> exclude) {
        if (itemIds == null || exclude == null) {
            throw new ValidationException(itemIds == null ? "itemIds" : "exclude",
                    "must not be null; pass an empty set");
        }
        if (count < 1) {
            throw new ValidationException("count", count + " must be at least 1");
        }
        Map<String, Double> summed = new HashMap<>();
        for (String itemId : itemIds) {
            if (itemId != null && items().indexOf(itemId) >= 0) {
                Recommendations similar = similarItems(itemId, items().size());
                for (int rank = 0; rank < similar.size(); rank++) {
                    summed.merge(similar.itemId(rank), similar.score(rank), Double::sum);
                }
            }
        }
        summed.keySet().removeAll(itemIds);
        summed.keySet().removeAll(exclude);
        String[] best = summed.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(Map.Entry::getKey).toArray(String[]::new);
        double[] scores = new double[best.length];
        for (int rank = 0; rank < best.length; rank++) {
            scores[rank] = summed.get(best[rank]);
        }
        return new Recommendations(best, scores);
    }

    /**
     * Basket completion among the items a caller's filter lets through; see
     * {@link #recommend(String, int, ItemFilter)}.
     *
     * @param itemIds the basket or the recent interactions; unknown ids are ignored
     * @param count the most items to return, at least 1
     * @param filter the caller's restrictions; {@link ItemFilter#none()} for none
     * @return up to {@code count} items other than {@code itemIds} that pass the filter, best first
     * @throws ValidationException naming {@code filter} when null, or as {@link #recommendForItems(Set, int, Set)}
     */
    default Recommendations recommendForItems(Set<String> itemIds, int count, ItemFilter filter) {
        if (filter == null) {
            throw new ValidationException("filter", "must not be null; pass ItemFilter.none()");
        }
        return recommendForItems(itemIds, count, filter.rejected(items()));
    }

    /**
     * Predicted value of one user-item pair, on the scale of the training values for explicit
     * ratings, or a relevance score for implicit data (higher is more relevant).
     *
     * @param userId a user id; unknown users get the fallback (e.g. the item's mean)
     * @param itemId an item id; unknown items get the fallback (e.g. the global mean)
     * @return a finite prediction
     * @throws io.mercator.api.ValidationException when an id is null
     */
    double predict(String userId, String itemId);

    /**
     * Why {@link #recommend} would put an item on a user's list: the user's items that led to it
     * ({@code "because you chose X"}), the neighbours or the rule that produced it, or the fallback
     * that did ({@code "popular"}). Answers for any known or unknown pair, listed or not.
     *
     * <p>The default says only which strategy recommended the item; built-in models name the
     * user's items, neighbours or rules.
     *
     * @param userId a user id; an unknown user gets the fallback's reason
     * @param itemId the recommended item
     * @return the explanation
     * @throws ValidationException naming {@code userId} or {@code itemId} when null
     */
    default Explanation explain(String userId, String itemId) {
        if (userId == null || itemId == null) {
            throw new ValidationException(userId == null ? "userId" : "itemId", "must not be null");
        }
        return Explanation.of("recommended by " + strategyName());
    }

    /**
     * Why {@link #recommendForItems} would list an item for a basket or a new user's recent items.
     *
     * <p>The default mirrors the default {@code recommendForItems}: the given items whose
     * {@link #similarItems} lists hold {@code itemId}, by their similarity to it, most similar first.
     *
     * @param itemIds the basket or the recent interactions; unknown ids are ignored
     * @param itemId the recommended item
     * @return the explanation
     * @throws ValidationException naming {@code itemIds} or {@code itemId} when null
     */
    default Explanation explainForItems(Set<String> itemIds, String itemId) {
        if (itemIds == null || itemId == null) {
            throw new ValidationException(itemIds == null ? "itemIds" : "itemId", "must not be null");
        }
        List<Map.Entry<String, Double>> contributions = new ArrayList<>();
        for (String given : itemIds) {
            if (given != null && !given.equals(itemId) && items().indexOf(given) >= 0) {
                Recommendations similar = similarItems(given, items().size());
                for (int rank = 0; rank < similar.size(); rank++) {
                    if (similar.itemId(rank).equals(itemId) && similar.score(rank) > 0) {
                        contributions.add(Map.entry(given, similar.score(rank)));
                    }
                }
            }
        }
        if (contributions.isEmpty()) {
            return Explanation.of("recommended by " + strategyName());
        }
        contributions.sort(Map.Entry.<String, Double>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        String[] ids = contributions.stream().map(Map.Entry::getKey).toArray(String[]::new);
        double[] weights = contributions.stream().mapToDouble(Map.Entry::getValue).toArray();
        return new Explanation("similar to " + String.join(", ", List.of(ids).subList(0, Math.min(3, ids.length))),
                ids, weights);
    }
}
