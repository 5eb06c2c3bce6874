package io.mercator.launcher.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import io.mercator.launcher.ControlApi;
import io.mercator.launcher.RunFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Talks to a running server over its control channel. */
final class ControlClient {

    private static final Gson GSON = new GsonBuilder().create();

    private final RunFiles.Contact contact;

    ControlClient(RunFiles.Contact contact) {
        this.contact = contact;
    }

    RunFiles.Contact contact() {
        return contact;
    }

    ControlApi.Status status() {
        return call("GET", "status", ControlApi.Status.class);
    }

    List<ControlApi.BundleInfo> bundles() {
        return call("GET", "bundles", new TypeToken<List<ControlApi.BundleInfo>>() { }.getType());
    }

    List<ControlApi.StrategyEntry> strategies() {
        return call("GET", "strategies", new TypeToken<List<ControlApi.StrategyEntry>>() { }.getType());
    }

    ControlApi.Status shutdown() {
        return call("POST", "shutdown", ControlApi.Status.class);
    }

    /** Evaluations fit every strategy on the data, so they may take long: no read timeout. */
    ControlApi.Report evaluate(ControlApi.EvaluateRequest request) {
        return call("POST", "evaluate", GSON.toJson(request), ControlApi.Report.class, 0);
    }

    /** Imports read the whole file before answering: no read timeout. */
    ControlApi.DatasetEntry importFile(ControlApi.ImportRequest request) {
        return call("POST", "import", GSON.toJson(request), ControlApi.DatasetEntry.class, 0);
    }

    /**
     * @param rejection the failure of {@link #importFile}
     * @return the bad rows of a rejected import, if the server sent them
     */
    static Optional<ControlApi.ImportFailure> importFailure(ControlException rejection) {
        try {
            ControlApi.ImportFailure failure = GSON.fromJson(rejection.body(), ControlApi.ImportFailure.class);
            return Optional.ofNullable(failure).filter(found -> found.report() != null);
        } catch (JsonParseException notAFailure) {
            return Optional.empty();
        }
    }

    List<ControlApi.DatasetEntry> datasets() {
        return call("GET", "datasets", new TypeToken<List<ControlApi.DatasetEntry>>() { }.getType());
    }

    ControlApi.DatasetEntry dataset(String id) {
        return call("GET", "datasets/" + id, ControlApi.DatasetEntry.class);
    }

    void deleteDataset(String id) {
        call("DELETE", "datasets/" + id, Object.class);
    }

    ControlApi.JobEntry train(ControlApi.TrainRequest request) {
        return call("POST", "train", GSON.toJson(request), ControlApi.JobEntry.class, 15000);
    }

    ControlApi.JobEntry score(ControlApi.ScoreRequest request) {
        return call("POST", "score", GSON.toJson(request), ControlApi.JobEntry.class, 15000);
    }

    List<ControlApi.JobEntry> jobs() {
        return call("GET", "jobs", new TypeToken<List<ControlApi.JobEntry>>() { }.getType());
    }

    List<ControlApi.ScheduleEntry> schedules() {
        return call("GET", "schedules", new TypeToken<List<ControlApi.ScheduleEntry>>() { }.getType());
    }

    ControlApi.JobEntry job(String id) {
        return call("GET", "jobs/" + id, ControlApi.JobEntry.class);
    }

    ControlApi.JobEntry cancelJob(String id) {
        return call("POST", "jobs/" + id + "/cancel", ControlApi.JobEntry.class);
    }

    List<ControlApi.ModelEntry> models() {
        return call("GET", "models", new TypeToken<List<ControlApi.ModelEntry>>() { }.getType());
    }

    private <T> T call(String method, String endpoint, Type type) {
        return call(method, endpoint, "", type, 15000);
    }

    private <T> T call(String method, String endpoint, String requestBody, Type type, int readTimeoutMillis) {
        String address = "http://127.0.0.1:" + contact.port() + ControlApi.PREFIX + endpoint;
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(address).openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setRequestProperty("Authorization", "Bearer " + contact.token());
            if ("POST".equals(method)) {
                byte[] bytes = requestBody.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(bytes.length);
                connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int code = connection.getResponseCode();
            InputStream body = code >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = body == null ? "" : readAll(body);
            if (code >= 400) {
                String error = text;
                try {
                    error = GSON.fromJson(text, ControlApi.Error.class).error();
                } catch (JsonParseException | NullPointerException notJson) {
                    // keep the raw text
                }
                throw new ControlException("the server answered " + code + " to " + endpoint + ": " + error, text);
            }
            return GSON.fromJson(text, type);
        } catch (ConnectException e) {
            throw new ControlException("no answer on 127.0.0.1:" + contact.port() + " (pid " + contact.pid() + ")");
        } catch (IOException e) {
            throw new ControlException("control channel 127.0.0.1:" + contact.port() + " failed: " + e.getMessage());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The control channel could not be used; the message is fit for the user. */
    static final class ControlException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String body;

        ControlException(String message) {
            this(message, "");
        }

        ControlException(String message, String body) {
            super(message);
            this.body = body;
        }

        /** @return the body of the server's error answer; empty when there was none */
        String body() {
            return body;
        }
    }
}
