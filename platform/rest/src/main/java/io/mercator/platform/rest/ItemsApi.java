package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/filtering/items}: the item catalogue ({@link ItemCatalogue}) looked up by id or
 * paged through, and replaced by an uploaded CSV file.
 */
final class ItemsApi {

    private static final int MAX_PAGE = 1000;

    private final ItemCatalogue catalogue;
    private final AuditLog audit;

    ItemsApi(ItemCatalogue catalogue, AuditLog audit) {
        this.catalogue = catalogue;
        this.audit = audit;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/filtering/items", Role.VIEWER, List.of(),
                "the item catalogue's names and categories: the items named in ids, or a page of them", this::lookup);
        router.addSpooled("PUT", "/api/v1/filtering/items", Role.OPERATOR, List.of(DataApi.CSV, DataApi.TSV),
                "replace the item catalogue with a CSV file (item id, name, optional category)", this::replace);
    }

    private Reply lookup(Call call) {
        JsonObject json = new JsonObject();
        JsonArray items = new JsonArray();
        List<String> asked = call.query().get("ids");
        if (asked != null) {
            Set<String> ids = new LinkedHashSet<>();
            for (String value : asked) {
                for (String id : value.split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.trim());
                    }
                }
            }
            if (ids.isEmpty()) {
                throw Problem.badRequest("ids", "ids: name at least one item id (ids=A,B or ids=A&ids=B)").exception();
            }
            if (ids.size() > MAX_PAGE) {
                throw Problem.of("too-many-rows", "Too many rows", 413, "ids: more than " + MAX_PAGE
                        + " item ids in one lookup").with("field", "ids").with("limit", MAX_PAGE).exception();
            }
            JsonArray unknown = new JsonArray();
            for (String id : ids) {
                catalogue.find(id).ifPresentOrElse(item -> items.add(itemJson(item)), () -> unknown.add(id));
            }
            json.add("items", items);
            json.add("unknown", unknown);
            return Reply.ok(json);
        }
        List<ItemCatalogue.Item> all = catalogue.items();
        int offset = integer(call, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = integer(call, "limit", 100, 1, MAX_PAGE);
        for (int row = offset; row < all.size() && row < (long) offset + limit; row++) {
            items.add(itemJson(all.get(row)));
        }
        json.addProperty("total", all.size());
        json.addProperty("offset", offset);
        json.add("items", items);
        return Reply.ok(json);
    }

    private Reply replace(Call call) throws IOException {
        char delimiter = call.contentType().equals(DataApi.TSV) ? '\t' : ',';
        int count;
        try {
            count = catalogue.replace(call.spooledBody(), call.queryParameter("name", "the upload"), delimiter);
        } catch (Problem.ProblemException rejected) {
            audit.record(call.caller().name(), "items.replace", catalogue.file().getFileName().toString(),
                    "rejected: " + rejected.getMessage());
            throw rejected;
        }
        audit.record(call.caller().name(), "items.replace", catalogue.file().getFileName().toString(),
                "ok: " + count + " items");
        JsonObject json = new JsonObject();
        json.addProperty("total", count);
        return Reply.ok(json);
    }

    /** @return the item as the API shows it; also used by the recommendation answers */
    static JsonObject itemJson(ItemCatalogue.Item item) {
        JsonObject json = new JsonObject();
        json.addProperty("item", item.id());
        json.addProperty("name", item.name());
        if (!item.category().isEmpty()) {
            json.addProperty("category", item.category());
        }
        return json;
    }

    private static int integer(Call call, String name, int fallback, int min, int max) {
        String value = call.queryParameter(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Problem.badRequest(name, name + ": '" + value + "' is not a whole number from " + min + " to " + max)
                .exception();
    }
}
