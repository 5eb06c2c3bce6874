package io.mercator.platform.rest;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.service.log.Logger;

/**
 * The embedded Jetty server: one core handler for {@code /health} and {@code /api/v1}, which
 * authenticates, routes, checks the role, the body's media type and size, calls the route's
 * handler and turns every failure into a problem document; plus the static files of the web
 * console under {@code /console/} when that folder exists.
 */
final class RestServer {

    /** Where and how to listen. */
    record Settings(String host, int port, long maxBodyBytes, int threads, Path consoleFolder, Path spoolFolder) {
    }

    static final String HEALTH = "/health";
    static final String CONSOLE = "/console";
    /** Most bytes of a refused request body read (and dropped) before the connection is closed. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param settings where to listen and the limits
     * @param router the API's routes
     * @param tokens the tokens to check
     * @param metrics where request counts and latency go
     * @param health the body of {@code /health}
     * @param logger for internal errors
     */
    RestServer(Settings settings, Router router, TokenStore tokens, Metrics metrics, Supplier<JsonObject> health,
            Logger logger) {
        QueuedThreadPool threads = new QueuedThreadPool(settings.threads(), Math.min(4, settings.threads()));
        threads.setName("mercator-rest");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        ApiHandler api = new ApiHandler(settings.maxBodyBytes(), settings.spoolFolder(), router, tokens, metrics,
                health, logger);
        if (settings.consoleFolder() != null && Files.isDirectory(settings.consoleFolder())) {
            ResourceHandler files = new ResourceHandler();
            files.setBaseResource(ResourceFactory.of(files).newResource(settings.consoleFolder()));
            files.setDirAllowed(false);
            files.setWelcomeFiles(List.of("index.html"));
            ContextHandler console = new ContextHandler(files, CONSOLE);
            server.setHandler(new Handler.Sequence(api, console));
        } else {
            server.setHandler(api);
        }
        server.setErrorHandler(new ProblemErrorHandler());
    }

    /** Starts listening; when that fails, stops what did start, so that nothing is left half-running. */
    void start() throws Exception {
        try {
            server.start();
        } catch (IOException | RuntimeException failed) {
            server.stop();
            throw failed;
        }
    }

    /** @return the port listened on (the real one when 0 was asked for) */
    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        server.stop();
    }

    /** Everything but the console's files. */
    private static final class ApiHandler extends Handler.Abstract {
        private final long maxBodyBytes;
        private final Path spoolFolder;
        private final Router router;
        private final TokenStore tokens;
        private final Metrics metrics;
        private final Supplier<JsonObject> health;
        private final Logger logger;

        ApiHandler(long maxBodyBytes, Path spoolFolder, Router router, TokenStore tokens, Metrics metrics,
                Supplier<JsonObject> health, Logger logger) {
            this.maxBodyBytes = maxBodyBytes;
            this.spoolFolder = spoolFolder;
            this.router = router;
            this.tokens = tokens;
            this.metrics = metrics;
            this.health = health;
            this.logger = logger;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long begin = System.nanoTime();
            String path = request.getHttpURI().getDecodedPath();
            if (path == null) {
                path = "";
            }
            if (path.equals(CONSOLE) || path.startsWith(CONSOLE + "/")) {
                return false;
            }
            String method = request.getMethod();
            String route = "(unmatched)";
            Reply reply;
            boolean bodyRead = false;
            Path spooled = null;
            try {
                if (path.equals(HEALTH)) {
                    route = HEALTH;
                    reply = method.equals("GET") ? Reply.ok(health.get())
                            : Reply.problem(Problem.of("method-not-allowed", "Method not allowed", 405,
                                    method + " is not allowed on " + HEALTH + "; allowed: GET")
                                    .with("allow", "GET"), path);
                } else {
                    TokenStore.Token caller = authenticate(request);
                    Router.Match match = router.match(method, path);
                    route = match.route().template();
                    if (!caller.role().includes(match.route().role())) {
                        throw Problem.of("forbidden", "Forbidden", 403, "token '" + caller.name() + "' has the role "
                                + caller.role().id() + "; " + method + " " + route + " needs "
                                + match.route().role().id()).exception();
                    }
                    Router.Route matched = match.route();
                    String contentType = matched.consumes().isEmpty() ? "" : mediaType(request);
                    if (!matched.consumes().isEmpty()) {
                        checkBody(request, contentType, matched.consumes());
                    }
                    byte[] body = matched.consumes().isEmpty() || matched.spooled() ? new byte[0] : readBody(request);
                    spooled = matched.spooled() ? spool(request) : null;
                    bodyRead = true;
                    Call call = new Call(method, path, match.parameters(), query(request), contentType, body, spooled,
                            caller);
                    reply = matched.handler().handle(call);
                }
            } catch (Throwable thrown) {
                reply = answer(thrown, method, path);
            } finally {
                deleteSpooled(spooled);
            }
            if (!bodyRead && (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
                // the answer came before the body was read (401, 413, 415, ...): the rest of it may still be on
                // its way, so the connection cannot serve another request; tell the client not to reuse it
                reply = reply.withHeader(HttpHeader.CONNECTION.asString(), "close");
                drain(request);
            }
            send(reply, response, callback);
            metrics.request(method, route, reply.status(), (System.nanoTime() - begin) / 1e9);
            return true;
        }

        private Reply answer(Throwable thrown, String method, String path) {
            Problem problem = Problem.from(thrown);
            if (problem == null) {
                logger.error("{} {} failed: {}", method, path, thrown.toString(), thrown);
                problem = Problem.of("internal", "Internal error", 500,
                        "the server failed to answer; its log (logs/mercator.log) has the details");
            }
            return Reply.problem(problem, path);
        }

        private TokenStore.Token authenticate(Request request) {
            String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            if (header == null || header.isBlank()) {
                throw unauthorized("this request needs an API token: send 'Authorization: Bearer <token>'");
            }
            String[] parts = header.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
                throw unauthorized("the Authorization header must be 'Bearer <token>'");
            }
            Optional<TokenStore.Token> token = tokens.authenticate(parts[1].trim());
            return token.orElseThrow(() -> unauthorized("the token is unknown or was revoked"));
        }

        private static Problem.ProblemException unauthorized(String detail) {
            return Problem.of("unauthorized", "Unauthorized", 401, detail).exception();
        }

        private static String mediaType(Request request) {
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        }

        /**
         * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT} bytes. Closing a
         * connection with unread bytes in its receive buffer resets it, and a client still sending
         * would then lose the answer instead of reading it; past the limit the reset is accepted.
         */
        private void drain(Request request) {
            InputStream in = Content.Source.asInputStream(request);
            byte[] buffer = new byte[64 * 1024];
            try {
                long left = DRAIN_LIMIT;
                int read;
                while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                    left -= read;
                }
            } catch (IOException | RuntimeException gone) {
                logger.debug("Stopped draining a refused request body: {}", gone.toString());
            }
        }

        /** Refuses a body of another media type (415) or declared larger than the limit (413). */
        private void checkBody(Request request, String mediaType, List<String> consumes) {
            if (!consumes.contains(mediaType)) {
                throw Problem.of("unsupported-media-type", "Unsupported media type", 415,
                        (mediaType.isEmpty() ? "the request has no Content-Type" : "Content-Type " + mediaType
                                + " is not accepted") + "; send " + String.join(" or ", consumes))
                        .with("field", "Content-Type").with("accept", String.join(", ", consumes)).exception();
            }
            long declared = request.getLength();
            if (declared > maxBodyBytes) {
                throw tooLarge(declared + " bytes");
            }
        }

        private byte[] readBody(Request request) throws IOException {
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (body.length > maxBodyBytes) {
                    throw tooLarge("more than " + maxBodyBytes + " bytes");
                }
                return body;
            }
        }

        /** @return a temporary file with the body, which may not exceed the limit either (413 then, and no file) */
        private Path spool(Request request) throws IOException {
            Files.createDirectories(spoolFolder);
            Path file = Files.createTempFile(spoolFolder, ".body-", ".upload");
            try (InputStream in = Content.Source.asInputStream(request); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    total += read;
                    if (total > maxBodyBytes) {
                        throw tooLarge("more than " + maxBodyBytes + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
                return file;
            } catch (IOException | RuntimeException failed) {
                Files.deleteIfExists(file);
                throw failed;
            }
        }

        private void deleteSpooled(Path file) {
            if (file == null) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException cannotDelete) {
                logger.warn("Could not delete the spooled request body {}: {}", file, cannotDelete.getMessage());
            }
        }

        private Problem.ProblemException tooLarge(String size) {
            return Problem.of("too-large", "Content too large", 413, "the body has " + size + "; the limit is "
                    + maxBodyBytes + " bytes (max.body.bytes in conf/io.mercator.rest.cfg)")
                    .with("field", "body").with("limit", maxBodyBytes).exception();
        }

        private static Map<String, List<String>> query(Request request) {
            Fields fields = Request.extractQueryParameters(request);
            Map<String, List<String>> query = new java.util.LinkedHashMap<>();
            fields.forEach(field -> query.put(field.getName(), field.getValues()));
            return query;
        }
    }

    private static void send(Reply reply, Response response, Callback callback) {
        response.setStatus(reply.status());
        if (reply.body().length > 0) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (reply.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"mercator\"");
        }
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** Errors Jetty finds itself (malformed requests, ...) as problem documents too. */
    private static final class ProblemErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object message = request.getAttribute(ERROR_MESSAGE);
            Problem problem = Problem.of("http", "HTTP error", status,
                    message == null ? "the request could not be handled" : message.toString());
            send(Reply.problem(problem, request.getHttpURI().getPath()), response, callback);
            return true;
        }
    }
}
