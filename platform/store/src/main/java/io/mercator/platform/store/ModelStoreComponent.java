package io.mercator.platform.store;

import io.mercator.api.runtime.ModelStore;
import io.mercator.platform.store.common.LoggingModelStore;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Offers a {@link FolderModelStore} as the platform's {@link ModelStore} service, with the default
 * service ranking 0: a configured PostgreSQL store (ranking 100) takes precedence.
 */
@Component(service = ModelStore.class, immediate = true, configurationPid = ModelStoreComponent.PID)
@Designate(ocd = ModelStoreComponent.Config.class)
public final class ModelStoreComponent extends LoggingModelStore {

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
    protected ModelStore store() {
        return store;
    }

    @Override
    protected Logger logger() {
        return logger;
    }
}
