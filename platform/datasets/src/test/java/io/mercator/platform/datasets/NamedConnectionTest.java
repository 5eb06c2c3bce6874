package io.mercator.platform.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.ValidationException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connection's configuration as FileInstall hands it over, checked without a framework. */
class NamedConnectionTest {

    /** @return the configuration DS would build from these properties (absent ones take the defaults) */
    private static NamedConnection.Config config(Map<String, Object> properties) {
        Map<String, Object> defaults = Map.of("name", "", "user", "", "_password", "", "driver", "", "fetch_size",
                1_000, "felix_fileinstall_filename", "");
        return (NamedConnection.Config) Proxy.newProxyInstance(NamedConnection.Config.class.getClassLoader(),
                new Class<?>[] {NamedConnection.Config.class}, (proxy, method, arguments) ->
                        properties.getOrDefault(method.getName(), defaults.get(method.getName())));
    }

    @Test
    void theNameComesFromTheFileWhenNotGiven() {
        NamedConnection connection = new NamedConnection(config(Map.of("url", "jdbc:postgresql://db/erp",
                "felix_fileinstall_filename", "file:/opt/mercator/conf/io.mercator.connection-erp.cfg")));
        assertEquals("erp", connection.name());
        assertEquals("sales", new NamedConnection(config(Map.of("url", "jdbc:postgresql://db/erp", "name", "sales",
                "felix_fileinstall_filename", "file:/opt/mercator/conf/io.mercator.connection-erp.cfg"))).name());
    }

    @Test
    void aUrlThatIsNotJdbcOrAMissingNameIsRefused() {
        ValidationException notJdbc = assertThrows(ValidationException.class, () -> new NamedConnection(config(Map.of(
                "url", "postgresql://db/erp", "name", "erp"))));
        assertTrue(notJdbc.getMessage().contains("is not a JDBC URL"), notJdbc.getMessage());
        assertThrows(ValidationException.class, () -> new NamedConnection(config(Map.of("url", "jdbc:h2:mem:x"))));
    }

    @Test
    void withoutADriverForTheUrlConnectingSaysWhereDriversGo() {
        NamedConnection connection = new NamedConnection(config(Map.of("url", "jdbc:oracle:thin:@db:1521/erp",
                "name", "erp")));
        SQLException missing = assertThrows(SQLException.class, connection::connect);
        assertTrue(missing.getMessage().contains("no installed JDBC driver accepts jdbc:oracle:thin:@db:1521/erp"),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("deploy/"), missing.getMessage());
    }
}
