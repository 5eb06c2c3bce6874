package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.mercator.api.Family;
import io.mercator.api.ParameterSpec;
import io.mercator.api.StrategyDescriptor;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.StrategyHealth;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyNotFoundException;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** {@code /api/v1/strategies}: list, describe, and set the default per family. */
final class StrategiesApi {

    private final StrategyRegistry registry;
    private final AuditLog audit;

    StrategiesApi(StrategyRegistry registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/strategies", Role.VIEWER, List.of(), "list strategies, optionally of one family",
                this::list);
        router.add("GET", "/api/v1/strategies/{family}/{name}", Role.VIEWER, List.of(),
                "describe a strategy with its parameters", this::describe);
        router.add("PUT", "/api/v1/strategies/{family}/default", Role.OPERATOR, List.of(Reply.JSON),
                "set the family's default strategy", this::setDefault);
    }

    private Reply list(Call call) {
        String family = call.queryParameter("family", null);
        List<StrategyInfo> strategies = family == null ? registry.list() : registry.list(family(family, "family"));
        JsonArray array = new JsonArray();
        strategies.forEach(s -> array.add(summary(s)));
        JsonObject body = new JsonObject();
        body.add("strategies", array);
        return Reply.ok(body);
    }

    private Reply describe(Call call) {
        Family family = family(call.pathParameter("family"), "family");
        String spec = call.pathParameter("name");
        String version = call.queryParameter("version", null);
        if (version != null) {
            spec = spec + "@" + version;
        }
        StrategyInfo info = registry.resolve(family, spec);
        JsonObject json = summary(info);
        JsonArray parameters = new JsonArray();
        for (ParameterSpec parameter : info.descriptor().parameters()) {
            parameters.add(parameter(parameter));
        }
        json.add("parameters", parameters);
        return Reply.ok(json);
    }

    private Reply setDefault(Call call) throws IOException {
        Family family = family(call.pathParameter("family"), "family");
        String spec = call.json().string("strategy").trim();
        String target = family.id() + " = " + spec;
        try {
            // a typo in a default would send every request of the family nowhere: it must name a strategy that exists
            StrategyInfo chosen = registry.resolve(family, spec);
            registry.setDefault(family, spec);
            audit.record(call.caller().name(), "default.set", target, "ok");
            JsonObject body = new JsonObject();
            body.addProperty("family", family.id());
            body.addProperty("default", registry.defaultSpec(family).orElse(spec));
            body.add("resolvesTo", summary(registry.list(family).stream()
                    .filter(s -> s.descriptor().name().equals(chosen.descriptor().name())
                            && s.descriptor().version().equals(chosen.descriptor().version()))
                    .findFirst().orElse(chosen)));
            return Reply.ok(body);
        } catch (StrategyNotFoundException | ValidationException refused) {
            audit.record(call.caller().name(), "default.set", target, "refused: " + refused.getMessage());
            throw refused;
        }
    }

    static Family family(String id, String field) {
        try {
            return Family.fromId(id);
        } catch (ValidationException unknown) {
            throw Problem.notFound(unknown.getMessage().replaceFirst("^family: ", "")).with("field", field)
                    .exception();
        }
    }

    static JsonObject summary(StrategyInfo info) {
        StrategyDescriptor descriptor = info.descriptor();
        JsonObject json = new JsonObject();
        json.addProperty("family", descriptor.family().id());
        json.addProperty("name", descriptor.name());
        json.addProperty("version", descriptor.version());
        json.addProperty("vendor", descriptor.vendor());
        json.addProperty("description", descriptor.description());
        json.addProperty("default", info.isDefault());
        json.addProperty("bundle", info.bundleSymbolicName());
        json.addProperty("bundleId", info.bundleId());
        json.addProperty("bundleVersion", info.bundleVersion());
        StrategyHealth health = info.health();
        JsonObject healthJson = new JsonObject();
        healthJson.addProperty("calls", health.calls());
        healthJson.addProperty("failures", health.failures());
        healthJson.addProperty("consecutiveFailures", health.consecutiveFailures());
        healthJson.addProperty("meanMillis", health.meanMillis());
        healthJson.addProperty("outOfRouting", health.outOfRouting());
        healthJson.addProperty("lastError", health.lastError());
        json.add("health", healthJson);
        return json;
    }

    private static JsonObject parameter(ParameterSpec parameter) {
        JsonObject json = new JsonObject();
        json.addProperty("name", parameter.name());
        json.addProperty("type", parameter.type().name().toLowerCase(Locale.ROOT));
        json.addProperty("description", parameter.description());
        Object value = parameter.defaultValue();
        json.add("default", value instanceof Number number ? new JsonPrimitive(number)
                : value instanceof Boolean flag ? new JsonPrimitive(flag) : new JsonPrimitive(String.valueOf(value)));
        if (parameter.type() == ParameterSpec.Type.INTEGER || parameter.type() == ParameterSpec.Type.DOUBLE) {
            if (Double.isFinite(parameter.min())) {
                json.addProperty("min", parameter.min());
            }
            if (Double.isFinite(parameter.max())) {
                json.addProperty("max", parameter.max());
            }
        }
        if (parameter.type() == ParameterSpec.Type.CHOICE) {
            JsonArray choices = new JsonArray();
            parameter.choices().forEach(choices::add);
            json.add("choices", choices);
        }
        return json;
    }
}
