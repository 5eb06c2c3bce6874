package io.mercator.platform.store.postgres;

import io.mercator.api.runtime.ModelStore;
import io.mercator.platform.store.common.LoggingModelStore;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Offers a {@link PostgresModelStore} as the platform's {@link ModelStore} while Mercator's
 * PostgreSQL database is configured ({@link DatabaseComponent}). Its service ranking (100) is above
 * the folder store's (0), so every consumer that looks up or binds the model store gets this one;
 * consumers that bound the folder store earlier switch when their reference is greedy. Deleting the
 * configuration brings the folder store back.
 */
@Component(service = ModelStore.class, immediate = true, property = "service.ranking:Integer=100")
public final class PostgresModelStoreComponent extends LoggingModelStore {

    private final Logger logger;
    private final PostgresModelStore store;

    @Activate
    public PostgresModelStoreComponent(@Reference(service = LoggerFactory.class) Logger logger,
            @Reference(service = DataSource.class, target = "(" + DatabaseComponent.DATABASE + "=postgres)")
            Map.Entry<Map<String, Object>, DataSource> database) {
        this.logger = logger;
        Map<String, Object> properties = database.getKey();
        store = new PostgresModelStore(database.getValue(), (String) properties.get(DatabaseComponent.SCHEMA),
                (String) properties.get(DatabaseComponent.NODE));
        logger.info("Models in PostgreSQL (schema {}); this store takes precedence over the folder store",
                properties.get(DatabaseComponent.SCHEMA));
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
