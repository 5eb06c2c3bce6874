package io.mercator.testing.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the {@linkplain PostgresServer#shared() shared test server} for each test
 * class, dropped after the class's last test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresDatabase DATABASE = new PostgresDatabase();
 * ... DATABASE.url(), DATABASE.user(), DATABASE.password()
 * }</pre>
 *
 * The field must be static: the database lives for the whole class.
 */
public final class PostgresDatabase implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer server;
    private String name;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = PostgresServer.shared();
        String prefix = context.getRequiredTestClass().getSimpleName().replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(Locale.ROOT);
        name = server.createDatabase("test_" + prefix.substring(0, Math.min(prefix.length(), 30)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (name != null) {
            server.dropDatabase(name);
            name = null;
        }
    }

    /** @return the database's JDBC URL */
    public String url() {
        return server().url(name);
    }

    /** @return the user to connect as (a superuser of the test server) */
    public String user() {
        return server().user();
    }

    /** @return that user's password */
    public String password() {
        return server().password();
    }

    /** @return the database's name */
    public String name() {
        server();
        return name;
    }

    /**
     * @return a new connection to the database; the caller closes it
     * @throws SQLException when the connection fails
     */
    public Connection connect() throws SQLException {
        return server().connect(name);
    }

    /** @return a data source of new connections to the database, for code that takes one */
    public DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url());
        source.setUser(user());
        source.setPassword(password());
        return source;
    }

    private PostgresServer server() {
        if (name == null) {
            throw new IllegalStateException("the database exists from before the first test of the class to after "
                    + "its last; register the extension on a static field");
        }
        return server;
    }
}
