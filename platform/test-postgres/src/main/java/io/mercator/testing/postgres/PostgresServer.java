package io.mercator.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private, throwaway PostgreSQL server for tests: {@code initdb} into a new folder under the
 * temporary folder, {@code pg_ctl start} on a free loopback port with its unix socket in that
 * folder, password authentication for one superuser, and on {@link #close()} (or at JVM exit)
 * {@code pg_ctl stop} and the folder deleted. The folder is under /tmp rather than
 * {@code java.io.tmpdir} because a unix socket path must stay under 108 bytes. PostgreSQL refuses to run as root; when the tests
 * run as root (CI), the server runs as the {@code postgres} OS user, which owns the folder.
 *
 * <p>Most tests want {@link #shared()}: one server per test JVM, started on first use, with a
 * database per test class from {@link PostgresDatabase}.
 */
public final class PostgresServer implements AutoCloseable {

    /** Folder holding {@code initdb}, {@code pg_ctl} and {@code postgres}; found automatically when unset. */
    public static final String BIN_PROPERTY = "mercator.postgres.bin";
    private static final Path DEBIAN_INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final Path TEMPORARY = Path.of("/tmp");
    private static final String FOLDER_PREFIX = "mercator-postgres-";
    /** The pid of the JVM that started the server in a folder, so that a later start can tell it was abandoned. */
    private static final String OWNER_FILE = "owner.pid";
    private static final String RUN_AS_WHEN_ROOT = "postgres";
    private static final String SUPERUSER = "mercator";
    private static final int START_ATTEMPTS = 3;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private static PostgresServer shared;

    private final Path bin;
    private final Path folder;
    private final boolean runAsPostgres;
    private final String password;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread stopAtExit = new Thread(this::stopQuietly, "postgres-test-server-stop");
    private boolean stopped;

    private PostgresServer(Path bin, Path folder, boolean runAsPostgres, String password, int port) {
        this.bin = bin;
        this.folder = folder;
        this.runAsPostgres = runAsPostgres;
        this.password = password;
        this.port = port;
    }

    /**
     * @return the server shared by every test in this JVM, started on the first call and stopped
     *     at JVM exit
     * @throws IOException when the server cannot be started (the message says why)
     */
    public static synchronized PostgresServer shared() throws IOException {
        if (shared == null) {
            shared = start(false);
        }
        return shared;
    }

    /**
     * Starts a new server.
     *
     * @param durable false for test speed (no {@code fsync}, asynchronous commit: a crash of the
     *     machine may lose the last commits); true for production-like figures in benchmarks
     * @return the running server
     * @throws IOException when the binaries are missing or the server does not start
     */
    public static PostgresServer start(boolean durable) throws IOException {
        Path bin = findBinaries(System.getProperty(BIN_PROPERTY), DEBIAN_INSTALLATIONS);
        boolean root = isRoot();
        stopAbandoned(bin, root);
        Path folder = Files.createTempDirectory(TEMPORARY, FOLDER_PREFIX);
        try {
            Files.writeString(folder.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Files.writeString(folder.resolve("password"), password + "\n", StandardCharsets.UTF_8);
            if (root) {
                handToPostgresUser(folder);
            }
            PostgresServer server = new PostgresServer(bin, folder, root, password, freePort());
            server.initialise();
            // the port was free a moment ago; another process may take it before the server binds it
            for (int attempt = 1; !server.tryStart(durable); attempt++) {
                if (attempt == START_ATTEMPTS) {
                    throw new IOException("the test PostgreSQL server did not start; its log:\n" + server.log());
                }
                server = new PostgresServer(bin, folder, root, password, freePort());
            }
            Runtime.getRuntime().addShutdownHook(server.stopAtExit);
            return server;
        } catch (IOException | RuntimeException failed) {
            deleteTree(folder);
            throw failed;
        }
    }

    private void initialise() throws IOException {
        run(List.of(bin.resolve("initdb").toString(), "--pgdata=" + folder.resolve("data"), "--username=" + SUPERUSER,
                "--pwfile=" + folder.resolve("password"), "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C",
                "--no-sync")); // a throwaway cluster: no need to wait for its files to reach the disk
    }

    private boolean tryStart(boolean durable) throws IOException {
        String options = String.join(" ", "-c listen_addresses=127.0.0.1", "-c port=" + port,
                "-c unix_socket_directories=" + folder, "-c max_connections=100", "-c shared_buffers=32MB",
                durable ? "" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "start", "--wait", "--timeout=60",
                    "--pgdata=" + folder.resolve("data"), "--log=" + folder.resolve("server.log"),
                    "--options=" + options));
            return true;
        } catch (IOException failed) {
            return false;
        }
    }

    private String log() throws IOException {
        Path log = folder.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }

    /** @return the JDBC URL of the {@code postgres} maintenance database */
    public String url() {
        return url("postgres");
    }

    /**
     * @param database a database name
     * @return its JDBC URL on this server
     */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** @return the superuser's name */
    public String user() {
        return SUPERUSER;
    }

    /** @return the superuser's password */
    public String password() {
        return password;
    }

    /** @return the server's folder: data, log and unix socket */
    public Path folder() {
        return folder;
    }

    /** @return the loopback port the server listens on */
    public int port() {
        return port;
    }

    /**
     * Creates a new, empty database.
     *
     * @param prefix the start of its name: lower-case letters, digits and '_'
     * @return its name, the prefix followed by a number unique on this server
     * @throws SQLException when the server refuses
     */
    public String createDatabase(String prefix) throws SQLException {
        if (!prefix.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("'" + prefix + "' is not a database name prefix");
        }
        String name = prefix + "_" + databases.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return name;
    }

    /**
     * Drops a database, ending the sessions still connected to it.
     *
     * @param name the database
     * @throws SQLException when the server refuses
     */
    public void dropDatabase(String name) throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /**
     * @param database a database on this server
     * @return a new connection to it as the superuser
     * @throws SQLException when the connection fails
     */
    public Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(url(database), credentials);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Stops the server and deletes its folder. */
    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // already running the hooks: this call came from one
        }
    }

    private synchronized void stopQuietly() {
        if (stopped || !Files.exists(folder)) {
            return;
        }
        stopped = true;
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "stop", "--wait", "--mode=fast",
                    "--pgdata=" + folder.resolve("data")));
        } catch (IOException stopFailed) {
            System.err.println("could not stop the test PostgreSQL server in " + folder + ": " + stopFailed.getMessage());
        }
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException undeletable) {
            System.err.println("could not delete " + folder + ": " + undeletable.getMessage());
        }
    }

    /**
     * Stops the servers, and deletes the folders, of test JVMs that were killed before their
     * shutdown hook could run (SIGKILL, a surefire timeout). Folders whose owner still runs, or
     * that are not readable (another OS user's), are left alone.
     */
    static void stopAbandoned(Path bin, boolean root) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(TEMPORARY, FOLDER_PREFIX + "*")) {
            for (Path folder : folders) {
                long owner;
                try {
                    owner = Long.parseLong(Files.readString(folder.resolve(OWNER_FILE)).trim());
                } catch (IOException | NumberFormatException startingOrNotOurs) {
                    continue;
                }
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                PostgresServer abandoned = new PostgresServer(bin, folder, root, "", 0);
                try {
                    abandoned.run(List.of(bin.resolve("pg_ctl").toString(), "stop", "--wait", "--mode=immediate",
                            "--pgdata=" + folder.resolve("data")));
                } catch (IOException notRunning) {
                    // the server died with its owner, or never started: only the folder is left
                }
                deleteTree(folder);
            }
        }
    }

    /** Runs a PostgreSQL program, as the postgres OS user when we are root; fails with its output. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (runAsPostgres) {
            full.addAll(List.of("runuser", "-u", RUN_AS_WHEN_ROOT, "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("mercator-postgres-command-", ".log");
        try {
            Process process = new ProcessBuilder(full).directory(TEMPORARY.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed with exit code " + process.exitValue() + ":\n"
                        + Files.readString(output));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", full), interrupted);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * @param configured the folder given by {@value #BIN_PROPERTY}, or null
     * @param installations where Debian installs PostgreSQL versions (/usr/lib/postgresql)
     * @return the folder with initdb, pg_ctl and postgres: the configured one, else the newest
     *     version's
     * @throws IOException naming what to install when there is none
     */
    static Path findBinaries(String configured, Path installations) throws IOException {
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!hasServerPrograms(bin)) {
                throw new IOException(BIN_PROPERTY + "=" + configured + " does not hold initdb, pg_ctl and postgres");
            }
            return bin;
        }
        if (Files.isDirectory(installations)) {
            try (Stream<Path> versions = Files.list(installations)) {
                List<Path> candidates = versions.map(version -> version.resolve("bin"))
                        .filter(PostgresServer::hasServerPrograms)
                        .sorted(Comparator.comparing(PostgresServer::majorVersion).reversed()).toList();
                if (!candidates.isEmpty()) {
                    return candidates.get(0);
                }
            }
        }
        throw new IOException("the tests need a PostgreSQL server installation, and none was found in "
                + installations + "/<version>/bin: install it with `apt-get install postgresql` (Debian, Ubuntu), "
                + "or point -D" + BIN_PROPERTY + "= at the folder holding initdb and pg_ctl");
    }

    private static boolean hasServerPrograms(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres").allMatch(program -> Files.isExecutable(bin.resolve(program)));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    /** Gives the folder to the postgres OS user, which must exist (the postgresql package creates it). */
    private static void handToPostgresUser(Path folder) throws IOException {
        UserPrincipal postgres;
        try {
            postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS_WHEN_ROOT);
        } catch (IOException noSuchUser) {
            throw new IOException("PostgreSQL refuses to run as root and there is no '" + RUN_AS_WHEN_ROOT
                    + "' OS user to run it as: install the server with `apt-get install postgresql`, "
                    + "or run the tests as an ordinary user", noSuchUser);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, postgres);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(each);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL test server on 127.0.0.1:" + port + " in " + folder;
    }
}
