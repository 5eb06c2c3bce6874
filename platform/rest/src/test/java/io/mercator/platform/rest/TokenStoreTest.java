package io.mercator.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path folder;

    @Test
    void storesOnlyTheHashOfTheSecretAndFindsTheTokenAgainAfterReopening() throws IOException {
        Path file = folder.resolve("tokens.json");
        TokenStore store = TokenStore.open(file);
        assertFalse(store.exists());
        TokenStore.Created created = store.create("erp", Role.OPERATOR);

        String stored = Files.readString(file);
        assertFalse(stored.contains(created.secret()), stored);
        assertTrue(stored.contains(TokenStore.hash(created.secret())), stored);
        assertTrue(created.secret().startsWith("mrc_"));
        assertEquals(4 + 43, created.secret().length(), "32 random bytes, base64url without padding");

        TokenStore reopened = TokenStore.open(file);
        assertTrue(reopened.exists());
        assertEquals("erp", reopened.authenticate(created.secret()).orElseThrow().name());
        assertEquals(Role.OPERATOR, reopened.authenticate(created.secret()).orElseThrow().role());
        assertTrue(reopened.authenticate(created.secret() + "x").isEmpty());
        assertTrue(reopened.authenticate(null).isEmpty());
        assertTrue(reopened.authenticate("").isEmpty());
    }

    @Test
    void hashIsTheSha256OfTheSecret() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenStore.hash("abc"));
    }

    @Test
    void revokedTokensNoLongerAuthenticateAndTheLastAdminCannotBeRevoked() throws IOException {
        Path file = folder.resolve("tokens.json");
        TokenStore store = TokenStore.open(file);
        TokenStore.Created admin = store.create("admin", Role.ADMIN);
        TokenStore.Created viewer = store.create("dashboard", Role.VIEWER);

        assertEquals("dashboard", store.revoke(viewer.token().id()).orElseThrow().name());
        assertTrue(store.authenticate(viewer.secret()).isEmpty());
        assertTrue(TokenStore.open(file).authenticate(viewer.secret()).isEmpty(), "revocation is saved");
        assertTrue(store.revoke("no-such-token").isEmpty());

        IllegalStateException last = assertThrows(IllegalStateException.class, () -> store.revoke("admin"));
        assertTrue(last.getMessage().contains("last admin token"), last.getMessage());
        store.create("second-admin", Role.ADMIN);
        assertTrue(store.revoke("admin").isPresent());
        assertTrue(store.authenticate(admin.secret()).isEmpty());
    }

    @Test
    void refusesDuplicateAndMalformedNames() throws IOException {
        TokenStore store = TokenStore.open(folder.resolve("tokens.json"));
        store.create("erp", Role.VIEWER);
        assertThrows(IllegalStateException.class, () -> store.create("erp", Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> store.create("has space", Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> store.create("", Role.ADMIN));
        assertEquals(List.of("erp"), store.list().stream().map(TokenStore.Token::name).toList());
    }

    @Test
    void aBrokenFileIsReportedNotIgnored() throws IOException {
        Path file = folder.resolve("tokens.json");
        Files.writeString(file, "[{\"id\": ");
        IOException broken = assertThrows(IOException.class, () -> TokenStore.open(file));
        assertTrue(broken.getMessage().contains("is not a token file"), broken.getMessage());
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        TokenStore store = TokenStore.open(folder.resolve("tokens.json"));
        store.create("a", Role.ADMIN);
        store.create("b", Role.VIEWER);
        try (var files = Files.list(folder)) {
            assertEquals(List.of("tokens.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
