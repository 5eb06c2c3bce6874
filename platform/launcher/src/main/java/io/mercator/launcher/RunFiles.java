package io.mercator.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The files under {@code run/} that exist while a server runs: its pid, the control channel port
 * and the control token (readable by the owner only). The CLI reads them to find the server.
 */
public final class RunFiles {

    private final Path pidFile;
    private final Path portFile;
    private final Path tokenFile;

    /** @param run the run folder */
    public RunFiles(Path run) {
        this.pidFile = run.resolve("mercator.pid");
        this.portFile = run.resolve("mercator.port");
        this.tokenFile = run.resolve("control.token");
    }

    /** What a client needs to reach a running server. */
    public record Contact(long pid, int port, String token) {
    }

    /** @return a new random control token */
    public static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** @return the pid in run/, if any and well-formed */
    public Optional<Long> pid() {
        return read(pidFile).flatMap(RunFiles::parseLong);
    }

    /** @return how to reach the server, when all three files are present and well-formed */
    public Optional<Contact> contact() {
        Optional<Long> pid = pid();
        Optional<Long> port = read(portFile).flatMap(RunFiles::parseLong);
        Optional<String> token = read(tokenFile);
        if (pid.isEmpty() || port.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Contact(pid.get(), port.get().intValue(), token.get()));
    }

    /**
     * Writes all three files, the token first and with mode 600.
     *
     * @param contact this server's pid, port and token
     */
    public void write(Contact contact) {
        try {
            Files.createDirectories(pidFile.getParent());
            writeAtomically(tokenFile, contact.token(), true);
            writeAtomically(portFile, Integer.toString(contact.port()), false);
            writeAtomically(pidFile, Long.toString(contact.pid()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the files if they belong to the given process.
     *
     * @param pid the process that wrote them
     */
    public void remove(long pid) {
        if (pid().map(p -> p != pid).orElse(false)) {
            return;
        }
        for (Path file : new Path[] {pidFile, portFile, tokenFile}) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do while shutting down
            }
        }
    }

    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
