package io.mercator.platform.jobs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.mercator.api.jobs.JobInfo;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job records in a folder, {@code <id>.json} each, replaced atomically (written beside and renamed).
 * One node: every record is this node's.
 */
final class FolderJobHistory implements JobHistory {

    private static final Logger LOG = LoggerFactory.getLogger(FolderJobHistory.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe()).create();
    private static final Pattern ID = Pattern.compile("job-[0-9a-f]{8}");

    private final Path folder;

    /**
     * @param folder where the records are; created when missing
     * @throws IOException when it cannot be created
     */
    FolderJobHistory(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    @Override
    public void record(JobInfo job) throws IOException {
        Path target = folder.resolve(job.id() + ".json");
        Path temporary = folder.resolve(job.id() + ".json.tmp");
        Files.writeString(temporary, GSON.toJson(job), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<JobInfo> find(String id) throws IOException {
        return id != null && ID.matcher(id).matches() ? read(folder.resolve(id + ".json")) : Optional.empty();
    }

    @Override
    public List<JobInfo> list() throws IOException {
        List<JobInfo> all = new ArrayList<>();
        try (DirectoryStream<Path> records = Files.newDirectoryStream(folder, "job-*.json")) {
            for (Path record : records) {
                read(record).ifPresent(all::add);
            }
        }
        all.sort(Comparator.comparing(JobInfo::submittedAt).reversed().thenComparing(JobInfo::id));
        return all;
    }

    @Override
    public List<JobInfo> unfinished() throws IOException {
        return list().stream().filter(job -> !job.state().isFinal()).toList();
    }

    /** One node: no job of this history runs elsewhere. */
    @Override
    public boolean requestCancel(String id) {
        return false;
    }

    @Override
    public boolean cancelRequested(String id) {
        return false;
    }

    private static Optional<JobInfo> read(Path record) throws IOException {
        try (Reader reader = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            return Optional.of(GSON.fromJson(reader, JobInfo.class));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (JsonParseException | IllegalArgumentException | NullPointerException corrupt) {
            LOG.warn("Ignoring the unreadable job record {}: {}", record, corrupt.getMessage());
            return Optional.empty();
        }
    }

    /** Instants as ISO-8601 text. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
