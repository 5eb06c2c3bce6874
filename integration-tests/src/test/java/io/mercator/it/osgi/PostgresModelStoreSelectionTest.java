package io.mercator.it.osgi;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.mercator.api.Family;
import io.mercator.api.Model;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StoredModel;
import io.mercator.testing.postgres.PostgresServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The PostgreSQL store inside the platform: its bundle and the JDBC driver resolve from system/,
 * a configuration io.mercator.store.postgres makes it the model store, and deleting the
 * configuration gives the folder store back.
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

        postgres.delete();
        awaitStoreFrom(FOLDER_STORE);
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
