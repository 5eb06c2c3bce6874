package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object from a request body, read field by field: every accessor names the field's path
 * ({@code series[2].values[5]}) in the 400 problem it raises for a missing or mistyped value.
 */
final class JsonBody {

    private final JsonObject object;
    private final String path;

    private JsonBody(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    /**
     * @param body the request body, UTF-8
     * @return the body's top-level object
     * @throws Problem.ProblemException when the body is empty, not JSON or not an object
     */
    static JsonBody parse(byte[] body) {
        if (body.length == 0) {
            throw Problem.badRequest("body", "the request needs a JSON object as its body").exception();
        }
        JsonReader reader = new JsonReader(new StringReader(new String(body, StandardCharsets.UTF_8)));
        reader.setStrictness(Strictness.STRICT);
        JsonElement element = JsonParser.parseReader(reader);
        if (!element.isJsonObject()) {
            throw Problem.badRequest("body", "the body must be a JSON object, not " + kind(element)).exception();
        }
        return new JsonBody(element.getAsJsonObject(), "");
    }

    private String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    String string(String field) {
        return asString(required(field), pathOf(field));
    }

    String string(String field, String fallback) {
        return has(field) ? string(field) : fallback;
    }

    int integer(String field, int fallback, int min, int max) {
        if (!has(field)) {
            return fallback;
        }
        double value = number(object.get(field), pathOf(field));
        if (value != Math.rint(value) || value < min || value > max) {
            throw Problem.badRequest(pathOf(field), pathOf(field) + ": " + format(value)
                    + " must be a whole number between " + min + " and " + max).exception();
        }
        return (int) value;
    }

    double real(String field, double fallback) {
        return has(field) ? number(object.get(field), pathOf(field)) : fallback;
    }

    double real(String field) {
        return number(required(field), pathOf(field));
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonElement value = object.get(field);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean();
        }
        throw Problem.badRequest(pathOf(field), pathOf(field) + ": expected true or false, got " + kind(value))
                .exception();
    }

    double[] reals(String field) {
        JsonArray array = array(field);
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(array.get(i), pathOf(field) + "[" + i + "]");
        }
        return values;
    }

    double[] reals(String field, double[] fallback) {
        return has(field) ? reals(field) : fallback;
    }

    Set<String> strings(String field) {
        Set<String> values = new LinkedHashSet<>();
        if (!has(field)) {
            return values;
        }
        JsonArray array = array(field);
        for (int i = 0; i < array.size(); i++) {
            values.add(asString(array.get(i), pathOf(field) + "[" + i + "]"));
        }
        return values;
    }

    /** @return a member object; it knows its own path */
    JsonBody object(String field) {
        required(field);
        return new JsonBody(objectAt(field), pathOf(field));
    }

    /** @return the elements of an array of objects; each knows its own path */
    List<JsonBody> objects(String field) {
        JsonArray array = array(field);
        List<JsonBody> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = pathOf(field) + "[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw Problem.badRequest(at, at + ": expected an object, got " + kind(array.get(i))).exception();
            }
            objects.add(new JsonBody(array.get(i).getAsJsonObject(), at));
        }
        return objects;
    }

    /** @return an object's members as plain Java values (numbers, strings, booleans), for strategy parameters */
    Map<String, Object> plainObject(String field) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!has(field)) {
            return values;
        }
        for (Map.Entry<String, JsonElement> member : objectAt(field).entrySet()) {
            JsonElement value = member.getValue();
            String at = pathOf(field) + "." + member.getKey();
            if (!value.isJsonPrimitive()) {
                throw Problem.badRequest(at, at + ": expected a number, string or boolean, got " + kind(value))
                        .exception();
            }
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            values.put(member.getKey(), primitive.isBoolean() ? (Object) primitive.getAsBoolean()
                    : primitive.isNumber() ? (Object) primitive.getAsDouble() : primitive.getAsString());
        }
        return values;
    }

    /** @return an object's members as finite numbers, e.g. capacities per warehouse id; empty when absent */
    Map<String, Double> realObject(String field) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (has(field)) {
            objectAt(field).entrySet().forEach(member -> values.put(member.getKey(),
                    number(member.getValue(), pathOf(field) + "." + member.getKey())));
        }
        return values;
    }

    /** @return an object's members as text, the form training parameters take (whole numbers without ".0") */
    Map<String, String> textObject(String field) {
        Map<String, String> values = new LinkedHashMap<>();
        plainObject(field).forEach((name, value) -> values.put(name,
                value instanceof Double number ? format(number) : String.valueOf(value)));
        return values;
    }

    /** @return an object of objects as text, e.g. parameter values per strategy name */
    Map<String, Map<String, String>> textObjects(String field) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        if (!has(field)) {
            return values;
        }
        JsonBody inner = new JsonBody(objectAt(field), pathOf(field));
        inner.object.keySet().forEach(name -> values.put(name, inner.textObject(name)));
        return values;
    }

    private JsonObject objectAt(String field) {
        JsonElement element = object.get(field);
        if (!element.isJsonObject()) {
            throw Problem.badRequest(pathOf(field), pathOf(field) + ": expected an object, got " + kind(element))
                    .exception();
        }
        return element.getAsJsonObject();
    }

    private JsonArray array(String field) {
        JsonElement value = required(field);
        if (!value.isJsonArray()) {
            throw Problem.badRequest(pathOf(field), pathOf(field) + ": expected an array, got " + kind(value))
                    .exception();
        }
        return value.getAsJsonArray();
    }

    private JsonElement required(String field) {
        if (!has(field)) {
            throw Problem.badRequest(pathOf(field), pathOf(field) + ": is required").exception();
        }
        return object.get(field);
    }

    private static String asString(JsonElement value, String at) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        throw Problem.badRequest(at, at + ": expected a string, got " + kind(value)).exception();
    }

    private static double number(JsonElement value, String at) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (Double.isFinite(number)) {
                return number;
            }
        }
        throw Problem.badRequest(at, at + ": expected a finite number, got " + kind(value)).exception();
    }

    private static String kind(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
