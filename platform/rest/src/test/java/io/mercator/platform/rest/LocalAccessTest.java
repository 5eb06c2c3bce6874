package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAccessTest {

    @TempDir
    Path folder;

    @Test
    void writesAnOwnerOnlyOperatorTokenAndRevokesItAtClose() throws IOException {
        TokenStore tokens = TokenStore.open(folder.resolve("tokens.json"));
        Path file = folder.resolve("run/rest.json");

        LocalAccess access = LocalAccess.open(tokens, file, "0.0.0.0", 8641);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("http://127.0.0.1:8641", json.get("url").getAsString(), "a wildcard is reached on loopback");
        String secret = json.get("token").getAsString();
        TokenStore.Token token = tokens.authenticate(secret).orElseThrow();
        assertEquals(LocalAccess.TOKEN_NAME, token.name());
        assertEquals(Role.OPERATOR, token.role());
        assertFalse(Files.readString(folder.resolve("tokens.json")).contains(secret));

        access.close();
        assertFalse(Files.exists(file));
        assertTrue(tokens.authenticate(secret).isEmpty());
        assertTrue(tokens.list().isEmpty());
    }

    @Test
    void replacesTheTokenLeftByACrash() throws IOException {
        TokenStore tokens = TokenStore.open(folder.resolve("tokens.json"));
        Path file = folder.resolve("rest.json");
        LocalAccess.open(tokens, file, "127.0.0.1", 1000);
        String leftOver = JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("token").getAsString();

        TokenStore reopened = TokenStore.open(folder.resolve("tokens.json"));
        LocalAccess.open(reopened, file, "127.0.0.1", 1001);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("http://127.0.0.1:1001", json.get("url").getAsString());
        assertNotEquals(leftOver, json.get("token").getAsString());
        assertTrue(reopened.authenticate(leftOver).isEmpty(), "the crashed server's secret no longer works");
        assertEquals(1, reopened.list().size());
    }
}
