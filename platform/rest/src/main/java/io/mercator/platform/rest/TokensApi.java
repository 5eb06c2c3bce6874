package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;

/** {@code /api/v1/tokens}: create, list and revoke API tokens (admin only); {@code /api/v1/me}: the caller's own. */
final class TokensApi {

    private final TokenStore tokens;
    private final AuditLog audit;

    TokensApi(TokenStore tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/me", Role.VIEWER, List.of(), "the caller's token: name and role (for the console)",
                call -> Reply.ok(describe(call.caller())));
        router.add("GET", "/api/v1/tokens", Role.ADMIN, List.of(), "list tokens (never their secrets)", call -> list());
        router.add("POST", "/api/v1/tokens", Role.ADMIN, List.of(Reply.JSON), "create a token; its secret is "
                + "shown once", this::create);
        router.add("DELETE", "/api/v1/tokens/{id}", Role.ADMIN, List.of(), "revoke a token by id or name",
                this::revoke);
    }

    private Reply list() {
        JsonArray array = new JsonArray();
        tokens.list().forEach(token -> array.add(describe(token)));
        JsonObject body = new JsonObject();
        body.add("tokens", array);
        return Reply.ok(body);
    }

    private Reply create(Call call) throws IOException {
        JsonBody body = call.json();
        String name = body.string("name");
        Role role;
        try {
            role = Role.fromId(body.string("role"));
        } catch (IllegalArgumentException unknown) {
            throw Problem.badRequest("role", "role: " + unknown.getMessage()).exception();
        }
        TokenStore.Created created;
        try {
            created = tokens.create(name, role);
        } catch (IllegalArgumentException malformed) {
            audit.record(call.caller().name(), "token.create", name, "refused: " + malformed.getMessage());
            throw Problem.badRequest("name", "name: " + malformed.getMessage()).exception();
        } catch (IllegalStateException taken) {
            audit.record(call.caller().name(), "token.create", name, "refused: " + taken.getMessage());
            throw Problem.conflict(taken.getMessage()).with("field", "name").exception();
        }
        audit.record(call.caller().name(), "token.create", name + " (" + role.id() + ")", "ok");
        JsonObject json = describe(created.token());
        json.addProperty("token", created.secret());
        return Reply.json(201, json).withHeader("Location", "/api/v1/tokens/" + created.token().id());
    }

    private Reply revoke(Call call) throws IOException {
        String id = call.pathParameter("id");
        try {
            TokenStore.Token revoked = tokens.revoke(id).orElseThrow(() -> Problem.notFound("no token with id or name '"
                    + id + "'").with("field", "id").exception());
            audit.record(call.caller().name(), "token.revoke", revoked.name(), "ok");
            return Reply.noContent();
        } catch (IllegalStateException lastAdmin) {
            audit.record(call.caller().name(), "token.revoke", id, "refused: " + lastAdmin.getMessage());
            throw Problem.conflict(lastAdmin.getMessage()).exception();
        } catch (Problem.ProblemException notFound) {
            audit.record(call.caller().name(), "token.revoke", id, "refused: no such token");
            throw notFound;
        }
    }

    private static JsonObject describe(TokenStore.Token token) {
        JsonObject json = new JsonObject();
        json.addProperty("id", token.id());
        json.addProperty("name", token.name());
        json.addProperty("role", token.role().id());
        json.addProperty("createdAt", token.createdAt().toString());
        return json;
    }
}
