package io.mercator.platform.jobs;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.mercator.api.Family;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobKind;
import io.mercator.api.jobs.JobState;
import java.io.IOException;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Job records in the {@code jobs} table of Mercator's PostgreSQL schema, shared by every node that
 * points at the database; each row names the node that runs (or ran) the job, and whether another
 * node asked to cancel it.
 */
final class PostgresJobHistory implements JobHistory {

    private static final Gson GSON = new Gson();
    private static final Type PARAMETERS = new TypeToken<Map<String, String>>() { }.getType();
    private static final String COLUMNS = "id, family, dataset_id, strategy_spec, parameters::text, state, progress, "
            + "message, submitted_at, started_at, finished_at, strategy_name, strategy_version, model_id, error, trigger, kind";

    private final DataSource database;
    private final String table;
    private final String node;

    /**
     * @param database Mercator's database, its schema migrated
     * @param schema the schema of Mercator's tables
     * @param node this node's name
     */
    PostgresJobHistory(DataSource database, String schema, String node) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = Database.table(schema, "jobs");
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public void record(JobInfo job) throws IOException {
        String sql = "INSERT INTO " + table + " (id, node, family, dataset_id, strategy_spec, parameters, trigger, state, "
                + "progress, message, submitted_at, started_at, finished_at, strategy_name, strategy_version, model_id, "
                + "error, kind) VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET node = excluded.node, state = excluded.state, "
                + "progress = excluded.progress, message = excluded.message, started_at = excluded.started_at, "
                + "finished_at = excluded.finished_at, strategy_name = excluded.strategy_name, "
                + "strategy_version = excluded.strategy_version, model_id = excluded.model_id, error = excluded.error";
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, job.id());
            upsert.setString(2, node);
            upsert.setString(3, job.family().id());
            upsert.setString(4, job.datasetId());
            upsert.setString(5, job.strategySpec());
            upsert.setString(6, GSON.toJson(job.parameters()));
            upsert.setString(7, job.trigger());
            upsert.setString(8, job.state().name());
            upsert.setDouble(9, job.progress());
            upsert.setString(10, job.message());
            upsert.setTimestamp(11, timestamp(job.submittedAt()));
            upsert.setTimestamp(12, timestamp(job.startedAt()));
            upsert.setTimestamp(13, timestamp(job.finishedAt()));
            upsert.setString(14, job.strategyName());
            upsert.setString(15, job.strategyVersion());
            upsert.setString(16, job.modelId());
            upsert.setString(17, job.error());
            upsert.setString(18, job.kind().name());
            upsert.executeUpdate();
        } catch (SQLException failed) {
            throw new IOException("cannot record job " + job.id() + " in PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    @Override
    public Optional<JobInfo> find(String id) throws IOException {
        return query("SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<JobInfo> list() throws IOException {
        return query("SELECT " + COLUMNS + " FROM " + table + " ORDER BY submitted_at DESC, id");
    }

    @Override
    public List<JobInfo> unfinished() throws IOException {
        return query("SELECT " + COLUMNS + " FROM " + table + " WHERE node = ? AND state IN ('QUEUED', 'RUNNING') "
                + "ORDER BY submitted_at DESC, id", node);
    }

    @Override
    public boolean requestCancel(String id) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET cancel_requested = true, "
                        + "message = 'cancelling (asked by ' || ? || ')' WHERE id = ? AND state IN ('QUEUED', 'RUNNING')")) {
            update.setString(1, node);
            update.setString(2, id);
            return update.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw new IOException("cannot ask for job " + id + " to be cancelled in PostgreSQL: " + failed.getMessage(),
                    failed);
        }
    }

    @Override
    public boolean cancelRequested(String id) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT cancel_requested FROM " + table
                        + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException failed) {
            throw new IOException("cannot read job " + id + " in PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    private List<JobInfo> query(String sql, String... arguments) throws IOException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                select.setString(i + 1, arguments[i]);
            }
            List<JobInfo> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, String> parameters = GSON.fromJson(rows.getString(5), PARAMETERS);
                    jobs.add(new JobInfo(rows.getString(1), Family.fromId(rows.getString(2)), rows.getString(3),
                            rows.getString(4), parameters, JobState.valueOf(rows.getString(6)), rows.getDouble(7),
                            rows.getString(8), instant(rows.getTimestamp(9)), instant(rows.getTimestamp(10)),
                            instant(rows.getTimestamp(11)), rows.getString(12), rows.getString(13), rows.getString(14),
                            rows.getString(15), rows.getString(16), JobKind.valueOf(rows.getString(17))));
                }
            }
            return jobs;
        } catch (SQLException failed) {
            throw new IOException("cannot read the job history in PostgreSQL: " + failed.getMessage(), failed);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
