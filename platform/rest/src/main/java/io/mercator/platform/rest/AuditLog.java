package io.mercator.platform.rest;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code logs/audit.log}: one JSON line per change made through the API (bundles, defaults,
 * tokens), whether it succeeded or not, with who made it. Lines are appended and flushed one at a
 * time, so a reader never sees half a line.
 */
final class AuditLog {

    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * @param tokenName the name of the token that asked for the change
     * @param action e.g. {@code bundle.install}
     * @param target what was changed, e.g. a symbolic name or a family
     * @param outcome {@code ok}, or why it failed
     * @throws IOException when the line cannot be written
     */
    synchronized void record(String tokenName, String action, String target, String outcome) throws IOException {
        JsonObject line = new JsonObject();
        line.addProperty("time", Instant.now().toString());
        line.addProperty("token", tokenName);
        line.addProperty("action", action);
        line.addProperty("target", target);
        line.addProperty("outcome", outcome);
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
