package io.mercator.platform.rest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One authenticated request as a handler sees it.
 *
 * @param method the HTTP method
 * @param path the request path
 * @param pathParameters the values of the route template's {@code {names}}
 * @param query the query parameters
 * @param contentType the body's media type, lower case without parameters (empty when there is no body)
 * @param body the body, within the size limit (empty when there is none or it was spooled)
 * @param spooledBody the file holding the body of a spooled route (deleted after the answer), else null
 * @param caller the token that made the request
 */
record Call(String method, String path, Map<String, String> pathParameters, Map<String, List<String>> query,
        String contentType, byte[] body, Path spooledBody,
        TokenStore.Token caller) {

    /** @return a path parameter of the route */
    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** @return the first value of a query parameter, or the fallback */
    String queryParameter(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    /** @return the body as a JSON object */
    JsonBody json() {
        return JsonBody.parse(body);
    }
}
