package io.mercator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mercator.api.Family;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the builder's options change in the started runtime. */
class BuilderOptionsTest {

    @TempDir
    Path home;

    @Test
    void startsTheBuiltInStrategiesOfTheChosenFamiliesOnlyAndTheDeployFolderOnceWithoutHotDeployment()
            throws Exception {
        Path deploy = home.resolve("vendor-strategies");
        Files.createDirectories(deploy);
        Files.copy(Path.of(System.getProperty("sample.jar")), deploy.resolve("seasonal-naive.jar"));

        try (Mercator mercator = Mercator.builder().home(home).deployFolder(deploy).hotDeploy(false)
                .families(Family.FORECASTING).withoutBundles("io.mercator.plugins.forecasting.smoothing").build()) {
            Set<String> forecasters = names(mercator, Family.FORECASTING);
            assertTrue(forecasters.containsAll(Set.of("naive", "snaive", "croston", "seasonal-naive")), forecasters::toString);
            // the smoothing bundle (ets, theta, combination) was left out
            assertTrue(forecasters.stream().noneMatch(Set.of("ets", "theta", "combination")::contains), forecasters::toString);
            for (Family other : Set.of(Family.FILTERING, Family.OPTIMIZATION, Family.PRICING, Family.SEGMENTATION)) {
                assertEquals(Set.of(), names(mercator, other), other.id());
            }
            assertEquals(deploy.toAbsolutePath(), mercator.deployFolder());

            // not watched: a jar removed from the folder stays deployed
            Files.delete(deploy.resolve("seasonal-naive.jar"));
            Thread.sleep(1_000);
            assertTrue(names(mercator, Family.FORECASTING).contains("seasonal-naive"));
        }
    }

    @Test
    void theRestApiOpensItsPortOnlyWhenTheHostAsksForIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/io.mercator.rest.cfg"), "host = 127.0.0.1\nport = " + port + "\n");
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        HttpClient http = HttpClient.newHttpClient();

        try (Mercator mercator = Mercator.builder().home(home).families(Family.PRICING).build()) {
            assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        try (Mercator mercator = Mercator.builder().home(home).families(Family.PRICING).restApi(true).build()) {
            HttpResponse<String> answer = awaitHealth(http, health);
            assertEquals(200, answer.statusCode(), answer::body);
            assertTrue(answer.body().contains("UP"), answer::body);
        }
    }

    private static HttpResponse<String> awaitHealth(HttpClient http, URI health) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Set<String> names(Mercator mercator, Family family) {
        return mercator.strategies(family).stream().map(info -> info.descriptor().name()).collect(Collectors.toSet());
    }

    @Test
    void anUnknownBundleToLeaveOutIsRejectedWithTheBuiltInNames() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Mercator.builder().home(home).withoutBundles("io.mercator.plugins.forecasting.smothing").build());

        assertTrue(error.getMessage().contains("io.mercator.plugins.forecasting.smothing is not a built-in bundle"),
                error.getMessage());
        assertTrue(error.getMessage().contains("io.mercator.plugins.forecasting.smoothing"), error.getMessage());
    }

    @Test
    void aHomeServesOneRuntimeAtATime() {
        try (Mercator first = Mercator.builder().home(home).families(Family.PRICING).build()) {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> Mercator.builder().home(home).build());
            assertTrue(error.getMessage().contains("in use by another Mercator in this JVM"), error.getMessage());
            // the first one is unharmed
            assertEquals(Set.of("log-log", "pooled-log-log"), names(first, Family.PRICING));
        }
        try (Mercator again = Mercator.builder().home(home).families(Family.PRICING).build()) {
            assertEquals(Set.of("log-log", "pooled-log-log"), names(again, Family.PRICING));
        }
    }

    @Test
    void aHomeThatCannotBeCreatedIsNamedInTheError() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> Mercator.builder().home(file.resolve("mercator")).build());

        assertTrue(error.getMessage().contains(file.resolve("mercator").toString()), error.getMessage());
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Mercator.builder().callTimeout(Duration.ZERO));
        assertTrue(error.getMessage().contains("callTimeout"), error.getMessage());
    }

    @Test
    void aHomeIsRequired() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Mercator.builder().build());
        assertTrue(error.getMessage().contains("home(...) is required"), error.getMessage());
    }
}
