package io.mercator.platform.rest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handler's answer.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body
 * @param headers extra headers (e.g. {@code Location}, {@code Allow})
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping()
            .create();

    static Reply json(int status, JsonElement body) {
        return new Reply(status, JSON, GSON.toJson(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** @return a value (records, lists, maps) as JSON, the way replies write it */
    static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }

    static Reply ok(JsonElement body) {
        return json(200, body);
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply noContent() {
        return new Reply(204, JSON, new byte[0], Map.of());
    }

    static Reply problem(Problem problem, String instance) {
        Reply reply = new Reply(problem.status(), Problem.MEDIA_TYPE,
                GSON.toJson(problem.toJson(instance)).getBytes(StandardCharsets.UTF_8), Map.of());
        Object allow = problem.extensions().get("allow");
        return allow == null ? reply : reply.withHeader("Allow", allow.toString());
    }

    /** @return a copy with one more header */
    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }
}
