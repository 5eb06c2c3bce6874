package io.mercator.launcher;

import com.google.gson.JsonParseException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local control channel of a running server: a small JSON-over-HTTP API on 127.0.0.1 used by
 * the CLI. Every request must carry {@code Authorization: Bearer <token>} with the token from
 * {@code run/control.token}, which only the owner of the home folder can read.
 */
final class ControlServer {

    /** What the channel exposes of the server. */
    interface Backend {
        ControlApi.Status status();

        List<ControlApi.BundleInfo> bundles();

        List<ControlApi.StrategyEntry> strategies();

        ControlApi.Report evaluate(ControlApi.EvaluateRequest request);

        /** @return the data endpoints (data sets, jobs, models); null until the framework runs */
        DataControl data();

        void requestShutdown();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] expectedAuthorization;
    private final Backend backend;

    private ControlServer(HttpServer server, ExecutorService executor, String token, Backend backend) {
        this.server = server;
        this.executor = executor;
        this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.backend = backend;
    }

    /**
     * Binds and starts the channel.
     *
     * @param port the loopback port
     * @param token the secret every request must present
     * @param backend what answers the requests
     * @return the running channel
     * @throws IllegalStateException with a user-facing message when the port is taken
     */
    static ControlServer start(int port, String token, Backend backend) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use; choose another with --port");
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the control port " + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mercator-control");
            thread.setDaemon(true);
            return thread;
        });
        ControlServer control = new ControlServer(server, executor, token, backend);
        server.setExecutor(executor);
        server.createContext("/", control::handle);
        server.start();
        return control;
    }

    /** @return the bound port */
    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 401, new ControlApi.Error("missing or wrong control token"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String endpoint = path.startsWith(ControlApi.PREFIX) ? path.substring(ControlApi.PREFIX.length()) : null;
            if (endpoint == null) {
                send(exchange, 404, new ControlApi.Error("no such endpoint: " + path));
                return;
            }
            switch (endpoint) {
                case "status" -> get(exchange, method, backend::status);
                case "bundles" -> get(exchange, method, backend::bundles);
                case "strategies" -> get(exchange, method, backend::strategies);
                case "evaluate" -> {
                    if (!"POST".equals(method)) {
                        send(exchange, 405, new ControlApi.Error("use POST for " + path));
                        return;
                    }
                    evaluate(exchange);
                }
                case "shutdown" -> {
                    if (!"POST".equals(method)) {
                        send(exchange, 405, new ControlApi.Error("use POST for " + path));
                        return;
                    }
                    send(exchange, 202, backend.status());
                    backend.requestShutdown();
                }
                default -> data(exchange, method, endpoint, path);
            }
        } catch (RuntimeException e) {
            LOG.warn("Control request {} failed", exchange.getRequestURI(), e);
            send(exchange, 500, new ControlApi.Error(String.valueOf(e.getMessage())));
        }
    }

    private void evaluate(HttpExchange exchange) throws IOException {
        ControlApi.EvaluateRequest request;
        try (InputStream body = exchange.getRequestBody()) {
            request = ControlApi.GSON.fromJson(new String(body.readAllBytes(), StandardCharsets.UTF_8),
                    ControlApi.EvaluateRequest.class);
        } catch (JsonParseException malformed) {
            send(exchange, 400, new ControlApi.Error("the request is not valid JSON: " + malformed.getMessage()));
            return;
        }
        try {
            send(exchange, 200, backend.evaluate(request));
        } catch (ValidationException invalid) {
            send(exchange, 400, new ControlApi.Error(invalid.getMessage()));
        } catch (StrategyNotFoundException | Evaluations.NoEvaluatorException missing) {
            send(exchange, 404, new ControlApi.Error(missing.getMessage()));
        }
    }

    private void data(HttpExchange exchange, String method, String endpoint, String path) throws IOException {
        if (!DataControl.handles(endpoint)) {
            send(exchange, 404, new ControlApi.Error("no such endpoint: " + path));
            return;
        }
        DataControl data = backend.data();
        if (data == null) {
            send(exchange, 503, new ControlApi.Error("Mercator is still starting"));
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DataControl.Answer answer = data.handle(method, endpoint, body);
        send(exchange, answer.status(), answer.body());
    }

    private static void get(HttpExchange exchange, String method, java.util.function.Supplier<?> answer)
            throws IOException {
        if (!"GET".equals(method)) {
            send(exchange, 405, new ControlApi.Error("use GET for " + exchange.getRequestURI().getPath()));
            return;
        }
        send(exchange, 200, answer.get());
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = ControlApi.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
