package io.mercator.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @Test
    void theClassGetsItsOwnEmptyDatabaseOnTheSharedServer() throws Exception {
        assertTrue(DATABASE.name().startsWith("test_postgresservertest_"), DATABASE.name());
        try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            tables.next();
            assertEquals(DATABASE.name(), tables.getString(1));
            assertEquals(0, tables.getInt(2));
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(DATABASE.url(), DATABASE.user(), "not-the-password").close());
        assertEquals("28P01", refused.getSQLState(), refused.getMessage()); // invalid_password
    }

    @Test
    void aSecondServerRunsBesideTheSharedOneAndLeavesNothingWhenClosed() throws Exception {
        PostgresServer shared = PostgresServer.shared();
        Path folder;
        int port;
        try (PostgresServer own = PostgresServer.start(false)) {
            assertNotEquals(shared.port(), own.port());
            port = own.port();
            folder = own.folder();
            assertTrue(Files.isDirectory(folder), folder.toString());
            String database = own.createDatabase("scratch");
            try (Connection connection = own.connect(database); Statement statement = connection.createStatement();
                    ResultSet answer = statement.executeQuery("SELECT current_setting('listen_addresses'), "
                            + "current_setting('unix_socket_directories'), current_setting('fsync')")) {
                answer.next();
                assertEquals("127.0.0.1", answer.getString(1));
                assertEquals(folder.toString(), answer.getString(2));
                assertEquals("off", answer.getString(3), "test servers trade durability for speed");
            }
        }
        assertFalse(Files.exists(folder), "the server's folder is deleted");
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                "nothing listens on the stopped server's port");
    }

    @Test
    void aServerAbandonedByAKilledJvmIsStoppedAndDeletedByTheNextStart() throws Exception {
        PostgresServer abandoned = PostgresServer.start(false);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(abandoned.folder().resolve("owner.pid"), Long.toString(gone.pid()));
        try (PostgresServer next = PostgresServer.start(false)) {
            assertFalse(Files.exists(abandoned.folder()), "the abandoned server's folder is deleted");
            assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), abandoned.port()).close(),
                    "the abandoned server is stopped");
            assertTrue(Files.exists(PostgresServer.shared().folder()), "a server whose JVM runs is left alone");
        }
        abandoned.close();
    }

    @Test
    void missingBinariesAreReportedWithWhatToInstall(@TempDir Path noInstallations) {
        IOException missing = assertThrows(IOException.class,
                () -> PostgresServer.findBinaries(null, noInstallations));
        assertTrue(missing.getMessage().contains("install it with `apt-get install postgresql`"), missing.getMessage());
        IOException wrong = assertThrows(IOException.class,
                () -> PostgresServer.findBinaries("/nonexistent/bin", noInstallations));
        assertTrue(wrong.getMessage().contains("/nonexistent/bin does not hold initdb"), wrong.getMessage());
    }
}
