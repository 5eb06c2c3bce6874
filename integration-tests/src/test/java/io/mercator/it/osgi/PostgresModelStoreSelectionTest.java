package io.mercator.it.osgi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FileSource;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.jobs.JobInfo;
import io.mercator.api.jobs.JobService;
import io.mercator.api.jobs.JobState;
import io.mercator.api.jobs.ScheduleInfo;
import io.mercator.api.jobs.ScheduleService;
import io.mercator.api.jobs.TrainingRequest;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.testing.postgres.PostgresServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The PostgreSQL database inside the platform: its bundle and the JDBC driver resolve from system/,
 * a configuration io.mercator.store.postgres makes it the model store and moves the data sets, the
 * job history and the schedules' runs into it, and deleting the configuration gives the folders back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresModelStoreSelectionTest extends PlatformTest {

    private static final String FOLDER_STORE = "io.mercator.platform.store";
    private static final String POSTGRES_STORE = "io.mercator.platform.store.postgres";

    @Inject
    private ConfigurationAdmin configurations;

    /** Runs outside the framework: starts the test server and hands its coordinates in. */
    @Override
    @Configuration
    public Option[] config() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String database = server.createDatabase("it_store");
        return new Option[] {PlatformOptions.platform(Files.createTempDirectory("mercator-deploy")),
            systemProperty("it.postgres.url").value(server.url(database)),
            systemProperty("it.postgres.user").value(server.user()),
            systemProperty("it.postgres.password").value(server.password())};
    }

    @Test
    public void aPostgresConfigurationSwitchesTheModelStore() throws Exception {
        assertEquals(FOLDER_STORE, storeBundle());
        long datasetsBefore = serviceId(DatasetService.class);
        long jobsBefore = serviceId(JobService.class);

        org.osgi.service.cm.Configuration postgres = configurations.getConfiguration("io.mercator.store.postgres", "?");
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("url", System.getProperty("it.postgres.url"));
        settings.put("user", System.getProperty("it.postgres.user"));
        settings.put(".password", System.getProperty("it.postgres.password"));
        settings.put("schema", "it_node");
        postgres.update(settings);
        awaitStoreFrom(POSTGRES_STORE);

        ServiceReference<ModelStore> reference = context.getServiceReference(ModelStore.class);
        ModelStore store = context.getService(reference);
        try {
            byte[] bytes = new byte[3_000_000];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i % 251);
            }
            StoredModel saved = store.save(Family.FILTERING, new FixedModel(bytes), Map.of("dataset", "it"));
            assertEquals(List.of(saved), store.list(Family.FILTERING));
            try (InputStream in = store.open(saved.id())) {
                assertArrayEquals(bytes, in.readAllBytes());
            }
            assertEquals(true, store.delete(saved.id()));
        } finally {
            context.ungetService(reference);
        }
        dataSetsJobsAndSchedulesFollowTheDatabase(datasetsBefore, jobsBefore);

        postgres.delete();
        awaitStoreFrom(FOLDER_STORE);
    }

    /** The data set and job services started again on the database: what they write lands in its tables. */
    private void dataSetsJobsAndSchedulesFollowTheDatabase(long datasetsBefore, long jobsBefore) throws Exception {
        DatasetService datasets = awaitRestarted(DatasetService.class, datasetsBefore);
        JobService jobs = awaitRestarted(JobService.class, jobsBefore);
        Path csv = Files.createTempFile("series", ".csv");
        Files.writeString(csv, "series_id,period,value\nflat,1,7\nflat,2,7\nflat,3,7\n");
        DatasetInfo dataset = datasets.importData(Family.FORECASTING, FileSource.of(csv), ImportOptions.defaults(),
                TrainingContext.none());
        JobInfo job = jobs.startTraining(new TrainingRequest(Family.FORECASTING, dataset.id(), "naive", Map.of()));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!jobs.find(job.id()).orElseThrow().state().isFinal() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(JobState.SUCCEEDED, jobs.find(job.id()).orElseThrow().state());
        ServiceReference<DataSource> database = context.getServiceReferences(DataSource.class,
                "(io.mercator.database=postgres)").iterator().next();
        try (Connection connection = context.getService(database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT row_count FROM it_node.datasets WHERE id = '"
                        + dataset.id() + "'), (SELECT state || ' ' || trigger FROM it_node.jobs WHERE id = '"
                        + job.id() + "')")) {
            rows.next();
            assertEquals(3, rows.getLong(1));
            assertEquals("SUCCEEDED manual", rows.getString(2));
        } finally {
            context.ungetService(database);
        }

        org.osgi.service.cm.Configuration nightly = configurations.getFactoryConfiguration("io.mercator.schedule",
                "nightly", "?");
        Dictionary<String, Object> schedule = new Hashtable<>();
        schedule.put("family", "forecasting");
        schedule.put("dataset", dataset.id());
        schedule.put("cron", "0 2 * * *");
        schedule.put("timezone", "UTC");
        nightly.update(schedule);
        org.osgi.service.cm.Configuration broken = configurations.getFactoryConfiguration("io.mercator.schedule",
                "broken", "?");
        schedule.put("cron", "0 25 * * *");
        broken.update(schedule);
        ServiceReference<ScheduleService> schedulesReference = context.getServiceReference(ScheduleService.class);
        ScheduleService schedules = context.getService(schedulesReference);
        try {
            deadline = System.currentTimeMillis() + 20_000;
            while (schedules.list().size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            List<ScheduleInfo> listed = schedules.list();
            assertEquals(List.of("broken", "nightly"), listed.stream().map(ScheduleInfo::name).toList());
            assertTrue(listed.get(0).configurationError(),
                    listed.get(0).configurationError().contains("field 'cron' '0 25 * * *' is not a cron expression"));
            assertEquals(2, listed.get(1).nextRun().atZone(java.time.ZoneOffset.UTC).getHour());
        } finally {
            context.ungetService(schedulesReference);
            nightly.delete();
            broken.delete();
        }
    }

    /** @return the service once it is another registration than the one with that id */
    private <S> S awaitRestarted(Class<S> type, long serviceIdBefore) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            ServiceReference<S> reference = context.getServiceReference(type);
            if (reference != null && (Long) reference.getProperty(Constants.SERVICE_ID) != serviceIdBefore) {
                return context.getService(reference);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(type.getSimpleName() + " did not start again on the database");
            }
            Thread.sleep(50);
        }
    }

    private long serviceId(Class<?> type) {
        return (Long) context.getServiceReference(type).getProperty(Constants.SERVICE_ID);
    }

    private String storeBundle() {
        ServiceReference<ModelStore> reference = context.getServiceReference(ModelStore.class);
        return reference == null ? "none" : reference.getBundle().getSymbolicName();
    }

    private void awaitStoreFrom(String bundle) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!bundle.equals(storeBundle())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the model store comes from " + storeBundle() + ", not " + bundle);
            }
            Thread.sleep(50);
        }
    }

    /** A model with the given bytes. */
    private record FixedModel(byte[] bytes) implements Model {
        @Override
        public String strategyName() {
            return "item-knn";
        }

        @Override
        public String strategyVersion() {
            return "1.0.0";
        }

        @Override
        public void writeTo(OutputStream out) throws java.io.IOException {
            out.write(bytes);
        }
    }
}
