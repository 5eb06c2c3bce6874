package io.mercator.platform.store;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Offers a {@link FolderModelStore} as the platform's {@link ModelStore} service. */
@Component(service = ModelStore.class, immediate = true, configurationPid = ModelStoreComponent.PID)
@Designate(ocd = ModelStoreComponent.Config.class)
public final class ModelStoreComponent implements ModelStore {

    static final String PID = "io.mercator.store";
    /** Framework property the launcher sets to {@code <home>/data/models}. */
    static final String FOLDER_PROPERTY = "io.mercator.store.folder";

    @ObjectClassDefinition(name = "Mercator model store", description = "Where trained models are kept")
    @interface Config {
        @AttributeDefinition(description = "The folder of the model store; empty for the framework property "
                + FOLDER_PROPERTY + ", else the bundle's data area")
        String folder() default "";
    }

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private final FolderModelStore store;

    @Activate
    public ModelStoreComponent(BundleContext context, Config config) throws IOException {
        String folder = !config.folder().isBlank() ? config.folder() : context.getProperty(FOLDER_PROPERTY);
        Path root = folder != null && !folder.isBlank() ? Path.of(folder) : context.getDataFile("models").toPath();
        store = new FolderModelStore(root);
    }

    @Activate
    void logLocation() {
        logger.info("Model store in {}", store.root());
    }

    @Override
    public StoredModel save(Family family, Model model, Map<String, String> metadata) throws IOException {
        StoredModel stored = store.save(family, model, metadata);
        logger.info("Stored model {} of {}/{}@{} ({} bytes)", stored.id(), family.id(), stored.strategyName(),
                stored.strategyVersion(), stored.sizeBytes());
        return stored;
    }

    @Override
    public Optional<StoredModel> find(String id) throws IOException {
        return store.find(id);
    }

    @Override
    public List<StoredModel> list(Family family) throws IOException {
        return store.list(family);
    }

    @Override
    public InputStream open(String id) throws IOException {
        return store.open(id);
    }

    @Override
    public boolean delete(String id) throws IOException {
        boolean deleted = store.delete(id);
        if (deleted) {
            logger.info("Deleted model {}", id);
        }
        return deleted;
    }
}
