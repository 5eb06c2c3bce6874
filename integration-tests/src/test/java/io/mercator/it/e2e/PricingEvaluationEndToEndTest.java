package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code mercator evaluate pricing} on the shipped distribution: a small price file generated from
 * known constant-elasticity demand goes through the CLI, the server, the pricing evaluator and
 * the built-in log-log strategy, and the printed table shows the planted elasticities.
 */
public class PricingEvaluationEndToEndTest {

    private static final long STARTUP_TIMEOUT_MS = 60_000;

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Path home;
    private static Process server;

    @BeforeClass
    public static void startServer() throws Exception {
        home = TEMP.getRoot().toPath().resolve("mercator");
        Files.createDirectories(home);
        String archive = System.getProperty("mercator.archive");
        Process tar = new ProcessBuilder("tar", "-xzf", archive, "-C", home.toString(), "--strip-components=1")
                .redirectErrorStream(true).start();
        assertEquals(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8), 0, tar.waitFor());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path console = TEMP.getRoot().toPath().resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/mercator").toString(), "start", "--port",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MERCATOR_JAVA_OPTS");
        server = builder.start();
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MS;
        while (!Files.readString(console).contains("Mercator started in")) {
            if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                fail("the server did not start:\n" + Files.readString(console));
            }
            Thread.sleep(50);
        }
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            cli("stop");
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    public void evaluatePrintsOneRowPerStrategyAndThePlantedElasticities() throws Exception {
        // units = 1000 * price^e exactly, e = -2 for "juice" and -3 for "soda", in two stores over 30 weeks
        StringBuilder csv = new StringBuilder("product,location,period,price,units,promo,feature\n");
        for (int week = 1; week <= 30; week++) {
            for (String store : new String[] {"north", "south"}) {
                double price = 2 + 0.05 * ((week * 7) % 11);
                csv.append(String.format(Locale.ROOT, "juice,%s,%d,%.2f,%.6f,0,0%n", store, week, price,
                        1000 * Math.pow(price, -2)));
                csv.append(String.format(Locale.ROOT, "soda,%s,%d,%.2f,%.6f,0,0%n", store, week, price + 0.3,
                        1000 * Math.pow(price + 0.3, -3)));
            }
        }
        Path data = TEMP.getRoot().toPath().resolve("prices.csv");
        Files.writeString(data, csv);

        List<String> result = cli("evaluate", "pricing", data.toString(), "-o", "holdoutPeriods=5");
        String out = result.get(1);
        assertEquals(out + result.get(2), "0", result.get(0));
        assertTrue(out, out.startsWith("pricing on prices.csv: 2 products, 100 training and 20 held-out rows"));
        assertTrue(out, out.lines().anyMatch(line -> line.startsWith("log-log@1.0.0 ")));
        assertTrue(out, out.lines().anyMatch(line -> line.startsWith("pooled-log-log@1.0.0 ")));
        assertTrue(out, out.contains("juice -2.00 [") && out.contains("soda -3.00 ["));
    }

    /** @return exit code, stdout, stderr */
    private static List<String> cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mercator").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(TEMP.getRoot().toPath(), "out", ".txt");
        Path err = Files.createTempFile(TEMP.getRoot().toPath(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 90 s");
        }
        return List.of(Integer.toString(process.exitValue()), Files.readString(out), Files.readString(err));
    }
}
