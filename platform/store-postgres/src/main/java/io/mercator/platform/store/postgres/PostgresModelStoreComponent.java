package io.mercator.platform.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.ModelStore;
import io.mercator.platform.store.common.LoggingModelStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Offers a {@link PostgresModelStore} as the platform's {@link ModelStore} once a configuration
 * {@value #PID} exists (for example {@code conf/io.mercator.store.postgres.cfg}). Its service
 * ranking (100) is above the folder store's (0), so every consumer that looks up or binds the
 * model store gets this one; consumers that bound the folder store earlier switch when their
 * reference is greedy. Deleting the configuration brings the folder store back.
 */
@Component(service = ModelStore.class, immediate = true, configurationPid = PostgresModelStoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = "service.ranking:Integer=100")
@Designate(ocd = PostgresModelStoreComponent.Config.class)
public final class PostgresModelStoreComponent extends LoggingModelStore {

    static final String PID = "io.mercator.store.postgres";

    @ObjectClassDefinition(name = "Mercator PostgreSQL model store",
            description = "Keeps trained models in PostgreSQL instead of the folder; several nodes may share it")
    @interface Config {
        @AttributeDefinition(description = "JDBC URL, e.g. jdbc:postgresql://db.example.com:5432/mercator")
        String url();

        @AttributeDefinition(description = "Database user")
        String user() default "mercator";

        @AttributeDefinition(type = AttributeType.PASSWORD,
                description = "The user's password (a private property: not shown on the service)")
        String _password() default "";

        @AttributeDefinition(description = "PostgreSQL schema of Mercator's tables, created when missing")
        String schema() default "mercator";

        @AttributeDefinition(description = "Most connections this node keeps open to the database")
        int pool_size() default 4;

        @AttributeDefinition(description = "This node's name in the database's records; empty for the host name")
        String node() default "";
    }

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private final HikariDataSource pool;
    private final PostgresModelStore store;

    @Activate
    public PostgresModelStoreComponent(Config config) {
        if (config.url() == null || !config.url().startsWith("jdbc:postgresql:")) {
            throw new ValidationException("url", PID + ": url '" + config.url()
                    + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (config.pool_size() < 1) {
            throw new ValidationException("pool.size", PID + ": pool.size must be at least 1, not " + config.pool_size());
        }
        pool = ConnectionPool.open(config.url(), config.user(), config._password(), config.pool_size());
        try {
            store = new PostgresModelStore(pool, config.schema(), config.node().isBlank() ? hostName() : config.node());
        } catch (RuntimeException invalidSchemaName) {
            pool.close();
            throw invalidSchemaName;
        }
    }

    @Activate
    void migrateNow(Config config) {
        try {
            int version = store.migrate();
            logger.info("Model store in PostgreSQL {} (schema {}, version {}); it takes precedence over the folder store",
                    config.url(), config.schema(), version);
        } catch (IOException unreachable) {
            logger.error("Model store in PostgreSQL {} is not usable yet, it retries on first use: {}", config.url(),
                    unreachable.getMessage());
        }
    }

    @Deactivate
    void closePool() {
        pool.close();
    }

    @Override
    protected ModelStore store() {
        return store;
    }

    @Override
    protected Logger logger() {
        return logger;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "unknown";
        }
    }
}
