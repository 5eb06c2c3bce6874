package io.mercator.platform.jobs;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps models in memory, the saved ones listed in the order they came. */
final class MemoryStore implements ModelStore {
    final List<StoredModel> saved = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    @Override
    public StoredModel save(Family family, Model model, Map<String, String> metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        StoredModel stored = new StoredModel("model-" + saved.size(), family, model.strategyName(),
                model.strategyVersion(), Instant.now(), out.size(), "00", metadata);
        bytes.put(stored.id(), out.toByteArray());
        saved.add(stored);
        return stored;
    }

    @Override
    public Optional<StoredModel> find(String id) {
        return saved.stream().filter(model -> model.id().equals(id)).findFirst();
    }

    @Override
    public List<StoredModel> list(Family family) {
        return saved;
    }

    @Override
    public InputStream open(String id) {
        return new ByteArrayInputStream(bytes.get(id));
    }

    @Override
    public boolean delete(String id) {
        return false;
    }
}
