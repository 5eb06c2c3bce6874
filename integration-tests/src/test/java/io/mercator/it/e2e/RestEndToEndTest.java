package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The REST API of the assembled distribution, started with {@code --demo} (so that every family
 * has a stored model to query) and a smaller body and row limit: every endpoint, each error path
 * and each role, as an HTTP client sees them.
 */
public class RestEndToEndTest {

    private static final String SAMPLE = "io.mercator.sample.seasonalnaive";
    private static final int MAX_BODY = 1_048_576;
    private static final int MAX_ROWS = 5_000;
    private static final String JSON = "application/json";

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static Installation installation;
    private static HttpClient http;
    private static String admin;
    private static String operator;
    private static String viewer;

    @BeforeClass
    public static void startWithDemo() throws Exception {
        installation = new Installation(TEMP.getRoot().toPath());
        Path config = installation.home().resolve("conf/io.mercator.rest.cfg");
        Files.writeString(config, Files.readString(config)
                .replaceAll("(?m)^max\\.body\\.bytes = .*$", "max.body.bytes = " + MAX_BODY)
                .replaceAll("(?m)^max\\.rows = .*$", "max.rows = " + MAX_ROWS));
        installation.start("--demo");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        awaitConsole("Demo: the planted truth");
        Matcher token = Pattern.compile("MERCATOR_ADMIN_TOKEN=(\\S+)").matcher(installation.consoleText());
        assertTrue("the first admin token is printed on the console:\n" + installation.consoleText(), token.find());
        admin = token.group(1);
        awaitHealth();
        operator = createToken("it-operator", "operator");
        viewer = createToken("it-viewer", "viewer");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (installation != null) {
            installation.close();
            // kept as build artefacts: what the server said, and what it was configured with
            Path kept = Path.of("target", "rest-e2e");
            Files.createDirectories(kept);
            Files.writeString(kept.resolve("console.log"), installation.consoleText());
            for (String file : List.of("logs/mercator.log", "logs/audit.log", "conf/io.mercator.rest.cfg")) {
                Path source = installation.home().resolve(file);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, kept.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    public void theAdminTokenIsPrintedOnceAndNeverStoredOrLogged() throws Exception {
        String console = installation.consoleText();
        assertEquals("printed once", console.indexOf(admin), console.lastIndexOf(admin));
        Path home = installation.home();
        assertFalse(Files.readString(home.resolve("logs/mercator.log")).contains(admin));
        String tokens = Files.readString(home.resolve("data/rest/tokens.json"));
        assertFalse(tokens.contains(admin));
        assertFalse(tokens.contains(operator));
        assertTrue(tokens.contains("\"admin\""));
    }

    @Test
    public void onlyHealthAnswersWithoutAToken() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null, null, null);
        assertEquals(200, health.statusCode());
        assertEquals("UP", json(health).get("status").getAsString());
        for (String path : List.of("/api/v1/bundles", "/api/v1/strategies", "/api/v1/metrics",
                "/api/v1/openapi.json", "/api/v1/tokens", "/api/v1/no-such-thing", "/anything")) {
            HttpResponse<String> denied = send("GET", path, null, null, null);
            assertProblem(denied, 401, "unauthorized");
            assertEquals("Bearer realm=\"mercator\"", denied.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        assertProblem(send("GET", "/api/v1/bundles", "mrc_not-a-real-token", null, null), 401, "unauthorized");
        assertProblem(sendRaw("GET", "/api/v1/bundles", Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")), 401,
                "unauthorized");
        assertProblem(send("POST", "/health", null, JSON, "{}"), 405, "method-not-allowed");
    }

    /**
     * Every operation of the served OpenAPI document, with its path parameters filled in: 401 without a
     * token, 403 for each role below the one it documents, and past the role check for that role.
     * Refused before its body is read, so that nothing is changed.
     */
    @Test
    public void everyDocumentedEndpointChecksItsTokenAndRole() throws Exception {
        JsonObject paths = json(send("GET", "/api/v1/openapi.json", viewer, null, null)).getAsJsonObject("paths");
        Pattern documentedRole = Pattern.compile("\\*\\*(viewer|operator|admin)\\*\\*");
        List<String> roles = List.of("viewer", "operator", "admin");
        Map<String, String> tokens = Map.of("viewer", viewer, "operator", operator, "admin", admin);
        int checked = 0;
        for (String template : paths.keySet()) {
            if (template.equals("/health")) {
                continue;
            }
            String path = template.replaceAll("\\{[^}]+}", "no-such-id");
            for (Map.Entry<String, JsonElement> entry : paths.getAsJsonObject(template).entrySet()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                JsonObject operation = entry.getValue().getAsJsonObject();
                Matcher role = documentedRole.matcher(operation.get("description").getAsString());
                assertTrue(method + " " + template + " documents its role", role.find());
                String type = operation.has("requestBody")
                        ? operation.getAsJsonObject("requestBody").getAsJsonObject("content").keySet().iterator().next()
                        : null;
                String body = type == null ? null : "{}";
                String what = method + " " + template;
                assertProblem(send(method, path, null, type, body), 401, "unauthorized");
                int needed = roles.indexOf(role.group(1));
                for (int below = 0; below < needed; below++) {
                    HttpResponse<String> refused = send(method, path, tokens.get(roles.get(below)), type, body);
                    assertEquals(what + " as " + roles.get(below) + ": " + refused.body(), 403, refused.statusCode());
                }
                if (method.equals("GET")) {
                    int status = send(method, path, tokens.get(role.group(1)), type, body).statusCode();
                    assertTrue(what + " as " + role.group(1) + " -> " + status, status != 401 && status != 403);
                }
                checked++;
            }
        }
        assertTrue("every operation was tried: " + checked, checked >= 35);
    }

    @Test
    public void eachRoleReachesItsEndpointsAndGets403Beyond() throws Exception {
        String forecast = "{\"series\":[{\"id\":\"a\",\"values\":[3,4,5,3,4,5,3,4,5]}],\"horizon\":2}";
        // viewer: reads only
        assertEquals(200, send("GET", "/api/v1/bundles", viewer, null, null).statusCode());
        assertEquals(200, send("GET", "/api/v1/strategies", viewer, null, null).statusCode());
        assertEquals(200, send("GET", "/api/v1/metrics", viewer, null, null).statusCode());
        assertProblem(send("POST", "/api/v1/forecasting/forecast", viewer, JSON, forecast), 403, "forbidden");
        assertProblem(send("PUT", "/api/v1/strategies/forecasting/default", viewer, JSON, "{\"strategy\":\"ets\"}"),
                403, "forbidden");
        assertProblem(send("GET", "/api/v1/tokens", viewer, null, null), 403, "forbidden");
        // operator: queries and defaults, not bundles or tokens
        assertEquals(200, send("POST", "/api/v1/forecasting/forecast", operator, JSON, forecast).statusCode());
        assertProblem(send("POST", "/api/v1/bundles/" + SAMPLE + "/stop", operator, null, null), 403, "forbidden");
        assertProblem(send("DELETE", "/api/v1/bundles/" + SAMPLE, operator, null, null), 403, "forbidden");
        assertProblem(send("POST", "/api/v1/tokens", operator, JSON, "{\"name\":\"x\",\"role\":\"admin\"}"), 403,
                "forbidden");
        // admin: everything
        assertEquals(200, send("GET", "/api/v1/tokens", admin, null, null).statusCode());
        assertEquals(200, send("POST", "/api/v1/forecasting/forecast", admin, JSON, forecast).statusCode());
    }

    @Test
    public void tokensAreCreatedListedAndRevokedAndAudited() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/tokens", admin, JSON,
                "{\"name\":\"short-lived\",\"role\":\"viewer\"}");
        assertEquals(201, created.statusCode());
        String secret = json(created).get("token").getAsString();
        String id = json(created).get("id").getAsString();
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/tokens/" + id));
        assertEquals(200, send("GET", "/api/v1/bundles", secret, null, null).statusCode());

        HttpResponse<String> list = send("GET", "/api/v1/tokens", admin, null, null);
        assertTrue(list.body().contains("\"short-lived\""));
        assertFalse("secrets are never listed", list.body().contains(secret));
        assertFalse(list.body().contains(admin));

        assertProblem(send("POST", "/api/v1/tokens", admin, JSON, "{\"name\":\"short-lived\",\"role\":\"viewer\"}"),
                409, "conflict");
        assertProblem(send("POST", "/api/v1/tokens", admin, JSON, "{\"name\":\"x\",\"role\":\"root\"}"), 400,
                "validation", "role");
        assertProblem(send("POST", "/api/v1/tokens", admin, JSON, "{\"name\":\"bad name\",\"role\":\"viewer\"}"),
                400, "validation", "name");
        assertProblem(send("POST", "/api/v1/tokens", admin, JSON, "{\"role\":\"viewer\"}"), 400, "validation",
                "name");

        assertEquals(204, send("DELETE", "/api/v1/tokens/" + id, admin, null, null).statusCode());
        assertProblem(send("GET", "/api/v1/bundles", secret, null, null), 401, "unauthorized");
        assertProblem(send("DELETE", "/api/v1/tokens/" + id, admin, null, null), 404, "not-found");
        assertProblem(send("DELETE", "/api/v1/tokens/admin", admin, null, null), 409, "conflict");

        List<JsonObject> audit = auditLines();
        assertTrue(audit.stream().anyMatch(line -> line.get("action").getAsString().equals("token.create")
                && line.get("target").getAsString().startsWith("short-lived")
                && line.get("token").getAsString().equals("admin") && line.get("outcome").getAsString().equals("ok")));
        assertTrue(audit.stream().anyMatch(line -> line.get("action").getAsString().equals("token.revoke")
                && line.get("target").getAsString().equals("short-lived")));
        assertTrue(audit.stream().anyMatch(line -> line.get("action").getAsString().equals("token.revoke")
                && line.get("outcome").getAsString().startsWith("refused")));
    }

    @Test
    public void bundlesAreListedUpdatedStoppedStartedUninstalledAndInstalled() throws Exception {
        JsonArray bundles = json(send("GET", "/api/v1/bundles", viewer, null, null)).getAsJsonArray("bundles");
        JsonObject sample = find(bundles, "symbolicName", SAMPLE);
        assertEquals("1.0.0", sample.get("version").getAsString());
        assertEquals("ACTIVE", sample.get("state").getAsString());
        assertEquals("deployed", sample.get("origin").getAsString());
        assertEquals("unsigned", sample.get("signature").getAsString());
        assertEquals("Mercator samples", sample.get("vendor").getAsString());
        assertEquals("system", find(bundles, "symbolicName", "io.mercator.platform.registry").get("origin")
                .getAsString());

        byte[] v2 = Files.readAllBytes(installation.home().resolve("samples/seasonal-naive-2.0.0.jar"));
        HttpResponse<String> updated = sendBytes("POST", "/api/v1/bundles", admin, "application/java-archive", v2);
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("2.0.0", json(updated).get("version").getAsString());
        assertEquals("ACTIVE", json(updated).get("state").getAsString());
        assertTrue(json(updated).getAsJsonArray("strategies").toString().contains("forecasting/seasonal-naive@2.0.0"));
        String id = json(updated).get("id").getAsString();

        HttpResponse<String> stopped = send("POST", "/api/v1/bundles/" + id + "/stop", admin, null, null);
        assertEquals("RESOLVED", json(stopped).get("state").getAsString());
        assertProblem(send("GET", "/api/v1/strategies/forecasting/seasonal-naive", viewer, null, null), 404,
                "no-strategy");
        JsonObject started = json(send("POST", "/api/v1/bundles/" + id + "/start", admin, null, null));
        assertEquals("ACTIVE", started.get("state").getAsString());
        assertTrue(started.getAsJsonArray("strategies").toString().contains("forecasting/seasonal-naive@2.0.0"));

        assertEquals(204, send("DELETE", "/api/v1/bundles/" + SAMPLE, admin, null, null).statusCode());
        assertProblem(send("GET", "/api/v1/bundles/" + SAMPLE, viewer, null, null), 404, "not-found");
        assertFalse(Files.list(installation.home().resolve("deploy")).anyMatch(p -> p.toString().endsWith(".jar")));

        byte[] v1 = Files.readAllBytes(installation.home().resolve("samples/seasonal-naive-1.0.0.jar"));
        HttpResponse<String> installed = sendBytes("POST", "/api/v1/bundles", admin, "application/octet-stream", v1);
        assertEquals(installed.body(), 201, installed.statusCode());
        assertTrue(installed.headers().firstValue("Location").orElse("").startsWith("/api/v1/bundles/"));
        assertTrue("the upload goes to deploy/ like mercator install",
                Files.isRegularFile(installation.home().resolve("deploy/" + SAMPLE + "-1.0.0.jar")));

        assertProblem(sendBytes("POST", "/api/v1/bundles", admin, "text/plain", v1), 415, "unsupported-media-type");
        assertProblem(sendBytes("POST", "/api/v1/bundles", admin, "application/java-archive",
                "not a jar".getBytes(StandardCharsets.UTF_8)), 400, "validation", "body");
        assertProblem(sendBytes("POST", "/api/v1/bundles", admin, "application/java-archive",
                new byte[MAX_BODY + 1]), 413, "too-large");
        // streamed without a Content-Length: the limit is enforced while the jar is spooled to a file
        assertProblem(postChunked("/api/v1/bundles", admin, "application/java-archive", new byte[MAX_BODY + 1]), 413,
                "too-large", "body");
        try (var left = Files.list(installation.home().resolve("data/rest/uploads"))) {
            assertEquals("neither a spooled body nor an uploaded jar is left behind", List.of(), left.toList());
        }
        byte[] platform = Files.readAllBytes(installation.home().resolve("system/50-mercator-platform-registry.jar"));
        assertProblem(sendBytes("POST", "/api/v1/bundles", admin, "application/java-archive", platform), 409,
                "conflict");
        assertProblem(send("DELETE", "/api/v1/bundles/io.mercator.platform.registry", admin, null, null), 409,
                "conflict");
        assertProblem(send("POST", "/api/v1/bundles/io.mercator.platform.rest/stop", admin, null, null), 409,
                "conflict");
        assertProblem(send("POST", "/api/v1/bundles/org.eclipse.jetty.server/stop", admin, null, null), 409,
                "conflict");
        assertEquals("ACTIVE", json(send("GET", "/api/v1/bundles/org.eclipse.jetty.server", viewer, null, null))
                .get("state").getAsString());
        assertProblem(send("POST", "/api/v1/bundles/99999/start", admin, null, null), 404, "not-found", "id");
        assertProblem(send("PATCH", "/api/v1/bundles/1", admin, null, null), 405, "method-not-allowed");

        List<String> actions = auditLines().stream().filter(line -> line.get("target").getAsString().startsWith(SAMPLE))
                .map(line -> line.get("action").getAsString() + " " + line.get("outcome").getAsString()).toList();
        assertEquals(List.of("bundle.update ok", "bundle.stop ok", "bundle.start ok", "bundle.uninstall ok",
                "bundle.install ok"), actions);
    }

    @Test
    public void strategiesAreListedDescribedAndTheDefaultIsSetPersistedAndAudited() throws Exception {
        JsonArray pricing = json(send("GET", "/api/v1/strategies?family=pricing", viewer, null, null))
                .getAsJsonArray("strategies");
        assertTrue(pricing.size() >= 2);
        pricing.forEach(s -> assertEquals("pricing", s.getAsJsonObject().get("family").getAsString()));
        assertProblem(send("GET", "/api/v1/strategies?family=weather", viewer, null, null), 404, "not-found",
                "family");

        JsonObject ets = json(send("GET", "/api/v1/strategies/forecasting/ets", viewer, null, null));
        JsonObject model = find(ets.getAsJsonArray("parameters"), "name", "model");
        assertEquals("choice", model.get("type").getAsString());
        assertEquals("auto", model.get("default").getAsString());
        assertTrue(model.getAsJsonArray("choices").size() > 5);
        JsonArray knn = json(send("GET", "/api/v1/strategies/filtering/item-knn", viewer, null, null))
                .getAsJsonArray("parameters");
        assertTrue("numeric parameters carry their range", knn.toString().contains("\"min\""));
        assertProblem(send("GET", "/api/v1/strategies/forecasting/no-such", viewer, null, null), 404, "no-strategy");

        HttpResponse<String> set = send("PUT", "/api/v1/strategies/forecasting/default", operator, JSON,
                "{\"strategy\":\"ets\"}");
        assertEquals(set.body(), 200, set.statusCode());
        assertEquals("ets", json(set).getAsJsonObject("resolvesTo").get("name").getAsString());
        assertTrue(json(send("GET", "/api/v1/strategies/forecasting/ets", viewer, null, null)).get("default")
                .getAsBoolean());
        awaitFile(installation.home().resolve("conf/io.mercator.registry.cfg"), "default.forecasting = ets");
        assertProblem(send("PUT", "/api/v1/strategies/forecasting/default", operator, JSON,
                "{\"strategy\":\"no-such\"}"), 404, "no-strategy");
        assertProblem(send("PUT", "/api/v1/strategies/forecasting/default", operator, JSON, "{\"strategy\": "), 400,
                "malformed-json");
        assertProblem(send("PUT", "/api/v1/strategies/forecasting/default", operator, "text/plain", "ets"), 415,
                "unsupported-media-type");
        assertEquals(200, send("PUT", "/api/v1/strategies/forecasting/default", operator, JSON,
                "{\"strategy\":\"combination\"}").statusCode());
        assertTrue(auditLines().stream().anyMatch(line -> line.get("action").getAsString().equals("default.set")
                && line.get("target").getAsString().equals("forecasting = ets")
                && line.get("token").getAsString().equals("it-operator")
                && line.get("outcome").getAsString().equals("ok")));
        assertTrue(auditLines().stream().anyMatch(line -> line.get("action").getAsString().equals("default.set")
                && line.get("outcome").getAsString().startsWith("refused")));
    }

    @Test
    public void forecastFitsThePostedSeriesWithIntervals() throws Exception {
        StringBuilder values = new StringBuilder();
        for (int day = 0; day < 56; day++) {
            values.append(day == 0 ? "" : ",").append(10 + (day % 7 == 5 ? 8 : 0) + day % 3);
        }
        String body = "{\"series\":[{\"id\":\"S01/SKU-1\",\"values\":[" + values + "]},{\"id\":\"S01/SKU-2\","
                + "\"values\":[" + values + "]}],\"horizon\":12,\"levels\":[80,95],\"seasonLength\":7,"
                + "\"strategy\":\"snaive\"}";
        JsonObject answer = json(send("POST", "/api/v1/forecasting/forecast", operator, JSON, body));
        assertEquals("snaive", answer.getAsJsonObject("strategy").get("name").getAsString());
        JsonArray forecasts = answer.getAsJsonArray("forecasts");
        assertEquals(2, forecasts.size());
        JsonObject first = forecasts.get(0).getAsJsonObject();
        assertEquals("S01/SKU-1", first.get("id").getAsString());
        JsonArray mean = first.getAsJsonArray("mean");
        assertEquals(12, mean.size());
        // seasonal naive repeats the last week: day 56 is like day 49 (49 % 7 = 0, 49 % 3 = 1)
        assertEquals(11.0, mean.get(0).getAsDouble(), 1e-9);
        assertEquals(18.0 + 54 % 3, mean.get(5).getAsDouble(), 1e-9);
        JsonArray intervals = first.getAsJsonArray("intervals");
        assertEquals(2, intervals.size());
        JsonObject eighty = intervals.get(0).getAsJsonObject();
        JsonObject ninetyFive = intervals.get(1).getAsJsonObject();
        for (int h = 0; h < 12; h++) {
            double m = mean.get(h).getAsDouble();
            assertTrue(eighty.getAsJsonArray("lower").get(h).getAsDouble() <= m);
            assertTrue(ninetyFive.getAsJsonArray("lower").get(h).getAsDouble()
                    <= eighty.getAsJsonArray("lower").get(h).getAsDouble());
            assertTrue(ninetyFive.getAsJsonArray("upper").get(h).getAsDouble()
                    >= eighty.getAsJsonArray("upper").get(h).getAsDouble());
        }

        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\"series\":[{\"id\":\"a\",\"values\":[1,2,\"x\"]}]}"), 400, "validation", "series[0].values[2]");
        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\"series\":[{\"id\":\"a\",\"values\":[1,2,3]}],\"horizon\":0}"), 400, "validation", "horizon");
        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\"series\":[{\"id\":\"a\",\"values\":[1,2,3]}],\"levels\":[120]}"), 400, "validation", "levels");
        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\"series\":[{\"id\":\"a\",\"values\":[1,2,3]}],\"strategy\":\"ets\",\"parameters\":{\"model\":\"XYZ\"}}"),
                400, "validation", "parameters.model");
        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\"series\":[{\"id\":\"a\",\"values\":[1,2,3]}],\"strategy\":\"prophet\"}"), 404, "no-strategy");
        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON, "[1,2]"), 400, "validation",
                "body");
        HttpResponse<String> malformed = send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\n\"series\": [\n{\"id\" \"a\"}]}");
        assertProblem(malformed, 400, "malformed-json");
        assertEquals(3, json(malformed).get("line").getAsInt());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= MAX_ROWS; i++) {
            many.append(i == 0 ? "" : ",").append(1);
        }
        HttpResponse<String> tooMany = send("POST", "/api/v1/forecasting/forecast", operator, JSON,
                "{\"series\":[{\"id\":\"a\",\"values\":[" + many + "]}]}");
        assertProblem(tooMany, 413, "too-many-rows", "series");
        assertEquals(MAX_ROWS, json(tooMany).get("limit").getAsInt());
        assertProblem(send("POST", "/api/v1/forecasting/forecast", operator, JSON, "{\"pad\":\"" + "x".repeat(MAX_BODY)
                + "\"}"), 413, "too-large", "body");
    }

    @Test
    public void filteringQueriesAnswerFromTheDemoModel() throws Exception {
        HttpResponse<String> top = send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"C000001\",\"n\":10}");
        assertEquals(top.body(), 200, top.statusCode());
        JsonObject answer = json(top);
        assertTrue(answer.getAsJsonObject("model").get("id").getAsString().startsWith("item-knn-"));
        JsonArray items = answer.getAsJsonArray("items");
        assertEquals(10, items.size());
        for (int rank = 1; rank < items.size(); rank++) {
            assertTrue("ranked by score", items.get(rank - 1).getAsJsonObject().get("score").getAsDouble()
                    >= items.get(rank).getAsJsonObject().get("score").getAsDouble());
        }
        String best = items.get(0).getAsJsonObject().get("item").getAsString();
        String second = items.get(1).getAsJsonObject().get("item").getAsString();
        // the names and categories of the demo's product catalogue, which the demo made the item catalogue
        Map<String, String[]> catalogue = demoCatalogue();
        for (JsonElement item : items) {
            JsonObject line = item.getAsJsonObject();
            String[] known = catalogue.get(line.get("item").getAsString());
            assertEquals(known[0], line.get("name").getAsString());
            assertEquals(known[1], line.get("category").getAsString());
        }
        JsonArray excluded = json(send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"C000001\",\"n\":10,\"exclude\":[\"" + best + "\"]}")).getAsJsonArray("items");
        assertEquals(second, excluded.get(0).getAsJsonObject().get("item").getAsString());
        JsonArray filtered = json(send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"C000001\",\"n\":3,\"items\":[\"" + second + "\",\"SKU-99999\"]}")).getAsJsonArray("items");
        assertEquals(1, filtered.size());
        assertEquals(second, filtered.get(0).getAsJsonObject().get("item").getAsString());

        JsonArray similar = json(send("POST", "/api/v1/filtering/similar", operator, JSON,
                "{\"item\":\"" + best + "\",\"n\":5}")).getAsJsonArray("items");
        assertEquals(5, similar.size());
        assertFalse(similar.toString().contains("\"" + best + "\""));
        String like = similar.get(0).getAsJsonObject().get("item").getAsString();
        assertEquals(catalogue.get(like)[0], similar.get(0).getAsJsonObject().get("name").getAsString());

        assertProblem(send("POST", "/api/v1/filtering/recommend", operator, JSON, "{\"user\":\"nobody\"}"), 404,
                "not-found", "user");
        assertProblem(send("POST", "/api/v1/filtering/similar", operator, JSON, "{\"item\":\"SKU-99999\"}"), 404,
                "not-found", "item");
        assertProblem(send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"C000001\",\"model\":\"item-knn-19700101t000000z-00000000\"}"), 404, "not-found", "model");
        String forecastModel = storedModelId("forecasting");
        assertProblem(send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"C000001\",\"model\":\"" + forecastModel + "\"}"), 404, "not-found", "model");
        assertProblem(send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"C000001\",\"n\":0}"), 400, "validation", "n");
    }

    /** @return the demo's product catalogue (data/demo/catalogue.csv): per SKU, its name and category */
    private static Map<String, String[]> demoCatalogue() throws IOException {
        Map<String, String[]> catalogue = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(installation.home().resolve("data/demo/catalogue.csv"),
                StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            parser.forEach(row -> catalogue.put(row.get("sku"), new String[] {row.get("name"), row.get("category")}));
        }
        return catalogue;
    }

    @Test
    public void theItemCatalogueIsLookedUpPagedAndReplacedWithAnAuditLine() throws Exception {
        Map<String, String[]> demo = demoCatalogue();
        JsonObject looked = json(send("GET", "/api/v1/filtering/items?ids=SKU-00001,SKU-99999&ids=SKU-00002", viewer,
                null, null));
        JsonArray found = looked.getAsJsonArray("items");
        assertEquals(2, found.size());
        assertEquals("SKU-00001", found.get(0).getAsJsonObject().get("item").getAsString());
        assertEquals(demo.get("SKU-00001")[0], found.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(demo.get("SKU-00002")[1], found.get(1).getAsJsonObject().get("category").getAsString());
        assertEquals("[\"SKU-99999\"]", looked.getAsJsonArray("unknown").toString());
        JsonObject page = json(send("GET", "/api/v1/filtering/items?offset=1&limit=3", viewer, null, null));
        assertEquals(demo.size(), page.get("total").getAsInt());
        assertEquals(3, page.getAsJsonArray("items").size());
        assertEquals("SKU-00002", page.getAsJsonArray("items").get(0).getAsJsonObject().get("item").getAsString());
        assertProblem(send("GET", "/api/v1/filtering/items?limit=0", viewer, null, null), 400, "validation", "limit");
        assertProblem(send("GET", "/api/v1/filtering/items?ids=,", viewer, null, null), 400, "validation", "ids");

        String csv = "product_id;title;category\nSKU-00001;Renamed oat milk;Dairy\nSKU-00002;;Bakery\n";
        assertProblem(send("PUT", "/api/v1/filtering/items?x=1", viewer, "text/csv", csv), 403, "forbidden");
        assertProblem(send("PUT", "/api/v1/filtering/items", operator, JSON, "{}"), 415, "unsupported-media-type");
        HttpResponse<String> noName = send("PUT", "/api/v1/filtering/items", operator, "text/csv",
                csv.replace(';', ','));
        assertProblem(noName, 400, "validation", "title");
        assertEquals(3, json(noName).get("line").getAsInt());
        assertEquals(2, json(noName).get("column").getAsInt());
        assertEquals("the old catalogue stays", demo.get("SKU-00002")[0], json(send("GET",
                "/api/v1/filtering/items?ids=SKU-00002", viewer, null, null)).getAsJsonArray("items").get(0)
                .getAsJsonObject().get("name").getAsString());

        Path original = installation.home().resolve("data/items.csv");
        byte[] demoItems = Files.readAllBytes(original);
        try {
            HttpResponse<String> replaced = send("PUT", "/api/v1/filtering/items", operator,
                    "text/tab-separated-values", "sku\tname\nSKU-00001\tRenamed oat milk\n");
            assertEquals(replaced.body(), 200, replaced.statusCode());
            assertEquals(1, json(replaced).get("total").getAsInt());
            JsonObject renamed = json(send("GET", "/api/v1/filtering/items?ids=SKU-00001,SKU-00002", viewer, null,
                    null));
            assertEquals("Renamed oat milk", renamed.getAsJsonArray("items").get(0).getAsJsonObject().get("name")
                    .getAsString());
            assertEquals("[\"SKU-00002\"]", renamed.getAsJsonArray("unknown").toString());
            assertTrue(Files.readString(installation.home().resolve("logs/audit.log"))
                    .contains("\"action\":\"items.replace\",\"target\":\"items.csv\",\"outcome\":\"ok: 1 items\""));
        } finally {
            HttpResponse<String> restored = sendBytes("PUT", "/api/v1/filtering/items", operator, "text/csv",
                    demoItems);
            assertEquals(restored.body(), 200, restored.statusCode());
        }
    }

    @Test
    public void segmentationPricingAndOptimizationAnswerFromTheDemoModels() throws Exception {
        JsonObject segments = json(send("POST", "/api/v1/segmentation/assign", operator, JSON,
                "{\"customers\":[\"C000001\",\"C000002\"]}"));
        assertTrue(segments.getAsJsonObject("model").get("id").getAsString().startsWith("rfm-"));
        JsonArray assignments = segments.getAsJsonArray("assignments");
        assertEquals(2, assignments.size());
        assertEquals("C000002", assignments.get(1).getAsJsonObject().get("customer").getAsString());
        assertFalse(assignments.get(0).getAsJsonObject().get("segment").getAsString().isBlank());
        HttpResponse<String> unknownCustomer = send("POST", "/api/v1/segmentation/assign", operator, JSON,
                "{\"customers\":[\"C000001\",\"nobody\"]}");
        assertProblem(unknownCustomer, 404, "not-found", "customers");
        assertEquals(1, json(unknownCustomer).get("row").getAsInt());
        JsonObject profiles = json(send("GET", "/api/v1/segmentation/profiles", viewer, null, null));
        assertEquals(segments.getAsJsonObject("model").get("id").getAsString(),
                profiles.getAsJsonObject("model").get("id").getAsString());
        String assigned = assignments.get(0).getAsJsonObject().get("segment").getAsString();
        long customers = 0;
        boolean listed = false;
        for (JsonElement segment : profiles.getAsJsonArray("segments")) {
            customers += segment.getAsJsonObject().get("size").getAsLong();
            listed |= segment.getAsJsonObject().get("name").getAsString().equals(assigned);
            assertEquals(profiles.getAsJsonArray("features").size(),
                    segment.getAsJsonObject().getAsJsonObject("means").size());
        }
        assertTrue("the assigned segment is profiled", listed);
        assertTrue(customers >= 2);
        assertProblem(send("GET", "/api/v1/segmentation/profiles?model=rfm-19700101t000000z-00000000", viewer, null,
                null), 404, "not-found", "model");

        JsonObject prices = json(send("POST", "/api/v1/pricing/recommend", operator, JSON,
                "{\"products\":[{\"id\":\"SKU-00001\",\"unitCost\":5.55,\"currentPrice\":8.49,\"minPrice\":7,"
                        + "\"maxPrice\":10}]}"));
        JsonObject price = prices.getAsJsonArray("prices").get(0).getAsJsonObject();
        double advised = price.get("price").getAsDouble();
        assertTrue(advised >= 7 && advised <= 10);
        assertEquals(advised * price.get("expectedUnits").getAsDouble(), price.get("expectedRevenue").getAsDouble(),
                1e-6);
        assertProblem(send("POST", "/api/v1/pricing/recommend", operator, JSON,
                "{\"products\":[{\"id\":\"SKU-00001\",\"unitCost\":5.55}]}"), 400, "validation",
                "products[0].currentPrice");
        JsonObject bounded = json(send("POST", "/api/v1/pricing/recommend", operator, JSON,
                "{\"products\":[{\"id\":\"SKU-00001\",\"unitCost\":5.55,\"currentPrice\":8.49,\"minPrice\":7,"
                        + "\"maxPrice\":10}],\"rules\":{\"maxChange\":0.01,\"priceEnding\":0.49}}"));
        assertEquals(8.49, bounded.getAsJsonArray("prices").get(0).getAsJsonObject().get("price").getAsDouble(), 1e-9);
        // the demo's sales have no segment column: its model cannot price per segment and says so
        assertProblem(send("POST", "/api/v1/pricing/recommend", operator, JSON,
                "{\"products\":[{\"id\":\"SKU-00001\",\"unitCost\":5.55,\"currentPrice\":8.49}],"
                        + "\"segments\":[\"loyal\"]}"), 400, "validation", "segment");

        String item = "{\"sku\":\"S01/SKU-00001\",\"demandMean\":11,\"demandStdDev\":3,\"leadTimeMean\":6,"
                + "\"onHand\":20,\"unitCost\":5.55,\"holdingCostRate\":0.2,\"targetServiceLevel\":0.95}";
        JsonObject stored = json(send("POST", "/api/v1/optimization/plan", operator, JSON, "{\"items\":[" + item
                + "]}"));
        assertTrue(stored.getAsJsonObject("model").get("id").getAsString().startsWith("order-up-to-"));
        JsonObject line = stored.getAsJsonArray("plan").get(0).getAsJsonObject();
        assertTrue(line.get("reorderPoint").getAsDouble() > 11 * 6);
        assertTrue(line.get("orderQuantity").getAsDouble() > 0);
        JsonObject fitted = json(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"strategy\":\"min-max\",\"history\":[{\"id\":\"S01/SKU-00001\",\"values\":[9,11,12,10,13,11,9,12]}],"
                        + "\"items\":[" + item + "]}"));
        assertEquals("min-max", fitted.getAsJsonObject("strategy").get("name").getAsString());
        assertEquals(1, fitted.getAsJsonArray("plan").size());
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"items\":[{\"sku\":\"a\",\"demandMean\":1}]}"), 400, "validation", "items[0].demandStdDev");
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"serviceMeasure\":\"best\",\"items\":[" + item + "]}"), 400, "validation", "serviceMeasure");
        // demand from the demo's stored forecasting model: the item leaves out demandMean and demandStdDev
        String withoutDemand = "{\"sku\":\"S01/SKU-00001\",\"leadTimeMean\":6,\"onHand\":20,\"unitCost\":5.55,"
                + "\"holdingCostRate\":0.2,\"targetServiceLevel\":0.95}";
        JsonObject forecast = json(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"forecastModel\":\"\",\"items\":[" + withoutDemand + "]}"));
        assertFalse(forecast.getAsJsonObject("forecastModel").get("id").getAsString().isEmpty());
        JsonObject fromForecast = forecast.getAsJsonArray("plan").get(0).getAsJsonObject();
        assertTrue(fromForecast.toString(), fromForecast.get("orderUpTo").getAsDouble() > 0);
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"forecastModel\":\"\",\"items\":[" + withoutDemand.replace("S01/SKU-00001", "not-forecast")
                        + "]}"), 400, "validation", "items[0].demandMean");

        // plan-wide limits: two SKU-locations received into W1, which takes 10 units, planned by lp-allocation
        String history = "\"history\":[{\"id\":\"a\",\"values\":[9,11,12,10]},"
                + "{\"id\":\"b\",\"values\":[9,11,12,10]}]";
        String limitedItems = "\"items\":[" + limitedItem("a", "") + ","
                + limitedItem("b", ",\"stockOutPenalty\":400") + "]";
        JsonObject limited = json(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"strategy\":\"lp-allocation\"," + history + ",\"warehouseCapacity\":{\"W1\":10},"
                        + limitedItems + "}"));
        JsonArray limitedPlan = limited.getAsJsonArray("plan");
        double ordered = 0;
        boolean cut = false;
        for (JsonElement element : limitedPlan) {
            ordered += element.getAsJsonObject().get("orderQuantity").getAsDouble();
            cut |= element.getAsJsonObject().get("bindingConstraint").getAsString().equals("capacity[W1]");
        }
        assertEquals(limitedPlan.toString(), 10, ordered, 1e-6);
        assertTrue(limitedPlan.toString(), cut);
        // the dearer shortage of b is served first
        assertTrue(limitedPlan.toString(), limitedPlan.get(1).getAsJsonObject().get("orderQuantity").getAsDouble()
                >= limitedPlan.get(0).getAsJsonObject().get("orderQuantity").getAsDouble());
        JsonObject budgeted = json(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"strategy\":\"lp-allocation\"," + history + ",\"budget\":25," + limitedItems + "}"));
        double spent = 0;
        for (JsonElement element : budgeted.getAsJsonArray("plan")) {
            spent += 5 * element.getAsJsonObject().get("orderQuantity").getAsDouble();
        }
        assertTrue(budgeted.toString(), spent <= 25 + 1e-6);
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"budget\":-1," + limitedItems + "}"), 400, "validation", "budget");
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{\"warehouseCapacity\":{\"W1\":\"ten\"}," + limitedItems + "}"), 400, "validation",
                "warehouseCapacity.W1");
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{" + limitedItems.replace("\"stockOutPenalty\":400", "\"stockOutPenalty\":-2") + "}"), 400,
                "validation", "items[1].stockOutPenalty");
        assertProblem(send("POST", "/api/v1/optimization/plan", operator, JSON,
                "{" + limitedItems.replace("\"warehouse\":\"W1\"", "\"warehouse\":\" \"") + "}"), 400,
                "validation", "items[0].warehouse");
    }

    /** 10 +- 2 a period, lead time 2, nothing on hand: an order-up-to level well above 10 units. */
    private static String limitedItem(String sku, String extra) {
        return "{\"sku\":\"" + sku + "\",\"demandMean\":10,\"demandStdDev\":2,\"leadTimeMean\":2,\"reviewPeriod\":1,"
                + "\"onHand\":0,\"unitCost\":5,\"holdingCostRate\":0.01,\"targetServiceLevel\":0.95,"
                + "\"warehouse\":\"W1\",\"supplier\":\"S1\"" + extra + "}";
    }

    @Test
    public void metricsCountRequestsAndStrategyCallsInPrometheusFormat() throws Exception {
        send("POST", "/api/v1/filtering/recommend", operator, JSON, "{\"user\":\"C000001\",\"n\":10}");
        send("GET", "/api/v1/bundles", null, null, null);
        HttpResponse<String> metrics = send("GET", "/api/v1/metrics", viewer, null, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
        assertTrue(text, text.contains("mercator_http_requests_total{method=\"POST\","
                + "route=\"/api/v1/filtering/recommend\",status=\"200\"}"));
        assertTrue(text.contains("mercator_http_requests_total{method=\"GET\",route=\"(unmatched)\",status=\"401\"}"));
        assertTrue(text.contains("mercator_http_request_duration_seconds_bucket{method=\"POST\","
                + "route=\"/api/v1/filtering/recommend\",le=\"+Inf\"}"));
        String knn = "family=\"filtering\",strategy=\"item-knn\",version=\"[^\"]+\"";
        Matcher queries = Pattern.compile("mercator_strategy_call_duration_seconds_count\\{" + knn
                + ",use=\"call\"} (\\d+)").matcher(text);
        assertTrue(text, queries.find());
        assertTrue("the recommendation just asked", Long.parseLong(queries.group(1)) >= 1);
        // the demo trained item-knn in a training job: measured by the registry, not by this API
        Matcher training = Pattern.compile("mercator_strategy_calls_total\\{" + knn + ",use=\"lease\"} (\\d+)")
                .matcher(text);
        assertTrue(text, training.find());
        assertTrue("the demo's training job", Long.parseLong(training.group(1)) >= 1);
        assertTrue(Pattern.compile("mercator_strategy_call_duration_seconds_bucket\\{" + knn
                + ",use=\"lease\",le=\"600\"} [1-9]").matcher(text).find());
        assertTrue(Pattern.compile("mercator_strategy_failures_total\\{" + knn + ",use=\"call\"} \\d+")
                .matcher(text).find());
        assertTrue(text.contains("jvm_memory_heap_bytes{area=\"used\"}"));
        assertTrue(text.contains("jvm_threads{state=\"live\"}"));
        assertTrue(text.contains("jvm_gc_collections_total{gc="));
    }

    @Test
    public void theOpenApiDocumentIsServedAndDescribesTheQueries() throws Exception {
        HttpResponse<String> document = send("GET", "/api/v1/openapi.json", viewer, null, null);
        assertEquals(200, document.statusCode());
        JsonObject openApi = json(document);
        assertTrue(openApi.get("openapi").getAsString().startsWith("3."));
        JsonObject paths = openApi.getAsJsonObject("paths");
        for (String path : List.of("/health", "/api/v1/bundles", "/api/v1/forecasting/forecast",
                "/api/v1/filtering/recommend", "/api/v1/optimization/plan", "/api/v1/tokens/{id}")) {
            assertNotNull(path, paths.get(path));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    @Test
    public void aDatasetIsUploadedTrainedIntoAModelThatAnswersQueriesAndIsDeletedWithAnAuditLine() throws Exception {
        StringBuilder csv = new StringBuilder("customer;product;stars\n");
        for (int user = 1; user <= 12; user++) {
            for (int item = 1; item <= 8; item++) {
                if ((user + item) % 3 != 0) {
                    csv.append("u").append(user).append(';').append("p").append(item).append(';')
                            .append(1 + (user * item) % 5).append('\n');
                }
            }
        }
        HttpResponse<String> uploaded = send("POST", "/api/v1/datasets?family=filtering&name=ratings.csv&delimiter=;"
                + "&mapping=user_id=customer,item_id=product&mapping=value=stars&label=it-ratings", operator, "text/csv",
                csv.toString());
        assertEquals(uploaded.body(), 201, uploaded.statusCode());
        JsonObject dataset = json(uploaded);
        String datasetId = dataset.get("id").getAsString();
        assertEquals("/api/v1/datasets/" + datasetId, uploaded.headers().firstValue("Location").orElse(""));
        assertEquals(64, dataset.get("rows").getAsLong());
        assertEquals("ratings.csv", dataset.getAsJsonArray("sources").get(0).getAsString());

        JsonObject shown = json(send("GET", "/api/v1/datasets/" + datasetId, viewer, null, null));
        assertEquals("it-ratings", shown.get("label").getAsString());
        assertEquals(64, shown.getAsJsonObject("lastImport").get("rowsImported").getAsLong());
        assertEquals(0, shown.getAsJsonObject("lastImport").get("badRowCount").getAsLong());
        JsonObject userColumn = find(shown.getAsJsonArray("columns"), "name", "user_id");
        assertTrue(userColumn.get("present").getAsBoolean());
        find(json(send("GET", "/api/v1/datasets", viewer, null, null)).getAsJsonArray("datasets"), "id", datasetId);

        HttpResponse<String> started = send("POST", "/api/v1/jobs", operator, JSON, "{\"family\":\"filtering\","
                + "\"dataset\":\"" + datasetId + "\",\"strategy\":\"item-knn\",\"parameters\":{\"neighbours\":5}}");
        assertEquals(started.body(), 202, started.statusCode());
        String jobId = json(started).get("id").getAsString();
        assertEquals("/api/v1/jobs/" + jobId, started.headers().firstValue("Location").orElse(""));
        JsonObject job = awaitFinal("/api/v1/jobs/" + jobId);
        assertEquals(job.toString(), "SUCCEEDED", job.get("state").getAsString());
        assertEquals(1.0, job.get("progress").getAsDouble(), 0.0);
        find(json(send("GET", "/api/v1/jobs", viewer, null, null)).getAsJsonArray("jobs"), "id", jobId);
        assertProblem(send("POST", "/api/v1/jobs/" + jobId + "/cancel", operator, null, null), 409, "conflict");
        String modelId = job.get("modelId").getAsString();

        JsonObject model = find(json(send("GET", "/api/v1/models?family=filtering", viewer, null, null))
                .getAsJsonArray("models"), "id", modelId);
        assertEquals("item-knn", model.get("strategyName").getAsString());
        assertEquals(datasetId, model.getAsJsonObject("metadata").get("dataset").getAsString());
        JsonObject described = json(send("GET", "/api/v1/models/" + modelId, viewer, null, null));
        assertEquals(64, described.get("sha256").getAsString().length());

        HttpResponse<String> recommended = send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"u1\",\"n\":2,\"model\":\"" + modelId + "\"}");
        assertEquals(recommended.body(), 200, recommended.statusCode());
        assertTrue(recommended.body(), recommended.body().contains(modelId));
        assertEquals(recommended.body(), 2, json(recommended).getAsJsonArray("items").size());

        assertEquals(204, send("DELETE", "/api/v1/models/" + modelId, operator, null, null).statusCode());
        assertProblem(send("GET", "/api/v1/models/" + modelId, viewer, null, null), 404, "not-found", "id");
        assertProblem(send("POST", "/api/v1/filtering/recommend", operator, JSON,
                "{\"user\":\"u1\",\"model\":\"" + modelId + "\"}"), 404, "not-found", "model");
        assertEquals(204, send("DELETE", "/api/v1/datasets/" + datasetId, operator, null, null).statusCode());
        assertProblem(send("GET", "/api/v1/datasets/" + datasetId, viewer, null, null), 404, "not-found", "id");
        List<JsonObject> audit = auditLines();
        assertTrue(audit.toString(), audit.stream().anyMatch(line -> line.get("action").getAsString()
                .equals("model.delete") && line.get("target").getAsString().startsWith(modelId)
                && line.get("token").getAsString().equals("it-operator") && line.get("outcome").getAsString().equals("ok")));
        assertTrue(audit.toString(), audit.stream().anyMatch(line -> line.get("action").getAsString()
                .equals("dataset.delete") && line.get("target").getAsString().equals(datasetId)));
    }

    @Test
    public void aQueuedJobIsCancelledBeforeItRunsAndARunningOneOnRequest() throws Exception {
        String demand = null;
        for (JsonElement dataset : json(send("GET", "/api/v1/datasets", viewer, null, null)).getAsJsonArray("datasets")) {
            JsonElement label = dataset.getAsJsonObject().get("label");
            if (label != null && !label.isJsonNull() && label.getAsString().equals("demo/demand")) {
                demand = dataset.getAsJsonObject().get("id").getAsString();
            }
        }
        assertNotNull("the demo's demand data set", demand);
        String job = "{\"family\":\"forecasting\",\"dataset\":\"" + demand + "\",\"strategy\":\"arima\"}";
        // one job runs at a time: the second waits in the queue behind the first (ARIMA order search on every series)
        String running = json(send("POST", "/api/v1/jobs", operator, JSON, job)).get("id").getAsString();
        String queued = json(send("POST", "/api/v1/jobs", operator, JSON, job)).get("id").getAsString();
        assertProblem(send("POST", "/api/v1/jobs/" + queued + "/cancel", viewer, null, null), 403, "forbidden");
        HttpResponse<String> cancelled = send("POST", "/api/v1/jobs/" + queued + "/cancel", operator, null, null);
        assertEquals(cancelled.body(), 200, cancelled.statusCode());
        assertEquals(cancelled.body(), "CANCELLED", json(cancelled).get("state").getAsString());
        // the first may have finished meanwhile on a fast machine (409); when it was stopped, it leaves no model
        HttpResponse<String> stop = send("POST", "/api/v1/jobs/" + running + "/cancel", operator, null, null);
        JsonObject stopped = awaitFinal("/api/v1/jobs/" + running);
        if (stop.statusCode() == 200) {
            assertEquals(stopped.toString(), "CANCELLED", stopped.get("state").getAsString());
            assertTrue(stopped.toString(), !stopped.has("modelId") || stopped.get("modelId").isJsonNull());
        } else {
            assertProblem(stop, 409, "conflict");
        }
        assertEquals("CANCELLED", json(send("GET", "/api/v1/jobs/" + queued, viewer, null, null)).get("state")
                .getAsString());
    }

    @Test
    public void badUploadsAreRefusedWithTheLineColumnAndFieldAtFault() throws Exception {
        String csv = "series_id,period,value\ns1,1,10\ns1,2,eleven\ns1,3,12\n";
        HttpResponse<String> rejected = send("POST", "/api/v1/datasets?family=forecasting&name=sales.csv", operator,
                "text/csv", csv);
        assertProblem(rejected, 400, "import-rejected", "value");
        JsonObject problem = json(rejected);
        assertEquals("sales.csv", problem.get("file").getAsString());
        assertEquals(3, problem.get("line").getAsInt());
        assertEquals("value", problem.get("column").getAsString());
        JsonObject badRow = problem.getAsJsonArray("badRows").get(0).getAsJsonObject();
        assertEquals("eleven", badRow.get("value").getAsString());
        assertEquals(1, problem.get("badRowCount").getAsInt());

        HttpResponse<String> skipped = send("POST", "/api/v1/datasets?family=forecasting&name=sales.csv&policy=skip",
                operator, "text/csv", csv);
        assertEquals(skipped.body(), 201, skipped.statusCode());
        JsonObject report = json(skipped).getAsJsonObject("lastImport");
        assertEquals(2, report.get("rowsImported").getAsLong());
        assertEquals(3, report.getAsJsonArray("badRows").get(0).getAsJsonObject().get("line").getAsLong());
        assertEquals(204, send("DELETE", "/api/v1/datasets/" + json(skipped).get("id").getAsString(), operator, null,
                null).statusCode());

        // JSON: an array of objects, or JSON Lines, where a malformed line is one bad row at its line
        HttpResponse<String> array = send("POST", "/api/v1/datasets?family=forecasting&name=sales.json", operator,
                JSON, "[{\"series_id\":\"s1\",\"period\":1,\"value\":10},{\"series_id\":\"s1\",\"period\":2,"
                        + "\"value\":11},{\"series_id\":\"s1\",\"period\":3,\"value\":12}]");
        assertEquals(array.body(), 201, array.statusCode());
        assertEquals(3, json(array).get("rows").getAsLong());
        assertEquals(204, send("DELETE", "/api/v1/datasets/" + json(array).get("id").getAsString(), operator, null,
                null).statusCode());
        HttpResponse<String> lines = send("POST", "/api/v1/datasets?family=forecasting&name=sales.ndjson", operator,
                "application/x-ndjson", "{\"series_id\":\"s1\",\"period\":1,\"value\":10}\n{\"series_id\":\"s1\",\n");
        assertProblem(lines, 400, "import-rejected");
        assertEquals("sales.ndjson", json(lines).get("file").getAsString());
        assertEquals(2, json(lines).get("line").getAsInt());

        assertProblem(send("POST", "/api/v1/datasets?family=forecasting", operator, "application/pdf", "%PDF"), 415,
                "unsupported-media-type", "Content-Type");
        assertProblem(sendBytes("POST", "/api/v1/datasets?family=forecasting", operator, "text/csv",
                new byte[MAX_BODY + 1]), 413, "too-large", "body");
        // without a Content-Length (chunked) the limit is found while the body is spooled, and the file removed
        assertProblem(postChunked("/api/v1/datasets?family=forecasting", operator, "text/csv", new byte[MAX_BODY + 1]),
                413, "too-large", "body");
        try (var left = Files.list(installation.home().resolve("data/rest/uploads"))) {
            assertEquals("no spooled body is left behind", List.of(), left.toList());
        }
        assertProblem(send("POST", "/api/v1/datasets?family=forecasting", viewer, "text/csv", csv), 403, "forbidden");
        assertProblem(send("POST", "/api/v1/datasets", operator, "text/csv", csv), 400, "validation", "family");
        assertProblem(send("POST", "/api/v1/datasets?family=weather", operator, "text/csv", csv), 404, "not-found",
                "family");
        assertProblem(send("POST", "/api/v1/datasets?family=forecasting&policy=maybe", operator, "text/csv", csv), 400,
                "validation", "policy");
        assertProblem(send("GET", "/api/v1/datasets/no-such-set", viewer, null, null), 404, "not-found", "id");
        assertProblem(send("DELETE", "/api/v1/datasets/no-such-set", operator, null, null), 404, "not-found", "id");
        assertProblem(send("DELETE", "/api/v1/datasets/no-such-set", viewer, null, null), 403, "forbidden");
        assertProblem(send("GET", "/api/v1/jobs/no-such-job", viewer, null, null), 404, "not-found", "id");
        assertProblem(send("POST", "/api/v1/jobs/no-such-job/cancel", operator, null, null), 404, "not-found", "id");
        assertProblem(send("POST", "/api/v1/jobs", operator, JSON, "{\"family\":\"filtering\",\"dataset\":\"nope\"}"),
                404, "not-found", "dataset");
        assertProblem(send("POST", "/api/v1/jobs", viewer, JSON, "{}"), 403, "forbidden");
        assertProblem(send("GET", "/api/v1/models/no-such-model", viewer, null, null), 404, "not-found", "id");
        assertProblem(send("DELETE", "/api/v1/models/no-such-model", operator, null, null), 404, "not-found", "id");
        assertProblem(send("GET", "/api/v1/evaluations/no-such-run", viewer, null, null), 404, "not-found", "id");
        assertProblem(send("POST", "/api/v1/evaluations", operator, JSON,
                "{\"family\":\"forecasting\",\"data\":\"../conf/mercator.properties\"}"), 400, "validation", "data");
        assertProblem(send("POST", "/api/v1/evaluations", operator, JSON,
                "{\"family\":\"forecasting\",\"data\":\"demo/none.csv\"}"), 404, "not-found", "data");
    }

    @Test
    public void anEvaluationRunsInTheBackgroundAndRanksTheStrategiesByTheMainMetric() throws Exception {
        HttpResponse<String> started = send("POST", "/api/v1/evaluations", operator, JSON, "{\"family\":\"forecasting\","
                + "\"data\":\"demo/forecasting/demand.csv\",\"strategies\":[\"naive\",\"snaive\",\"mean\"],"
                + "\"options\":{\"horizon\":7}}");
        assertEquals(started.body(), 202, started.statusCode());
        String id = json(started).get("id").getAsString();
        assertEquals("/api/v1/evaluations/" + id, started.headers().firstValue("Location").orElse(""));
        JsonObject evaluation = awaitFinal("/api/v1/evaluations/" + id);
        assertEquals(evaluation.toString(), "SUCCEEDED", evaluation.get("state").getAsString());
        JsonObject leaderboard = evaluation.getAsJsonObject("leaderboard");
        assertEquals("MASE", leaderboard.get("metric").getAsString());
        assertFalse(leaderboard.get("higherIsBetter").getAsBoolean());
        JsonArray rows = leaderboard.getAsJsonArray("rows");
        assertEquals(3, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.toString(), rows.get(i - 1).getAsJsonObject().get("score").getAsDouble()
                    <= rows.get(i).getAsJsonObject().get("score").getAsDouble());
            assertEquals(i + 1, rows.get(i).getAsJsonObject().get("rank").getAsInt());
        }
        find(json(send("GET", "/api/v1/evaluations", viewer, null, null)).getAsJsonArray("evaluations"), "id", id);
        assertProblem(send("POST", "/api/v1/evaluations/" + id + "/cancel", operator, null, null), 409, "conflict");
    }

    private static String createToken(String name, String role) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/tokens", admin, JSON,
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).get("token").getAsString();
    }

    private static String storedModelId(String family) throws IOException {
        try (var models = Files.list(installation.home().resolve("data/models/" + family))) {
            return models.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")).findFirst()
                    .orElseThrow();
        }
    }

    /** @return the job or evaluation once its state is final (SUCCEEDED, FAILED or CANCELLED) */
    private static JsonObject awaitFinal(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        double progress = 0;
        while (true) {
            JsonObject current = json(send("GET", path, viewer, null, null));
            assertTrue("progress never goes back: " + current, current.get("progress").getAsDouble() >= progress);
            progress = current.get("progress").getAsDouble();
            String state = current.get("state").getAsString();
            if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("CANCELLED")) {
                return current;
            }
            if (System.currentTimeMillis() > deadline) {
                fail(path + " did not finish: " + current);
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String contentType,
            String body) throws IOException, InterruptedException {
        return sendBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> sendBytes(String method, String path, String token, String contentType,
            byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + installation.httpPort()
                + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a body streamed without a Content-Length (chunked), so that the server finds its size while reading. */
    private static HttpResponse<String> postChunked(String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + installation.httpPort() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return http.send(chunked, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendRaw(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + installation.httpPort()
                + path)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        JsonElement parsed = JsonParser.parseString(response.body());
        assertTrue(response.body(), parsed.isJsonObject());
        return parsed.getAsJsonObject();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind, String... field) {
        assertEquals(response.body(), status, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(response);
        assertEquals("urn:mercator:problem:" + kind, problem.get("type").getAsString());
        assertEquals(status, problem.get("status").getAsInt());
        assertFalse(problem.get("title").getAsString().isBlank());
        assertFalse(problem.get("detail").getAsString().isBlank());
        assertEquals(response.uri().getPath(), problem.get("instance").getAsString());
        assertFalse("no stack trace", response.body().toLowerCase(Locale.ROOT).contains("exception"));
        if (field.length > 0) {
            assertEquals(response.body(), field[0], problem.get("field").getAsString());
        }
        if (status == 405) {
            assertTrue(response.headers().firstValue("Allow").isPresent());
        }
    }

    private static JsonObject find(JsonArray array, String member, String value) {
        for (JsonElement element : array) {
            if (value.equals(element.getAsJsonObject().get(member).getAsString())) {
                return element.getAsJsonObject();
            }
        }
        fail("no element with " + member + " = " + value + " in " + array);
        return null;
    }

    private static List<JsonObject> auditLines() throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : Files.readAllLines(installation.home().resolve("logs/audit.log"))) {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            for (String member : List.of("time", "token", "action", "target", "outcome")) {
                assertTrue(line, json.has(member));
            }
            lines.add(json);
        }
        return lines;
    }

    private static void awaitConsole(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!installation.consoleText().contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the console never showed '" + text + "':\n" + installation.consoleText());
            }
            Thread.sleep(100);
        }
    }

    private static void awaitHealth() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (send("GET", "/health", null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("the REST API did not answer /health:\n" + installation.consoleText());
    }

    private static void awaitFile(Path file, String text) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.readString(file).contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail(file + " never contained '" + text + "':\n" + Files.readString(file));
            }
            Thread.sleep(50);
        }
    }
}
