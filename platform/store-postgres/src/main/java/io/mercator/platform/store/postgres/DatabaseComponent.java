package io.mercator.platform.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.mercator.api.ValidationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
 * Mercator's PostgreSQL database, once a configuration {@value #PID} exists (for example
 * {@code conf/io.mercator.store.postgres.cfg}): a connection pool whose connections see the schema
 * created or migrated, registered as a {@link DataSource} service with the properties
 * {@value #DATABASE}{@code =postgres}, {@value #SCHEMA} (the schema of Mercator's tables) and
 * {@value #NODE} (this node's name in the records). The model store, the data set catalogue, the
 * job history and the schedules use it; without it they keep their records in folders.
 */
@Component(immediate = true, configurationPid = DatabaseComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DatabaseComponent.Config.class)
public final class DatabaseComponent {

    static final String PID = "io.mercator.store.postgres";
    /** Service property naming the kind of database: {@code postgres}. */
    public static final String DATABASE = "io.mercator.database";
    /** Service property: the PostgreSQL schema holding Mercator's tables. */
    public static final String SCHEMA = "io.mercator.database.schema";
    /** Service property: this node's name, recorded with what it writes. */
    public static final String NODE = "io.mercator.database.node";

    @ObjectClassDefinition(name = "Mercator PostgreSQL database",
            description = "Keeps models, data sets, job history and schedule runs in PostgreSQL instead of folders; "
                    + "several nodes may share it")
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

    private final HikariDataSource pool;
    private final ServiceRegistration<DataSource> registration;

    @Activate
    public DatabaseComponent(BundleContext context, Config config,
            @Reference(service = LoggerFactory.class) Logger logger) {
        if (config.url() == null || !config.url().startsWith("jdbc:postgresql:")) {
            throw new ValidationException("url", PID + ": url '" + config.url()
                    + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (config.pool_size() < 1) {
            throw new ValidationException("pool.size", PID + ": pool.size must be at least 1, not " + config.pool_size());
        }
        Schema schema = new Schema(config.schema());
        String node = config.node().isBlank() ? hostName() : config.node();
        pool = ConnectionPool.open(config.url(), config.user(), config._password(), config.pool_size());
        MigratingDataSource database = new MigratingDataSource(pool, schema, node);
        try {
            logger.info("PostgreSQL database {} (schema {}, version {}) keeps models, data sets, jobs and schedule runs "
                    + "as node '{}'", config.url(), schema.name(), database.migrate(), node);
        } catch (SQLException unreachable) {
            logger.error("PostgreSQL database {} is not usable yet, it retries on first use: {}", config.url(),
                    unreachable.getMessage());
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DATABASE, "postgres");
        properties.put(SCHEMA, schema.name());
        properties.put(NODE, node);
        registration = context.registerService(DataSource.class, database, properties);
    }

    @Deactivate
    void close() {
        registration.unregister();
        pool.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "unknown";
        }
    }
}
