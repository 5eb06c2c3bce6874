package io.mercator.api.filtering;

import io.mercator.api.data.IdDictionary;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A test model: ranks the items in catalogue order with scores 3, 2, 1, ..., skipping excluded ones. */
final class FixedOrderModel implements RecommenderModel {
    private final IdDictionary users;
    private final IdDictionary items;

    FixedOrderModel(IdDictionary users, String... items) {
        this.users = users;
        this.items = IdDictionary.of("items", items);
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
        List<String> chosen = new ArrayList<>();
        for (String item : items.toArray()) {
            if (chosen.size() < count && !exclude.contains(item)) {
                chosen.add(item);
            }
        }
        double[] scores = IntStream.range(0, chosen.size()).mapToDouble(rank -> 3 - rank).toArray();
        return new Recommendations(chosen.toArray(String[]::new), scores);
    }

    @Override
    public Recommendations similarItems(String itemId, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double predict(String userId, String itemId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String strategyName() {
        return "fixed";
    }

    @Override
    public String strategyVersion() {
        return "1.0.0";
    }

    @Override
    public void writeTo(OutputStream out) {
        throw new UnsupportedOperationException();
    }
}
