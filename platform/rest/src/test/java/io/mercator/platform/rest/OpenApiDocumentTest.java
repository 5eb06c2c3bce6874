package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps the hand-written OpenAPI document honest: it describes exactly the routes the server serves. */
class OpenApiDocumentTest {

    private static Router servedRoutes() {
        Router router = new Router();
        new SystemApi(null, null, null).register(router);
        new BundlesApi(null, null, null, Optional.empty(), null, null).register(router);
        new StrategiesApi(null, null).register(router);
        new TokensApi(null, null).register(router);
        new QueriesApi(null, null, null, 1, null).register(router);
        new ItemsApi(null, null).register(router);
        new DataApi(null, null, null, null).register(router);
        new EvaluationsApi(null, Path.of("."), null).register(router);
        return router;
    }

    private static JsonObject document() {
        return JsonParser.parseString(new String(SystemApi.openApi(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        Set<String> served = new TreeSet<>();
        servedRoutes().routes().forEach(route -> served.add(route.method() + " " + route.template()));
        served.add("GET " + RestServer.HEALTH);
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonElement> path : document().getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        assertEquals(served, documented);
    }

    @Test
    void documentedRequestBodiesMatchTheMediaTypesTheRoutesAccept() {
        JsonObject paths = document().getAsJsonObject("paths");
        for (Router.Route route : servedRoutes().routes()) {
            JsonObject operation = paths.getAsJsonObject(route.template())
                    .getAsJsonObject(route.method().toLowerCase(Locale.ROOT));
            Set<String> documented = operation.has("requestBody")
                    ? new TreeSet<>(operation.getAsJsonObject("requestBody").getAsJsonObject("content").keySet())
                    : Set.of();
            assertEquals(new TreeSet<>(route.consumes()), documented, route.method() + " " + route.template());
            assertTrue(operation.get("description").getAsString().contains("**" + route.role().id() + "**"),
                    route.method() + " " + route.template() + " documents its role");
        }
    }
}
