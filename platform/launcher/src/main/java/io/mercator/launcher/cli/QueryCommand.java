package io.mercator.launcher.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mercator.launcher.Main;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * What the query commands ({@code forecast}, {@code recommend}, {@code plan}, {@code segment},
 * {@code price}) share: they ask the running server's REST API, the one place the queries are
 * answered, with the operator token the server keeps for this machine's command line in
 * {@code run/rest.json} (owner-only, deleted at stop).
 */
abstract class QueryCommand extends ClientCommand {

    /** The file the REST bundle writes at start: the API's address and the local operator token. */
    static final String ACCESS_FILE = "rest.json";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--model", paramLabel = "ID",
            description = "A stored model's id ('mercator models'); default: the family's newest model.")
    String model;

    @Option(names = "--json", description = "Print the REST API's JSON answer instead of a table.")
    boolean json;

    @Option(names = "--to-table", paramLabel = "TABLE",
            description = "Also write the answer into this database table (created when missing; [schema.]name).")
    String toTable;

    @Option(names = "--connection", paramLabel = "NAME",
            description = "The configured database connection of --to-table (conf/io.mercator.connection-NAME.cfg).")
    String connection;

    @Option(names = "--append", description = "Add the rows to --to-table instead of replacing its rows.")
    boolean append;

    /**
     * Posts a query to the local REST API.
     *
     * @param path the API path, e.g. {@code /api/v1/filtering/recommend}
     * @param body the request; {@code model} is added when {@code --model} was given
     * @return the answer
     * @throws Main.ExitException when no server runs, the API cannot be reached or refuses the query
     */
    JsonObject query(String path, JsonObject body) {
        client();
        Path file = home().run().resolve(ACCESS_FILE);
        JsonObject access;
        try {
            access = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (NoSuchFileException missing) {
            throw new Main.ExitException(1, "the REST API is not running (no " + file + "); see logs/mercator.log");
        } catch (IOException | JsonParseException | IllegalStateException unreadable) {
            throw new Main.ExitException(1, "cannot read " + file + ": " + unreadable.getMessage());
        }
        if (model != null) {
            body.addProperty("model", model);
        }
        if ((toTable == null) != (connection == null)) {
            throw new IllegalArgumentException("--to-table and --connection go together");
        }
        if (toTable != null) {
            JsonObject exportTo = new JsonObject();
            exportTo.addProperty("connection", connection);
            exportTo.addProperty("table", toTable);
            exportTo.addProperty("mode", append ? "append" : "replace");
            body.add("exportTo", exportTo);
        }
        String url = access.get("url").getAsString() + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + access.get("token").getAsString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw new Main.ExitException(1, "the REST API does not answer at " + url);
        } catch (IOException failed) {
            throw new Main.ExitException(1, "the REST API at " + url + " failed: " + failed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Main.ExitException(1, "interrupted");
        }
        JsonElement answer;
        try {
            answer = JsonParser.parseString(response.body());
        } catch (JsonParseException notJson) {
            throw new Main.ExitException(1, "the REST API answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            JsonObject problem = answer.isJsonObject() ? answer.getAsJsonObject() : new JsonObject();
            String detail = problem.has("detail") ? problem.get("detail").getAsString() : response.body();
            throw new Main.ExitException(1, detail);
        }
        JsonObject result = answer.getAsJsonObject();
        if (result.has("exported") && !json) {
            JsonObject exported = result.getAsJsonObject("exported");
            out().printf("Wrote %,d rows to %s (connection %s, %s)%n", exported.get("rows").getAsLong(),
                    exported.get("table").getAsString(), exported.get("connection").getAsString(),
                    exported.get("mode").getAsString());
            err().flush();
        }
        return result;
    }

    /**
     * Prints the answer as JSON when {@code --json} was given.
     *
     * @param answer the REST API's answer
     * @return true when printed, so that the caller prints no table
     */
    boolean printedAsJson(JsonObject answer) {
        if (json) {
            out().println(answer);
            out().flush();
        }
        return json;
    }

    /** @return the stored model an answer came from, as one line */
    static String modelLine(JsonObject answer) {
        JsonObject stored = answer.getAsJsonObject("model");
        return "model " + stored.get("id").getAsString() + " (" + stored.get("strategy").getAsString() + " "
                + stored.get("strategyVersion").getAsString() + ", trained " + stored.get("createdAt").getAsString()
                + ")";
    }

    static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
