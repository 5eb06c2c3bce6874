package io.mercator.platform.jobs;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest claimed occurrence of each schedule in {@code <folder>/<schedule>.json}, replaced
 * atomically. One node: a claim succeeds for any occurrence after the latest one.
 */
final class FolderScheduleLedger implements ScheduleLedger {

    private static final Gson GSON = new Gson();

    private final Path folder;

    /**
     * @param folder where the records are; created when missing
     * @throws IOException when it cannot be created
     */
    FolderScheduleLedger(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    @Override
    public synchronized Optional<Run> last(String schedule) throws IOException {
        Path file = folder.resolve(schedule + ".json");
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return Optional.of(new Run(Instant.parse(json.get("occurrence").getAsString()), text(json, "node"),
                    text(json, "jobId"), text(json, "error")));
        } catch (NoSuchFileException never) {
            return Optional.empty();
        } catch (JsonParseException | IllegalStateException | NullPointerException | java.time.DateTimeException bad) {
            throw new IOException("the record of schedule " + schedule + " in " + file + " cannot be read: "
                    + bad.getMessage(), bad);
        }
    }

    @Override
    public synchronized boolean claim(String schedule, Instant occurrence) throws IOException {
        Optional<Run> last = last(schedule);
        if (last.isPresent() && !occurrence.isAfter(last.get().occurrence())) {
            return false;
        }
        write(schedule, new Run(occurrence, "local", null, null));
        return true;
    }

    @Override
    public synchronized void recordOutcome(String schedule, Instant occurrence, String jobId, String error)
            throws IOException {
        write(schedule, new Run(occurrence, "local", jobId, error));
    }

    private void write(String schedule, Run run) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("occurrence", run.occurrence().toString());
        json.addProperty("node", run.node());
        json.addProperty("jobId", run.jobId());
        json.addProperty("error", run.error());
        Path temporary = folder.resolve(schedule + ".json.tmp");
        Files.writeString(temporary, GSON.toJson(json), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, folder.resolve(schedule + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, folder.resolve(schedule + ".json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String text(JsonObject json, String member) {
        return json.has(member) && !json.get(member).isJsonNull() ? json.get(member).getAsString() : null;
    }
}
