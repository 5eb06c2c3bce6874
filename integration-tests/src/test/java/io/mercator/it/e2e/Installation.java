package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh installation unpacked from the shipped archive (system property {@code mercator.archive}),
 * driven as an operator drives it: {@code bin/mercator start} as a separate process on a free port,
 * CLI commands run from the home folder, {@code bin/mercator stop}.
 */
final class Installation implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_MS = 60_000;

    /** What one CLI command did. */
    record Result(List<String> command, int exit, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private final Path root;
    private final Path home;
    private final Path console;
    private Process server;
    private int httpPort;

    /**
     * @param root an empty scratch folder; the installation goes to {@code root/mercator}
     */
    Installation(Path root) throws IOException, InterruptedException {
        this.root = root;
        this.home = root.resolve("mercator");
        this.console = root.resolve("console.log");
        String archive = System.getProperty("mercator.archive");
        if (archive == null || !Files.isRegularFile(Path.of(archive))) {
            fail("no distribution archive at " + archive + " (set -Dmercator.archive to distribution/target/*.tar.gz)");
        }
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", archive, "-C", home.toString(), "--strip-components=1")
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("tar failed: " + output, 0, tar.waitFor());
    }

    Path home() {
        return home;
    }

    Process server() {
        return server;
    }

    /** @return the REST API's port (a free one chosen at start) */
    int httpPort() {
        return httpPort;
    }

    /**
     * Starts the server and waits until it says it is ready.
     *
     * @param options more options of {@code start}, e.g. {@code --demo}
     */
    void start(String... options) throws IOException, InterruptedException {
        int port = freePort();
        httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mercator").toString(), "start", "--port",
                Integer.toString(port), "--http-port", Integer.toString(httpPort)));
        command.addAll(Arrays.asList(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MERCATOR_JAVA_OPTS");
        server = builder.start();
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MS;
        while (!consoleText().contains("Mercator started in")) {
            if (!server.isAlive()) {
                fail("bin/mercator start exited with " + server.exitValue() + ":\n" + consoleText());
            }
            if (System.currentTimeMillis() > deadline) {
                fail("not started after " + STARTUP_TIMEOUT_MS + " ms:\n" + consoleText());
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs bin/mercator from the home folder, as an operator would. */
    Result cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/mercator").toString());
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 180 s");
        }
        return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
    }

    String consoleText() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    /** Stops a server that a test left running: the CLI's stop first, then the process. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null && server.isAlive()) {
            cli("stop");
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
