package io.mercator.platform.datasets;

import io.mercator.api.ValidationException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One named database connection, from a factory configuration {@value #FACTORY_PID} (a file
 * {@code conf/io.mercator.connection-<name>.cfg} with {@code url}, {@code user} and
 * {@code .password}). The driver is any installed bundle that registers an OSGi JDBC
 * {@link DataSourceFactory} accepting the URL (the PostgreSQL driver in {@code system/} does; a
 * vendor drops another database's driver bundle into {@code deploy/}), or the one whose driver
 * class {@code driver} names.
 */
@Component(service = Database.class, configurationPid = NamedConnection.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = NamedConnection.Config.class, factory = true)
public final class NamedConnection implements Database {

    static final String FACTORY_PID = "io.mercator.connection";

    @ObjectClassDefinition(name = "Mercator database connection",
            description = "A database that imports read from and exports write to, chosen by name")
    @interface Config {
        @AttributeDefinition(description = "The name imports and exports use; empty for the part of the file name"
                + " after 'io.mercator.connection-'")
        String name() default "";

        @AttributeDefinition(description = "JDBC URL, e.g. jdbc:postgresql://erp.example.com:5432/erp")
        String url();

        @AttributeDefinition(description = "Database user")
        String user() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD,
                description = "The user's password (a private property: not shown on the service)")
        String _password() default "";

        @AttributeDefinition(description = "The driver class (osgi.jdbc.driver.class) to use; empty for the first"
                + " installed driver that accepts the URL")
        String driver() default "";

        @AttributeDefinition(description = "Rows fetched per round trip when a query's result is streamed")
        int fetch_size() default 1_000;

        @AttributeDefinition(description = "Set by FileInstall: the file the configuration came from")
        String felix_fileinstall_filename() default "";
    }

    /** The installed drivers, highest service ranking first. */
    private final Map<ServiceReference<DataSourceFactory>, DataSourceFactory> drivers =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final String driverClass;
    private final int fetchSize;

    @Activate
    public NamedConnection(Config config) {
        name = config.name().isBlank() ? nameOfFile(config.felix_fileinstall_filename()) : config.name().strip();
        if (name.isEmpty()) {
            throw new ValidationException("name", FACTORY_PID + ": a connection needs a name (name=... or the file"
                    + " name io.mercator.connection-<name>.cfg)");
        }
        if (config.url() == null || !config.url().startsWith("jdbc:")) {
            throw new ValidationException("url", FACTORY_PID + "-" + name + ": url '" + config.url()
                    + "' is not a JDBC URL (jdbc:<database>:...)");
        }
        if (config.fetch_size() < 1) {
            throw new ValidationException("fetch.size", FACTORY_PID + "-" + name + ": fetch.size must be at least 1");
        }
        url = config.url();
        user = config.user();
        password = config._password();
        driverClass = config.driver().strip();
        fetchSize = config.fetch_size();
    }

    /** @return "erp" for ".../io.mercator.connection-erp.cfg", else empty */
    static String nameOfFile(String file) {
        String prefix = FACTORY_PID + "-";
        int start = file.lastIndexOf(prefix);
        int end = file.lastIndexOf('.');
        return start < 0 || end < start + prefix.length() ? "" : file.substring(start + prefix.length(), end);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDriver")
    void addDriver(ServiceReference<DataSourceFactory> reference, DataSourceFactory factory) {
        drivers.put(reference, factory);
    }

    void removeDriver(ServiceReference<DataSourceFactory> reference) {
        drivers.remove(reference);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public int fetchSize() {
        return fetchSize;
    }

    @Override
    public Connection connect() throws SQLException {
        Driver driver = driver();
        Properties login = new Properties();
        if (!user.isEmpty()) {
            login.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (!password.isEmpty()) {
            login.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        Connection connection = driver.connect(url, login);
        if (connection == null) {
            throw new SQLException("the driver " + driver.getClass().getName() + " does not accept " + url);
        }
        return connection;
    }

    private Driver driver() throws SQLException {
        for (Map.Entry<ServiceReference<DataSourceFactory>, DataSourceFactory> entry : drivers.entrySet()) {
            ServiceReference<DataSourceFactory> reference = entry.getKey();
            DataSourceFactory factory = entry.getValue();
            if (!driverClass.isEmpty()) {
                if (driverClass.equals(reference.getProperty(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))) {
                    return factory.createDriver(null);
                }
                continue;
            }
            Driver driver = factory.createDriver(null);
            if (driver.acceptsURL(url)) {
                return driver;
            }
        }
        throw new SQLException("no installed JDBC driver " + (driverClass.isEmpty() ? "accepts " + url
                : "has the class " + driverClass) + "; the PostgreSQL driver ships in system/, another database's"
                + " driver bundle (one that registers an OSGi DataSourceFactory) goes into deploy/");
    }
}
