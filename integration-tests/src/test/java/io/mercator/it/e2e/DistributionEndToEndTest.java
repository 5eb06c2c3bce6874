package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The assembled distribution, run as an operator runs it: {@code bin/mercator start} as a separate
 * process on a free port, then the CLI against it (install, update, uninstall, a plain copy into
 * {@code deploy/}, a bad command), then {@code bin/mercator stop}.
 *
 * <p>Needs the system property {@code mercator.archive}: the distribution's tar.gz.
 */
public class DistributionEndToEndTest {

    private static final String SAMPLE = "io.mercator.sample.seasonalnaive";

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Installation installation;
    private static Path home;

    @BeforeClass
    public static void startServer() throws Exception {
        installation = new Installation(TEMP.getRoot().toPath());
        home = installation.home();
        installation.start();
    }

    @AfterClass
    public static void stopServerIfStillRunning() throws Exception {
        if (installation != null) {
            installation.close();
        }
    }

    @Test
    public void installUpdateUninstallHotCopyAndStop() throws Exception {
        Installation.Result status = cli("status");
        assertEquals(status.toString(), 0, status.exit());
        assertTrue(status.toString(), status.out().contains("Mercator is running"));

        Installation.Result install = cli("install", "samples/seasonal-naive-1.0.0.jar");
        assertEquals(install.toString(), 0, install.exit());
        assertEquals(Optional.of("1.0.0"), listedVersion("seasonal-naive"));

        Installation.Result update = cli("update", "samples/seasonal-naive-2.0.0.jar");
        assertEquals(update.toString(), 0, update.exit());
        assertEquals(Optional.of("2.0.0"), listedVersion("seasonal-naive"));
        assertTrue(bundleLine(SAMPLE).orElseThrow().contains("ACTIVE"));

        Installation.Result uninstall = cli("uninstall", SAMPLE);
        assertEquals(uninstall.toString(), 0, uninstall.exit());
        assertEquals(Optional.empty(), listedVersion("seasonal-naive"));
        assertEquals(Optional.empty(), bundleLine(SAMPLE));

        // the operator's way without the CLI: copy a jar into deploy/ (hidden name, then rename)
        Path hidden = home.resolve("deploy/.seasonal-naive.jar.part");
        Files.copy(home.resolve("samples/seasonal-naive-1.0.0.jar"), hidden);
        Files.move(hidden, home.resolve("deploy/seasonal-naive.jar"), StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.currentTimeMillis() + 20_000;
        while (listedVersion("seasonal-naive").isEmpty()) {
            assertTrue("a jar copied into deploy/ was not picked up within 20 s", System.currentTimeMillis() < deadline);
            Thread.sleep(100);
        }
        assertEquals(Optional.of("1.0.0"), listedVersion("seasonal-naive"));

        Path data = TEMP.newFile("prices.csv").toPath();
        Installation.Result emptyData = cli("evaluate", "pricing", data.toString());
        assertEquals(emptyData.toString(), 1, emptyData.exit());
        assertEquals(emptyData.toString(),
                "mercator: the server answered 400 to evaluate: prices.csv line 1: has no column 'product' (columns: )",
                emptyData.err().strip());
        Installation.Result badFamily = cli("evaluate", "weather", data.toString());
        assertEquals(badFamily.toString(), 1, badFamily.exit());
        assertTrue(badFamily.toString(), badFamily.err().strip().endsWith(
                "family: 'weather' is not a family; expected one of filtering, forecasting, optimization, "
                + "segmentation, pricing"));

        Installation.Result stop = cli("stop");
        assertEquals(stop.toString(), 0, stop.exit());
        assertTrue("the server did not exit within 30 s", installation.server().waitFor(30, TimeUnit.SECONDS));
        assertEquals(consoleText(), 0, installation.server().exitValue());
        try (Stream<Path> files = Files.list(home.resolve("run"))) {
            assertEquals("run/ must be empty after stop", List.of(), files.collect(Collectors.toList()));
        }
        assertTrue(consoleText().contains("Mercator stopped in"));
        List<String> errors = Files.readAllLines(home.resolve("logs/mercator.log")).stream()
                .filter(line -> line.contains(" ERROR ")).collect(Collectors.toList());
        assertEquals("errors in logs/mercator.log", List.of(), errors);

        Installation.Result afterStop = cli("status");
        assertEquals(afterStop.toString(), 3, afterStop.exit());
    }

    @Test
    public void generateWritesTheDemoRetailerAsCsv() throws Exception {
        Path out = TEMP.newFolder("generated").toPath();
        Installation.Result generated = cli("generate", "--out", out.toString(), "--seed", "11");
        assertEquals(generated.toString(), 0, generated.exit());
        assertTrue(generated.toString(), generated.out().contains("Wrote 16 files"));
        for (String file : List.of("catalogue.csv", "stores.csv", "demand.csv", "transactions.csv",
                "interactions.csv", "truth/products.csv", "truth/customers.csv", "truth/seasonality.csv")) {
            assertTrue(file + " missing", Files.size(out.resolve(file)) > 0);
        }
        assertEquals("series,store,sku,date,period,units,price,promotion",
                Files.readAllLines(out.resolve("demand.csv")).get(0));

        Installation.Result badSize = cli("generate", "--out", out.toString(), "--size", "huge");
        assertEquals(badSize.toString(), 2, badSize.exit());
        assertEquals(badSize.toString(), 1, badSize.err().lines().count());
    }

    @Test
    public void invalidCommandIsOneLineOnStderrAndANonZeroExit() throws Exception {
        Installation.Result result = cli("frobnicate");
        assertNotEquals(0, result.exit());
        assertEquals(result.toString(), "", result.out());
        assertEquals(result.toString(), 1, result.err().lines().count());
        assertTrue(result.toString(), result.err().startsWith("mercator: unknown command 'frobnicate'"));
    }

    @Test
    public void installOfSomethingThatIsNotABundleFailsWithOneLine() throws Exception {
        Path notABundle = TEMP.newFile("not-a-bundle.jar").toPath();
        Files.writeString(notABundle, "not a jar");
        Installation.Result result = cli("install", notABundle.toString());
        assertEquals(result.toString(), 1, result.exit());
        assertEquals(result.toString(), 1, result.err().lines().count());
        assertFalse(result.toString(), result.err().contains("Exception"));
    }

    /** @return the version of the listed strategy of that name in the forecasting family */
    private static Optional<String> listedVersion(String name) throws Exception {
        Installation.Result strategies = cli("strategies");
        assertEquals(strategies.toString(), 0, strategies.exit());
        return strategies.out().lines().map(line -> line.trim().split("\\s+"))
                .filter(cells -> cells.length >= 3 && cells[0].equals("forecasting") && cells[1].equals(name))
                .map(cells -> cells[2]).findFirst();
    }

    private static Optional<String> bundleLine(String symbolicName) throws Exception {
        Installation.Result bundles = cli("bundles");
        assertEquals(bundles.toString(), 0, bundles.exit());
        return bundles.out().lines().filter(line -> Arrays.asList(line.trim().split("\\s+")).contains(symbolicName))
                .findFirst();
    }

    private static Installation.Result cli(String... args) throws IOException, InterruptedException {
        return installation.cli(args);
    }

    private static String consoleText() {
        return installation.consoleText();
    }
}
