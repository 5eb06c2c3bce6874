package io.mercator.platform.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's routes: method, path template with {@code {name}} segments, the role it needs, the
 * media types its body may have, and its handler. Finds the route of a request, or the right
 * problem: 404 for an unknown path, 405 (with the allowed methods) for a known path asked with
 * another method.
 */
final class Router {

    /** Answers one route's calls. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    /**
     * @param method GET, POST, PUT or DELETE
     * @param template e.g. {@code /api/v1/bundles/{id}}
     * @param role the least role that may call it
     * @param consumes the body media types accepted; empty when the route takes no body
     * @param summary one line for the route list
     * @param spooled whether the body goes to a temporary file (large uploads) instead of memory
     * @param handler what answers
     */
    record Route(String method, String template, Role role, List<String> consumes, String summary, boolean spooled,
            Handler handler) {
        Route {
            consumes = List.copyOf(consumes);
        }
    }

    /** A route with the values of its template's parameters. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Role role, List<String> consumes, String summary,
            Handler handler) {
        routes.add(new Route(method, template, role, consumes, summary, false, handler));
        return this;
    }

    /** Adds a route whose body is spooled to a temporary file, which the handler reads as {@link Call#spooledBody()}. */
    Router addSpooled(String method, String template, Role role, List<String> consumes, String summary,
            Handler handler) {
        routes.add(new Route(method, template, role, consumes, summary, true, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * @param method the request method
     * @param path the request path
     * @return the matching route
     * @throws Problem.ProblemException 404 or 405
     */
    Match match(String method, String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = parameters(route.template(), path);
            if (parameters != null) {
                if (route.method().equals(method)) {
                    return new Match(route, parameters);
                }
                allowed.add(route.method());
            }
        }
        if (allowed.isEmpty()) {
            throw Problem.notFound("no API resource at " + path).exception();
        }
        throw Problem.of("method-not-allowed", "Method not allowed", 405,
                method + " is not allowed on " + path + "; allowed: " + String.join(", ", allowed))
                .with("allow", String.join(", ", allowed)).exception();
    }

    /** @return the template's parameters when the path matches it, else null */
    static Map<String, String> parameters(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return null;
            }
        }
        return parameters;
    }
}
