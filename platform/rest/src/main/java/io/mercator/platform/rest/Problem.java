package io.mercator.platform.rest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyCallException;
import io.mercator.api.runtime.StrategyNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error answer in the form of RFC 9457 ({@code application/problem+json}): a type URI per kind
 * of problem, a short title, the status, a detail sentence for the user and the request path as
 * instance, plus extension members that point at what is at fault ({@code field}, {@code row},
 * {@code line}, {@code column}).
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:mercator:problem:";
    private static final Pattern JSON_POSITION = Pattern.compile("line (\\d+) column (\\d+)(?: path (\\S+))?");

    /** Copies the extensions. */
    public Problem {
        extensions = Map.copyOf(extensions);
    }

    /**
     * @param slug the kind of problem, e.g. {@code validation}; becomes {@code urn:mercator:problem:<slug>}
     * @param title the short summary of that kind, the same for every occurrence
     * @param status the HTTP status
     * @param detail what went wrong this time
     * @return the problem without extensions
     */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, Map.of());
    }

    /**
     * @param name an extension member, e.g. {@code field}
     * @param value its value: a string, a number or a JSON element
     * @return a copy with that member
     */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, more);
    }

    /** @return the problem as a throwable, for code that finds it deep inside a handler */
    public ProblemException exception() {
        return new ProblemException(this);
    }

    /**
     * @param instance the request path the problem occurred at
     * @return the JSON document
     */
    public JsonObject toJson(String instance) {
        JsonObject json = new JsonObject();
        json.addProperty("type", type);
        json.addProperty("title", title);
        json.addProperty("status", status);
        json.addProperty("detail", detail);
        json.addProperty("instance", instance);
        extensions.forEach((name, value) -> {
            if (value instanceof Number number) {
                json.addProperty(name, number);
            } else if (value instanceof JsonElement element) {
                json.add(name, element);
            } else {
                json.addProperty(name, String.valueOf(value));
            }
        });
        return json;
    }

    /**
     * Maps what a handler threw to the problem to answer with.
     *
     * @param thrown the exception
     * @return its problem, or null when it is not a known kind (an internal error)
     */
    static Problem from(Throwable thrown) {
        if (thrown instanceof ProblemException problem) {
            return problem.problem();
        }
        if (thrown instanceof ValidationException invalid) {
            Problem problem = badRequest(invalid.field(), invalid.getMessage());
            return invalid.row() == ValidationException.NO_ROW ? problem : problem.with("row", invalid.row());
        }
        if (thrown instanceof StrategyNotFoundException missing) {
            return of("no-strategy", "No such strategy", 404, missing.getMessage())
                    .with("field", "strategy");
        }
        if (thrown instanceof StrategyCallException failed) {
            return of("strategy-failed", "The strategy failed", 500, failed.getMessage());
        }
        if (thrown instanceof JsonParseException malformed) {
            String message = malformed.getCause() != null && malformed.getCause().getMessage() != null
                    ? malformed.getCause().getMessage() : String.valueOf(malformed.getMessage());
            Problem problem = of("malformed-json", "Malformed JSON", 400, "the body is not valid JSON: " + message);
            Matcher position = JSON_POSITION.matcher(message);
            if (position.find()) {
                problem = problem.with("line", Integer.parseInt(position.group(1)))
                        .with("column", Integer.parseInt(position.group(2)));
                if (position.group(3) != null) {
                    problem = problem.with("field", position.group(3));
                }
            }
            return problem;
        }
        return null;
    }

    /** Common problems. */
    static Problem badRequest(String field, String detail) {
        return of("validation", "Invalid request", 400, detail).with("field", field);
    }

    static Problem notFound(String detail) {
        return of("not-found", "Not found", 404, detail);
    }

    static Problem conflict(String detail) {
        return of("conflict", "Conflict with the current state", 409, detail);
    }

    /** Thrown by handlers; the server answers with the problem. */
    public static final class ProblemException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Problem problem;

        ProblemException(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        /** @return the problem to answer with */
        public Problem problem() {
            return problem;
        }
    }
}
