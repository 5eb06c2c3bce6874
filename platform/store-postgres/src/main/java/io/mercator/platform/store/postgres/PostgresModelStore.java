package io.mercator.platform.store.postgres;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.platform.store.common.ModelIds;
import io.mercator.platform.store.common.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link ModelStore} in PostgreSQL (tables {@code models} and {@code model_chunks} of a
 * {@link Schema}). A save is one transaction: the model's row, its bytes in chunks of
 * {@value #CHUNK_SIZE} bytes streamed as the model writes them (one chunk in memory at a time),
 * then its size and checksum; a failure or a lost connection at any point rolls all of it back.
 * Any number of stores, in this process or on other nodes, may share the database. Plain Java.
 */
public final class PostgresModelStore implements ModelStore {

    /** Bytes per row of model_chunks: large enough for few round trips, small enough to hold one. */
    static final int CHUNK_SIZE = 1 << 20;
    private static final int SAVE_ATTEMPTS = 3;
    private static final String COLUMNS = "id, family, strategy_name, strategy_version, created_at, size_bytes, sha256, "
            + "metadata::text";
    private static final Gson GSON = new Gson();
    private static final Type METADATA = new TypeToken<Map<String, String>>() { }.getType();

    private final DataSource dataSource;
    private final Schema schema;
    private final String node;
    private final ModelIds ids = new ModelIds();
    private final Object migration = new Object();
    private volatile boolean migrated;

    /**
     * Creates the store; the schema is created or migrated on first use, or by {@link #migrate()}.
     *
     * @param dataSource the database
     * @param schema the PostgreSQL schema of Mercator's tables (lower-case letters, digits, '_')
     * @param node this node's name, recorded with schema changes
     */
    public PostgresModelStore(DataSource dataSource, String schema, String node) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.schema = new Schema(schema);
        this.node = Objects.requireNonNull(node, "node");
    }

    /**
     * Creates the schema or brings it up to date, unless this store did already.
     *
     * @return the schema version
     * @throws IOException when the database cannot be reached or refuses
     */
    public int migrate() throws IOException {
        synchronized (migration) {
            try {
                int version = schema.migrate(dataSource, node);
                migrated = true;
                return version;
            } catch (SQLException failed) {
                throw failure("cannot create or migrate the schema '" + schema.name() + "'", failed);
            }
        }
    }

    @Override
    public StoredModel save(Family family, Model model, Map<String, String> metadata) throws IOException {
        ModelIds.checkStrategyName(model);
        ensureMigrated();
        // PostgreSQL keeps microseconds: truncate so that what save returns equals what find reads
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String id = reserveId(connection, family, model, createdAt, metadata);
                ChunkWriter bytes = new ChunkWriter(connection, id);
                model.writeTo(bytes);
                bytes.finish();
                try (PreparedStatement complete = connection.prepareStatement(
                        "UPDATE " + schema.table("models") + " SET size_bytes = ?, sha256 = ? WHERE id = ?")) {
                    complete.setLong(1, bytes.size);
                    complete.setString(2, bytes.sha256);
                    complete.setString(3, id);
                    complete.executeUpdate();
                }
                // built before the commit: a record it rejects must not leave a stored model behind
                StoredModel stored = new StoredModel(id, family, model.strategyName(), model.strategyVersion(), createdAt,
                        bytes.size, bytes.sha256, metadata);
                connection.commit();
                return stored;
            } catch (IOException | SQLException | RuntimeException failed) {
                rollbackQuietly(connection, failed);
                throw failed;
            }
        } catch (SQLException failed) {
            throw failure("cannot store a model of " + family.id() + "/" + model.strategyName(), failed);
        }
    }

    /**
     * Inserts the model's row with a new id, retrying on the (unlikely) clash with another node's
     * id; its size and checksum are placeholders until the bytes are written, invisible to others
     * because the transaction has not committed.
     */
    private String reserveId(Connection connection, Family family, Model model, Instant createdAt,
            Map<String, String> metadata) throws SQLException {
        String sql = "INSERT INTO " + schema.table("models") + " (id, family, strategy_name, strategy_version, "
                + "created_at, size_bytes, sha256, metadata) VALUES (?, ?, ?, ?, ?, 0, repeat('0', 64), CAST(? AS jsonb)) "
                + "ON CONFLICT (id) DO NOTHING";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
                String id = ids.next(model.strategyName(), createdAt);
                insert.setString(1, id);
                insert.setString(2, family.id());
                insert.setString(3, model.strategyName());
                insert.setString(4, model.strategyVersion());
                insert.setObject(5, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
                insert.setString(6, GSON.toJson(metadata));
                if (insert.executeUpdate() == 1) {
                    return id;
                }
            }
        }
        throw new SQLException(SAVE_ATTEMPTS + " new model ids in a row were taken already");
    }

    @Override
    public Optional<StoredModel> find(String id) throws IOException {
        if (!ModelIds.isId(id)) {
            return Optional.empty();
        }
        ensureMigrated();
        List<StoredModel> found = query("SELECT " + COLUMNS + " FROM " + schema.table("models") + " WHERE id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public List<StoredModel> list(Family family) throws IOException {
        ensureMigrated();
        return query("SELECT " + COLUMNS + " FROM " + schema.table("models")
                + " WHERE family = ? ORDER BY created_at DESC, id", family.id());
    }

    /**
     * Reads the model's bytes once to check them against its checksum, then hands out a stream
     * that reads them again chunk by chunk (a model of one chunk is kept from the check instead).
     * No connection stays open between reads of the returned stream.
     */
    @Override
    public InputStream open(String id) throws IOException {
        StoredModel stored = find(id).orElseThrow(() -> new NoSuchFileException("no stored model with id '" + id + "'"));
        MessageDigest sha256 = Sha256.digest();
        long size = 0;
        int chunks = 0;
        byte[] last = new byte[0];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // lets the driver fetch rows as they are read, not all at once
            try (PreparedStatement select = connection.prepareStatement("SELECT chunk_index, bytes FROM "
                    + schema.table("model_chunks") + " WHERE model_id = ? ORDER BY chunk_index")) {
                select.setFetchSize(2);
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getInt(1) != chunks) {
                            throw corrupt(stored, "chunk " + chunks + " is missing");
                        }
                        last = rows.getBytes(2);
                        sha256.update(last);
                        size += last.length;
                        chunks++;
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException failed) {
            throw failure("cannot read stored model '" + id + "'", failed);
        }
        String actual = Sha256.hex(sha256);
        if (size != stored.sizeBytes() || !actual.equals(stored.sha256())) {
            throw corrupt(stored, "its " + size + " bytes have the checksum " + actual + ", the record says "
                    + stored.sizeBytes() + " bytes with " + stored.sha256());
        }
        return chunks <= 1 ? new ByteArrayInputStream(last) : new ChunkReader(stored, chunks);
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!ModelIds.isId(id)) {
            return false;
        }
        ensureMigrated();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + schema.table("models") + " WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw failure("cannot delete stored model '" + id + "'", failed);
        }
    }

    private List<StoredModel> query(String sql, String parameter) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<StoredModel> models = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    models.add(new StoredModel(rows.getString(1), Family.fromId(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getObject(5, OffsetDateTime.class).toInstant(), rows.getLong(6),
                            rows.getString(7), GSON.fromJson(rows.getString(8), METADATA)));
                }
            }
            return models;
        } catch (SQLException failed) {
            throw failure("cannot read the stored models", failed);
        } catch (JsonParseException | IllegalArgumentException broken) {
            throw new IOException("a stored model's record in " + schema.table("models") + " is invalid: "
                    + broken.getMessage(), broken);
        }
    }

    private void ensureMigrated() throws IOException {
        if (!migrated) {
            synchronized (migration) {
                if (!migrated) {
                    migrate();
                }
            }
        }
    }

    private IOException failure(String what, SQLException cause) {
        return new IOException(what + " in PostgreSQL: " + cause.getMessage(), cause);
    }

    private static IOException corrupt(StoredModel stored, String why) {
        return new IOException("stored model '" + stored.id() + "' is corrupt: " + why);
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            cause.addSuppressed(alsoFailed); // the connection is gone: the server rolls back by itself
        }
    }

    /** Inserts the bytes written to it as numbered chunks, counting and checksumming them. */
    private final class ChunkWriter extends OutputStream {
        private final PreparedStatement insert;
        private final MessageDigest digest = Sha256.digest();
        private final byte[] buffer = new byte[CHUNK_SIZE];
        private int buffered;
        private int chunks;
        long size;
        String sha256;

        ChunkWriter(Connection connection, String id) throws SQLException {
            insert = connection.prepareStatement("INSERT INTO " + schema.table("model_chunks")
                    + " (model_id, chunk_index, bytes) VALUES (?, ?, ?)");
            insert.setString(1, id);
        }

        @Override
        public void write(int b) throws IOException {
            if (buffered == CHUNK_SIZE) {
                flushChunk();
            }
            buffer[buffered++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            while (length > 0) {
                if (buffered == CHUNK_SIZE) {
                    flushChunk();
                }
                int taken = Math.min(length, CHUNK_SIZE - buffered);
                System.arraycopy(bytes, offset, buffer, buffered, taken);
                buffered += taken;
                offset += taken;
                length -= taken;
            }
        }

        private void flushChunk() throws IOException {
            byte[] chunk = buffered == CHUNK_SIZE ? buffer : Arrays.copyOf(buffer, buffered);
            try {
                insert.setInt(2, chunks);
                insert.setBytes(3, chunk);
                insert.executeUpdate();
            } catch (SQLException failed) {
                throw failure("cannot write chunk " + chunks + " of a model", failed);
            }
            digest.update(buffer, 0, buffered);
            size += buffered;
            chunks++;
            buffered = 0;
        }

        void finish() throws IOException, SQLException {
            if (buffered > 0) {
                flushChunk();
            }
            insert.close();
            sha256 = Sha256.hex(digest);
        }
    }

    /**
     * A checked model's bytes, fetched one chunk per query as they are read; it checks the
     * checksum again at the end, in case the rows changed since {@link #open}.
     */
    private final class ChunkReader extends InputStream {
        private final StoredModel stored;
        private final int chunks;
        private final MessageDigest digest = Sha256.digest();
        private byte[] current = new byte[0];
        private int position;
        private int next;

        ChunkReader(StoredModel stored, int chunks) {
            this.stored = stored;
            this.chunks = chunks;
        }

        @Override
        public int read() throws IOException {
            return available() > 0 || advance() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length == 0) {
                return 0;
            }
            if (available() == 0 && !advance()) {
                return -1;
            }
            int taken = Math.min(length, available());
            System.arraycopy(current, position, bytes, offset, taken);
            position += taken;
            return taken;
        }

        @Override
        public int available() {
            return current.length - position;
        }

        private boolean advance() throws IOException {
            while (next < chunks) {
                current = fetch(next++);
                position = 0;
                digest.update(current);
                if (current.length > 0) {
                    return true;
                }
            }
            if (next == chunks) {
                next++;
                if (!Sha256.hex(digest).equals(stored.sha256())) {
                    throw corrupt(stored, "its bytes changed while being read");
                }
            }
            return false;
        }

        private byte[] fetch(int index) throws IOException {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT bytes FROM "
                            + schema.table("model_chunks") + " WHERE model_id = ? AND chunk_index = ?")) {
                select.setString(1, stored.id());
                select.setInt(2, index);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new NoSuchFileException("stored model '" + stored.id() + "' was deleted while being read");
                    }
                    return row.getBytes(1);
                }
            } catch (SQLException failed) {
                throw failure("cannot read chunk " + index + " of stored model '" + stored.id() + "'", failed);
            }
        }
    }
}
