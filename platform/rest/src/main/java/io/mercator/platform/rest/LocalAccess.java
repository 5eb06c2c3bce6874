package io.mercator.platform.rest;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The command line's access to the REST API on this machine: while the API runs, an operator
 * token named {@value #TOKEN_NAME} exists, and the API's address and the token's secret are in one
 * file readable by its owner only (the launcher points it at {@code run/rest.json}), where the
 * query commands ({@code mercator forecast}, {@code recommend}...) read them. At stop the file is
 * deleted and the token revoked; a token left behind by a crash is replaced at the next start.
 */
final class LocalAccess implements AutoCloseable {

    static final String TOKEN_NAME = "local-cli";

    private final TokenStore tokens;
    private final Path file;

    private LocalAccess(TokenStore tokens, Path file) {
        this.tokens = tokens;
        this.file = file;
    }

    /**
     * @param tokens the token store
     * @param file where to write the address and the secret
     * @param host the address the API listens on
     * @param port its port
     * @return the access, to close at stop
     * @throws IOException when the token or the file cannot be written
     */
    static LocalAccess open(TokenStore tokens, Path file, String host, int port) throws IOException {
        tokens.revoke(TOKEN_NAME);
        TokenStore.Created created = tokens.create(TOKEN_NAME, Role.OPERATOR);
        // a wildcard address is reached on the loopback interface
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        JsonObject json = new JsonObject();
        json.addProperty("url", "http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":"
                + port);
        json.addProperty("token", created.secret());
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, json.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(temporary);
            tokens.revoke(TOKEN_NAME);
            throw failed;
        }
        return new LocalAccess(tokens, file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
        tokens.revoke(TOKEN_NAME);
    }
}
