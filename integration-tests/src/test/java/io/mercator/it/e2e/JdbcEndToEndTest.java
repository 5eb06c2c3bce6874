package io.mercator.it.e2e;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mercator.testing.postgres.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A database connection configured by a file in conf/ of the shipped distribution: the CLI imports
 * a query's result (rejected with the bad row's number, then with bad rows skipped), appends only the
 * rows past the watermark, names an unknown connection, and writes a forecast into a table; the
 * REST API imports a query the same way.
 */
public class JdbcEndToEndTest {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    private static PostgresServer server;
    private static String database;
    private static Installation installation;

    @BeforeClass
    public static void startServer() throws Exception {
        server = PostgresServer.shared();
        database = server.createDatabase("e2e_jdbc");
        sql("CREATE TABLE sales (sku text, week integer, units integer)");
        StringBuilder rows = new StringBuilder("INSERT INTO sales VALUES ");
        for (int week = 1; week <= 12; week++) {
            rows.append(week == 1 ? "" : ", ").append("('A', ").append(week).append(", ").append(10 + week % 3)
                    .append("), ('B', ").append(week).append(", ").append(week == 5 ? -4 : 3).append(')');
        }
        sql(rows.toString());
        installation = new Installation(TEMP.getRoot().toPath());
        Files.writeString(installation.home().resolve("conf/io.mercator.connection-erp.cfg"),
                "url=" + server.url(database) + "\nuser=" + server.user() + "\n.password=" + server.password() + "\n");
        installation.start();
    }

    @AfterClass
    public static void stopServer() throws Exception {
        installation.close();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = server.connect(database); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection connection = server.connect(database); Statement run = connection.createStatement();
                ResultSet result = run.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    public void importAppendAndExportThroughANamedConnection() throws Exception {
        String query = "SELECT sku, week AS period, units AS demand FROM sales ORDER BY week, sku";
        Installation.Result rejected = installation.cli("import", "optimization", "--connection", "erp", "--query",
                query);
        assertEquals(rejected.toString(), 1, rejected.exit());
        assertTrue(rejected.toString(), rejected.err().contains("(the first: query on erp line 10 column demand:"
                + " -4 must be >= 0)"));

        Installation.Result imported = installation.cli("import", "optimization", "--connection", "erp", "--query",
                query, "--skip-bad-rows", "--watermark", "period");
        assertEquals(imported.toString(), 0, imported.exit());
        Matcher id = Pattern.compile("Imported 23 rows into (optimization-[0-9a-f]{8})").matcher(imported.out());
        assertTrue(imported.toString(), id.find());

        sql("INSERT INTO sales VALUES ('A', 13, 11), ('B', 13, 2), ('A', 12, 99)");
        Installation.Result appended = installation.cli("import", "optimization", "--connection", "erp", "--query",
                query, "--append-to", id.group(1));
        assertEquals(appended.toString(), 0, appended.exit());
        assertTrue(appended.toString(), appended.out().contains("Appended 2 rows into " + id.group(1)));
        assertTrue(installation.cli("datasets", "show", id.group(1)).out().contains("rows:      25"));

        Installation.Result unknown = installation.cli("import", "optimization", "--connection", "crm", "--query",
                query);
        assertEquals(unknown.toString(), 1, unknown.exit());
        assertTrue(unknown.toString(), unknown.err().contains("no connection named 'crm' is configured (there are erp)"));

        Installation.Result series = installation.cli("import", "forecasting", "--connection", "erp", "--query",
                "SELECT sku AS series_id, week AS period, units AS value FROM sales WHERE units >= 0 AND week <= 13"
                        + " AND NOT (sku = 'A' AND units = 99)");
        assertEquals(series.toString(), 0, series.exit());
        Matcher forecasting = Pattern.compile("into (forecasting-[0-9a-f]{8})").matcher(series.out());
        assertTrue(series.toString(), forecasting.find());
        Installation.Result trained = installation.cli("train", "forecasting", forecasting.group(1), "-s", "naive");
        assertEquals(trained.toString(), 0, trained.exit());
        Installation.Result exported = installation.cli("forecast", "A", "--horizon", "3", "--to-table", "forecasts",
                "--connection", "erp");
        assertEquals(exported.toString(), 0, exported.exit());
        assertTrue(exported.toString(), exported.out().contains("Wrote 3 rows to forecasts (connection erp, replace)"));
        assertEquals(3, count("forecasts"));
    }

    @Test
    public void theRestApiImportsAQueryAndReportsItsBadRowsByNumber() throws Exception {
        String query = "SELECT sku, week AS period, units AS demand FROM sales WHERE week <= 12 AND units <> 99"
                + " ORDER BY week, sku"; // the rows as before the other test's inserts, whichever runs first
        HttpResponse<String> rejected = post("/api/v1/datasets/query", "{\"family\":\"optimization\","
                + "\"connection\":\"erp\",\"query\":\"" + query + "\"}");
        assertEquals(rejected.body(), 400, rejected.statusCode());
        JsonObject problem = JsonParser.parseString(rejected.body()).getAsJsonObject();
        assertEquals(rejected.body(), 10, problem.get("line").getAsInt());
        assertEquals(rejected.body(), "demand", problem.get("column").getAsString());

        HttpResponse<String> created = post("/api/v1/datasets/query", "{\"family\":\"optimization\","
                + "\"connection\":\"erp\",\"query\":\"" + query + "\",\"policy\":\"skip\",\"label\":\"nightly\"}");
        assertEquals(created.body(), 201, created.statusCode());
        JsonObject dataset = JsonParser.parseString(created.body()).getAsJsonObject();
        assertEquals(created.body(), 23, dataset.get("rows").getAsInt());
        assertEquals("/api/v1/datasets/" + dataset.get("id").getAsString(),
                created.headers().firstValue("Location").orElse(""));

        HttpResponse<String> unknown = post("/api/v1/datasets/query", "{\"family\":\"optimization\","
                + "\"connection\":\"crm\",\"query\":\"SELECT 1\"}");
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("no connection named 'crm'"));
    }

    /**
     * Posts JSON to the REST API with the operator token the server keeps for the local command line
     * (written once the REST bundle has started, shortly after the server reports it started).
     */
    private static HttpResponse<String> post(String path, String json) throws Exception {
        Path file = installation.home().resolve("run/rest.json");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        JsonObject access = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        HttpRequest request = HttpRequest.newBuilder(URI.create(access.get("url").getAsString() + path))
                .header("Authorization", "Bearer " + access.get("token").getAsString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
