package io.mercator.platform.datasets;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Data sets in Mercator's PostgreSQL schema, shared by every node that points at the database: a
 * row of {@code datasets} per data set and its rows in {@code dataset_chunks}, {@value #CHUNK_SIZE}
 * bytes at a time (one chunk in memory while writing or reading). Adding or appending is one
 * transaction; an append checks that no other node changed the data set meanwhile. Reading runs in
 * one repeatable-read transaction, so it sees the data set as it was when opened.
 */
final class PostgresCatalogue implements DatasetCatalogue {

    /** Bytes per row of dataset_chunks. */
    static final int CHUNK_SIZE = 1 << 20;
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource database;
    private final String datasets;
    private final String chunks;

    /**
     * @param database Mercator's database, its schema migrated
     * @param schema the schema of Mercator's tables
     */
    PostgresCatalogue(DataSource database, String schema) {
        this.database = Objects.requireNonNull(database, "database");
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("'" + schema + "' is not a schema name");
        }
        this.datasets = schema + ".datasets";
        this.chunks = schema + ".dataset_chunks";
    }

    @Override
    public void add(DatasetManifest manifest, Path rows) throws IOException {
        inTransaction("cannot store data set " + manifest.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + datasets
                    + " (id, family, label, created_at, updated_at, row_count, size_bytes, manifest) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))")) {
                insert.setString(1, manifest.id());
                insert.setString(2, manifest.family().id());
                insert.setString(3, manifest.label());
                insert.setTimestamp(4, Timestamp.from(manifest.createdAt()));
                insert.setTimestamp(5, Timestamp.from(manifest.updatedAt()));
                insert.setLong(6, manifest.rows());
                insert.setLong(7, manifest.sizeBytes());
                insert.setString(8, manifest.toJson().toString());
                insert.executeUpdate();
            }
            writeChunks(connection, manifest.id(), 0, rows);
        });
    }

    @Override
    public void append(DatasetManifest current, Path member, DatasetManifest updated) throws IOException {
        inTransaction("cannot append to data set " + current.id(), connection -> {
            // the row lock taken by this update makes appends of other nodes wait, then fail the check
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + datasets
                    + " SET updated_at = ?, row_count = ?, size_bytes = ?, manifest = CAST(? AS jsonb) "
                    + "WHERE id = ? AND updated_at = ? AND row_count = ?")) {
                update.setTimestamp(1, Timestamp.from(updated.updatedAt()));
                update.setLong(2, updated.rows());
                update.setLong(3, updated.sizeBytes());
                update.setString(4, updated.toJson().toString());
                update.setString(5, current.id());
                update.setTimestamp(6, Timestamp.from(current.updatedAt()));
                update.setLong(7, current.rows());
                if (update.executeUpdate() != 1) {
                    throw new IOException("data set " + current.id() + " was changed or deleted (by another node) "
                            + "while rows were being appended to it: import again");
                }
            }
            int next;
            try (PreparedStatement last = connection.prepareStatement("SELECT coalesce(max(chunk_index) + 1, 0) FROM "
                    + chunks + " WHERE dataset_id = ?")) {
                last.setString(1, current.id());
                try (ResultSet result = last.executeQuery()) {
                    result.next();
                    next = result.getInt(1);
                }
            }
            writeChunks(connection, current.id(), next, member);
        });
    }

    private void writeChunks(Connection connection, String id, int first, Path file) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(file);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + chunks
                        + " (dataset_id, chunk_index, bytes) VALUES (?, ?, ?)")) {
            int index = first;
            byte[] chunk;
            while ((chunk = in.readNBytes(CHUNK_SIZE)).length > 0) {
                insert.setString(1, id);
                insert.setInt(2, index++);
                insert.setBytes(3, chunk);
                insert.executeUpdate();
            }
        }
    }

    @Override
    public Optional<DatasetManifest> find(String id) throws IOException {
        if (!DatasetFolder.isId(id)) {
            return Optional.empty();
        }
        return query("SELECT manifest::text FROM " + datasets + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<DatasetManifest> list() throws IOException {
        return query("SELECT manifest::text FROM " + datasets + " ORDER BY created_at DESC, id");
    }

    private List<DatasetManifest> query(String sql, String... arguments) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                select.setString(i + 1, arguments[i]);
            }
            List<DatasetManifest> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(DatasetManifest.fromJson(JsonParser.parseString(rows.getString(1)), "a data set in "
                            + datasets));
                }
            }
            return found;
        } catch (SQLException failed) {
            throw new IOException("cannot read the data sets in PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    @Override
    public InputStream openRows(String id) throws IOException {
        Connection connection = null;
        try {
            connection = database.getConnection();
            connection.setAutoCommit(false); // lets the driver fetch chunks as they are read, not all at once
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM " + datasets + " WHERE id = ?")) {
                exists.setString(1, id);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        throw new NoSuchFileException("no data set '" + id + "'");
                    }
                }
            }
            PreparedStatement select = connection.prepareStatement("SELECT bytes FROM " + chunks
                    + " WHERE dataset_id = ? ORDER BY chunk_index");
            select.setFetchSize(2);
            select.setString(1, id);
            return new ChunkStream(connection, select.executeQuery(), id);
        } catch (SQLException failed) {
            closeQuietly(connection);
            throw new IOException("cannot read data set " + id + " in PostgreSQL: " + failed.getMessage(), failed);
        } catch (IOException | RuntimeException failed) {
            closeQuietly(connection);
            throw failed;
        }
    }

    @Override
    public boolean delete(String id) throws IOException {
        if (!DatasetFolder.isId(id)) {
            return false;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + datasets + " WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new IOException("cannot delete data set " + id + " in PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    /** Work done in one transaction, rolled back when it throws. */
    private interface Work {
        void run(Connection connection) throws SQLException, IOException;
    }

    private void inTransaction(String what, Work work) throws IOException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException failed) {
                try {
                    connection.rollback();
                } catch (SQLException lost) {
                    failed.addSuppressed(lost);
                }
                throw failed;
            }
        } catch (SQLException failed) {
            throw new IOException(what + " in PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone already; the pool replaces it
        }
    }

    /** The chunks of one data set read in order through an open cursor; closing ends the transaction. */
    private static final class ChunkStream extends InputStream {
        private final Connection connection;
        private final ResultSet rows;
        private final String id;
        private byte[] current = new byte[0];
        private int position;
        private boolean closed;

        ChunkStream(Connection connection, ResultSet rows, String id) {
            this.connection = connection;
            this.rows = rows;
            this.id = id;
        }

        @Override
        public int read() throws IOException {
            return ensureBytes() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!ensureBytes()) {
                return -1;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

        /** The bytes of the current chunk, fetching the next one at its end: gzip reads on past a member only if some are. */
        @Override
        public int available() throws IOException {
            return ensureBytes() ? current.length - position : 0;
        }

        private boolean ensureBytes() throws IOException {
            if (closed) {
                throw new IOException("the rows of data set " + id + " were closed");
            }
            try {
                while (position == current.length) {
                    if (!rows.next()) {
                        return false;
                    }
                    current = rows.getBytes(1);
                    position = 0;
                }
                return true;
            } catch (SQLException failed) {
                throw new IOException("cannot read data set " + id + " in PostgreSQL: " + failed.getMessage(), failed);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closeQuietly(connection);
            }
        }
    }
}
