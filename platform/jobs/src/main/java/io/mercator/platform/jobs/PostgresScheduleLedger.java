package io.mercator.platform.jobs;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Claimed occurrences in the {@code schedule_runs} table of Mercator's PostgreSQL schema. Its
 * primary key (schedule, occurrence) lets exactly one of the nodes sharing the database claim an
 * occurrence: the others' inserts do nothing.
 */
final class PostgresScheduleLedger implements ScheduleLedger {


    private final DataSource database;
    private final String table;
    private final String node;

    /**
     * @param database Mercator's database, its schema migrated
     * @param schema the schema of Mercator's tables
     * @param node this node's name
     */
    PostgresScheduleLedger(DataSource database, String schema, String node) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = Database.table(schema, "schedule_runs");
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public Optional<Run> last(String schedule) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT occurrence, node, job_id, error FROM "
                        + table + " WHERE schedule = ? ORDER BY occurrence DESC LIMIT 1")) {
            select.setString(1, schedule);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Run(row.getTimestamp(1).toInstant(), row.getString(2),
                        row.getString(3), row.getString(4))) : Optional.empty();
            }
        } catch (SQLException failed) {
            throw new IOException("cannot read the runs of schedule " + schedule + " in PostgreSQL: "
                    + failed.getMessage(), failed);
        }
    }

    @Override
    public boolean claim(String schedule, Instant occurrence) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                        + " (schedule, occurrence, node, claimed_at) VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
            insert.setString(1, schedule);
            insert.setTimestamp(2, Timestamp.from(occurrence));
            insert.setString(3, node);
            return insert.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new IOException("cannot claim " + occurrence + " of schedule " + schedule + " in PostgreSQL: "
                    + failed.getMessage(), failed);
        }
    }

    @Override
    public void recordOutcome(String schedule, Instant occurrence, String jobId, String error) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + table
                        + " SET job_id = ?, error = ? WHERE schedule = ? AND occurrence = ?")) {
            update.setString(1, jobId);
            update.setString(2, error);
            update.setString(3, schedule);
            update.setTimestamp(4, Timestamp.from(occurrence));
            update.executeUpdate();
        } catch (SQLException failed) {
            throw new IOException("cannot record the run of schedule " + schedule + " in PostgreSQL: "
                    + failed.getMessage(), failed);
        }
    }
}
