package io.mercator.platform.store.common;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.log.Logger;

/**
 * The part every store's component shares: it offers a plain-Java store as the service and logs
 * what changes the store (saves and deletes).
 */
public abstract class LoggingModelStore implements ModelStore {

    /** @return the store the service calls go to */
    protected abstract ModelStore store();

    /** @return the component's logger */
    protected abstract Logger logger();

    @Override
    public StoredModel save(Family family, Model model, Map<String, String> metadata) throws IOException {
        StoredModel stored = store().save(family, model, metadata);
        logger().info("Stored model {} of {}/{}@{} ({} bytes)", stored.id(), family.id(), stored.strategyName(),
                stored.strategyVersion(), stored.sizeBytes());
        return stored;
    }

    @Override
    public Optional<StoredModel> find(String id) throws IOException {
        return store().find(id);
    }

    @Override
    public List<StoredModel> list(Family family) throws IOException {
        return store().list(family);
    }

    @Override
    public InputStream open(String id) throws IOException {
        return store().open(id);
    }

    @Override
    public boolean delete(String id) throws IOException {
        boolean deleted = store().delete(id);
        if (deleted) {
            logger().info("Deleted model {}", id);
        }
        return deleted;
    }
}
