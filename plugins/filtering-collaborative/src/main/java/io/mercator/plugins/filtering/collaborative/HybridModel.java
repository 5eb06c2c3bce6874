package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.AbstractModel;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.Explanation;
import io.mercator.api.filtering.RecommenderModel;
import io.mercator.api.filtering.Recommendations;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The hybrid's model: the component models with their weights. Every query asks each component
 * for its whole list, scales it to 0..1 and adds the weighted scales; an item only the excluded
 * or no component lists is never returned. Explanations come from the component that contributed
 * most to the item, named in front of its reason.
 *
 * <p>Binary format: the {@link AbstractModel} header, the users, then per component its strategy
 * name and version, weight, and its own bytes, length-prefixed.
 */
final class HybridModel extends AbstractModel implements RecommenderModel {

    /**
     * @param model a component's model
     * @param weight its weight in the blend, above 0
     */
    record Part(RecommenderModel model, double weight) {
    }

    private final IdDictionary users;
    private final IdDictionary items;
    private final List<Part> parts;
    private final double totalWeight;

    HybridModel(String strategyName, String strategyVersion, IdDictionary users, List<Part> parts) {
        super(strategyName, strategyVersion, HybridStrategy.MAGIC, HybridStrategy.FORMAT);
        this.users = users;
        this.parts = List.copyOf(parts);
        IdDictionary.Builder union = new IdDictionary.Builder("items");
        for (Part part : parts) {
            for (int i = 0; i < part.model().items().size(); i++) {
                union.add(part.model().items().id(i), i);
            }
        }
        items = union.build();
        totalWeight = parts.stream().mapToDouble(Part::weight).sum();
    }

    static Header readHeader(DataInputStream in) throws IOException {
        return readHeader(in, HybridStrategy.MAGIC, HybridStrategy.FORMAT, "a hybrid model");
    }

    @Override
    public IdDictionary users() {
        return users;
    }

    @Override
    public IdDictionary items() {
        return items;
    }

    @Override
    public Recommendations recommend(String userId, int count, Set<String> exclude) {
        CollaborativeModel.requireId("userId", userId);
        CollaborativeModel.requireCount(count);
        return blend(model -> model.recommend(userId, model.items().size(), exclude), count);
    }

    @Override
    public Recommendations similarItems(String itemId, int count) {
        CollaborativeModel.requireId("itemId", itemId);
        CollaborativeModel.requireCount(count);
        return blend(model -> model.similarItems(itemId, model.items().size()), count);
    }

    @Override
    public Recommendations recommendForItems(Set<String> itemIds, int count, Set<String> exclude) {
        CollaborativeModel.requireCount(count);
        return blend(model -> model.recommendForItems(itemIds, model.items().size(), exclude), count);
    }

    @Override
    public double predict(String userId, String itemId) {
        double sum = 0;
        for (Part part : parts) {
            sum += part.weight() * part.model().predict(userId, itemId);
        }
        return sum / totalWeight;
    }

    @Override
    public Explanation explain(String userId, String itemId) {
        CollaborativeModel.requireId("userId", userId);
        CollaborativeModel.requireId("itemId", itemId);
        return explainBy(model -> model.recommend(userId, model.items().size(), Set.of()),
                model -> model.explain(userId, itemId), itemId);
    }

    @Override
    public Explanation explainForItems(Set<String> itemIds, String itemId) {
        CollaborativeModel.requireId("itemId", itemId);
        return explainBy(model -> model.recommendForItems(itemIds, model.items().size(), Set.of()),
                model -> model.explainForItems(itemIds, itemId), itemId);
    }

    /** @return the explanation of the component whose weighted scaled score of the item is the highest */
    private Explanation explainBy(Function<RecommenderModel, Recommendations> list,
            Function<RecommenderModel, Explanation> explain, String itemId) {
        Part best = parts.get(0);
        double bestContribution = -1;
        for (Part part : parts) {
            double[] scaled = new double[items.size()];
            scaleInto(list.apply(part.model()), part.weight(), scaled, null);
            int i = items.indexOf(itemId);
            double contribution = i < 0 ? 0 : scaled[i];
            if (contribution > bestContribution) {
                best = part;
                bestContribution = contribution;
            }
        }
        Explanation reason = explain.apply(best.model());
        return new Explanation(best.model().strategyName() + ": " + reason.reason(), reason.itemIds(),
                reason.weights());
    }

    private Recommendations blend(Function<RecommenderModel, Recommendations> list, int count) {
        double[] scores = new double[items.size()];
        boolean[] listed = new boolean[items.size()];
        for (Part part : parts) {
            scaleInto(list.apply(part.model()), part.weight(), scores, listed);
        }
        int[] best = TopN.select(scores, null, listed, count);
        String[] ids = new String[best.length];
        double[] bestScores = new double[best.length];
        for (int rank = 0; rank < best.length; rank++) {
            ids[rank] = items.id(best[rank]);
            bestScores[rank] = scores[best[rank]];
        }
        return new Recommendations(ids, bestScores);
    }

    /** Adds {@code weight / totalWeight} times each listed item's score scaled to 0..1 (best 1, worst 0). */
    private void scaleInto(Recommendations list, double weight, double[] scores, boolean[] listed) {
        if (list.size() == 0) {
            return;
        }
        double best = list.score(0);
        double range = best - list.score(list.size() - 1);
        for (int rank = 0; rank < list.size(); rank++) {
            int i = items.indexOf(list.itemId(rank));
            scores[i] += weight / totalWeight * (range > 0 ? 1 - (best - list.score(rank)) / range : 1);
            if (listed != null) {
                listed[i] = true;
            }
        }
    }

    @Override
    protected void writeBody(DataOutputStream out) throws IOException {
        Codec.writeIds(out, users);
        out.writeInt(parts.size());
        for (Part part : parts) {
            out.writeUTF(part.model().strategyName());
            out.writeUTF(part.model().strategyVersion());
            out.writeDouble(part.weight());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.model().writeTo(bytes);
            out.writeInt(bytes.size());
            bytes.writeTo(out);
        }
    }
}
