package io.mercator.platform.rest;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * API tokens, kept in one JSON file as SHA-256 hashes: the secret itself is shown once, when it is
 * created, and never stored. A plain hash suffices because a secret is 256 random bits (nothing to
 * guess, unlike a password), and it keeps the check cheap enough to run on every request. Every
 * change rewrites the file under a temporary name and moves it into place, so a crash leaves
 * either the old or the new file.
 */
final class TokenStore {

    /** What is stored about a token; {@code hash} is the SHA-256 of its secret, lower-case hex. */
    record Token(String id, String name, Role role, String hash, Instant createdAt) {
    }

    /** A new token and its secret, which exists only in this object. */
    record Created(Token token, String secret) {
    }

    static final String SECRET_PREFIX = "mrc_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .registerTypeAdapter(Instant.class, new InstantAdapter()).create();

    private final Path file;
    private final Map<String, Token> byHash = new ConcurrentHashMap<>();

    private TokenStore(Path file) {
        this.file = file;
    }

    /**
     * @param file the token file; it need not exist
     * @return the store with the file's tokens
     * @throws IOException when the file exists but cannot be read or is not a token file
     */
    static TokenStore open(Path file) throws IOException {
        TokenStore store = new TokenStore(file);
        if (Files.exists(file)) {
            List<Token> tokens;
            try {
                tokens = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                        new TypeToken<List<Token>>() { }.getType());
            } catch (JsonParseException broken) {
                throw new IOException(file + " is not a token file: " + broken.getMessage(), broken);
            }
            for (Token token : tokens == null ? List.<Token>of() : tokens) {
                if (token == null || token.id() == null || token.hash() == null || token.role() == null) {
                    throw new IOException(file + " holds an incomplete token entry");
                }
                store.byHash.put(token.hash(), token);
            }
        }
        return store;
    }

    /** @return whether the token file has ever been written (false at the very first start) */
    boolean exists() {
        return Files.exists(file);
    }

    /**
     * @param secret what a client sent as its bearer token
     * @return the token, if the secret belongs to one
     */
    Optional<Token> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(hash(secret)));
    }

    /** @return every token, oldest first (without secrets: the store has none) */
    List<Token> list() {
        List<Token> tokens = new ArrayList<>(byHash.values());
        tokens.sort((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0
                ? a.createdAt().compareTo(b.createdAt()) : a.id().compareTo(b.id()));
        return tokens;
    }

    /**
     * Creates a token and saves the store.
     *
     * @param name a unique name: letters, digits, '.', '_', '@', '-'
     * @param role its role
     * @return the token and its secret
     * @throws IllegalArgumentException when the name is malformed or taken
     */
    synchronized Created create(String name, Role role) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a token name: 1 to 64 letters, digits, "
                    + "'.', '_', '@' or '-', starting with a letter or digit");
        }
        if (byHash.values().stream().anyMatch(t -> t.name().equals(name))) {
            throw new IllegalStateException("a token named '" + name + "' exists already");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        Token token = new Token("tok-" + HexFormat.of().formatHex(id), name, role, hash(secret), Instant.now());
        byHash.put(token.hash(), token);
        try {
            save();
        } catch (IOException e) {
            byHash.remove(token.hash());
            throw e;
        }
        return new Created(token, secret);
    }

    /**
     * Revokes a token and saves the store.
     *
     * @param idOrName the token's id or name
     * @return the revoked token, empty when none matches
     * @throws IllegalStateException when it is the last admin token (nobody could manage tokens then)
     */
    synchronized Optional<Token> revoke(String idOrName) throws IOException {
        Optional<Token> match = byHash.values().stream()
                .filter(t -> t.id().equals(idOrName) || t.name().equals(idOrName)).findFirst();
        if (match.isEmpty()) {
            return match;
        }
        Token token = match.get();
        long admins = byHash.values().stream().filter(t -> t.role() == Role.ADMIN).count();
        if (token.role() == Role.ADMIN && admins == 1) {
            throw new IllegalStateException("'" + token.name() + "' is the last admin token; create another "
                    + "admin token before revoking it");
        }
        byHash.remove(token.hash());
        try {
            save();
        } catch (IOException e) {
            byHash.put(token.hash(), token);
            throw e;
        }
        return match;
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // hashes only: the file is not secret, the permissions are a courtesy
        }
        Files.writeString(temporary, GSON.toJson(list()), StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return the SHA-256 of a secret, lower-case hex */
    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Instants as ISO-8601 text. */
    private static final class InstantAdapter extends com.google.gson.TypeAdapter<Instant> {
        @Override
        public void write(com.google.gson.stream.JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(com.google.gson.stream.JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
