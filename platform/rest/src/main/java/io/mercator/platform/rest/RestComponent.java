package io.mercator.platform.rest;

import com.google.gson.JsonObject;
import io.mercator.api.runtime.ModelStore;
import io.mercator.api.runtime.StrategyMetrics;
import io.mercator.api.runtime.StrategyRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The REST API's life cycle: configured by {@code conf/io.mercator.rest.cfg} (no configuration, no
 * server), it opens the token store (creating the first admin token at the very first start and
 * printing it once on the console), wires the resources into the router and runs the Jetty server.
 */
@Component(service = {}, immediate = true, configurationPid = RestComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RestComponent.Config.class)
public final class RestComponent {

    static final String PID = "io.mercator.rest";
    /** Framework property set by {@code bin/mercator start --http-port N}; wins over the configured port. */
    static final String PORT_PROPERTY = "io.mercator.rest.port";
    /** Framework property the launcher sets to {@code <home>/data/rest}: tokens and uploads. */
    static final String FOLDER_PROPERTY = "io.mercator.rest.folder";
    /** Framework property the launcher sets to {@code <home>/logs/audit.log}. */
    static final String AUDIT_PROPERTY = "io.mercator.rest.audit.log";
    /** Framework property the launcher sets to {@code <home>/console}: the web console's files. */
    static final String CONSOLE_PROPERTY = "io.mercator.rest.console.folder";
    /** Framework property the launcher sets to {@code <home>/run/rest.json}: the CLI's {@link LocalAccess}. */
    static final String LOCAL_ACCESS_PROPERTY = "io.mercator.rest.local.access";
    /** Framework property the launcher sets to {@code <home>/data/items.csv}: the item catalogue. */
    static final String ITEMS_PROPERTY = "io.mercator.rest.items";
    private static final String DEPLOY_PROPERTY = "felix.fileinstall.dir";

    @ObjectClassDefinition(name = "Mercator REST API", description = "Where the REST API listens and its limits")
    @interface Config {
        @AttributeDefinition(description = "Address to bind; 127.0.0.1 serves this machine only, 0.0.0.0 every "
                + "interface")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "TCP port; 0 picks a free one (bin/mercator start --http-port overrides)",
                min = "0", max = "65535")
        int port() default 8641;

        @AttributeDefinition(description = "Largest request body in bytes (jar uploads, query inputs)", min = "1")
        long max_body_bytes() default 64L * 1024 * 1024;

        @AttributeDefinition(description = "Most rows a query may carry (series values, customers, products, SKUs)",
                min = "1")
        int max_rows() default 1_000_000;

        @AttributeDefinition(description = "Most requests served at once", min = "4")
        int threads() default 64;

        @AttributeDefinition(description = "Milliseconds a strategy call (fit or query) may take", min = "1")
        long call_deadline_ms() default 60_000;
    }

    @Reference
    private StrategyRegistry registry;

    @Reference
    private StrategyMetrics strategyMetrics;

    @Reference
    private ModelStore store;

    @Reference
    private ServiceComponentRuntime components;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    private BundleContext context;
    private RestServer server;
    private BundleListener invalidation;
    private EvaluationsApi evaluations;
    private LocalAccess localAccess;

    @Activate
    void activate(BundleContext context, Config config) throws Exception {
        this.context = context;
        Path folder = folder(context, FOLDER_PROPERTY, context.getDataFile("rest").toPath());
        AuditLog audit = new AuditLog(folder(context, AUDIT_PROPERTY, folder.resolve("audit.log")));
        TokenStore tokens = TokenStore.open(folder.resolve("tokens.json"));
        Optional<TokenStore.Created> firstAdmin = tokens.exists() ? Optional.empty()
                : Optional.of(tokens.create("admin", Role.ADMIN));
        if (firstAdmin.isPresent()) {
            audit.record("(first start)", "token.create", "admin (admin)", "ok");
        }

        Metrics metrics = new Metrics();
        StrategyCalls calls = new StrategyCalls(registry, Duration.ofMillis(config.call_deadline_ms()));
        ModelCache models = new ModelCache(store, registry, calls);
        invalidation = event -> {
            int type = event.getType();
            if (type == BundleEvent.UPDATED || type == BundleEvent.STOPPED || type == BundleEvent.UNINSTALLED
                    || type == BundleEvent.UNRESOLVED) {
                models.bundleChanged(event.getBundle().getBundleId());
            }
        };
        context.addBundleListener(invalidation);

        Router router = new Router();
        new SystemApi(registry, strategyMetrics, metrics).register(router);
        new BundlesApi(context, registry, components, deployFolder(context), folder.resolve("uploads"), audit).register(router);
        new StrategiesApi(registry, audit).register(router);
        new TokensApi(tokens, audit).register(router);
        Services services = new Services(context);
        ItemCatalogue catalogue = new ItemCatalogue(folder(context, ITEMS_PROPERTY, folder.resolve("items.csv")));
        new QueriesApi(calls, models, services, config.max_rows(), catalogue).register(router);
        new ItemsApi(catalogue, audit).register(router);
        new DataApi(services, store, models, audit).register(router);
        evaluations = new EvaluationsApi(context, folder.getParent(), logger);
        evaluations.register(router);

        String portOverride = context.getProperty(PORT_PROPERTY);
        int port = portOverride == null || portOverride.isBlank() ? config.port() : Integer.parseInt(portOverride.trim());
        Path console = folder(context, CONSOLE_PROPERTY, null);
        server = new RestServer(new RestServer.Settings(config.host(), port, config.max_body_bytes(), config.threads(),
                console, folder.resolve("uploads")), router, tokens, metrics, () -> health(models), logger);
        try {
            server.start();
        } catch (IOException cannotListen) {
            // usually the port is taken: say so plainly; a changed configuration activates the component again
            logger.error("REST API not started: cannot listen on {}:{}: {}. Choose another port in "
                    + "conf/io.mercator.rest.cfg or with 'start --http-port N'", config.host(), port,
                    cannotListen.getMessage());
            server = null;
        }
        String base = "http://" + config.host() + ":" + (server == null ? port : server.port());
        if (server != null) {
            logger.info("REST API on {}/api/v1 (health at {}/health); audit log {}", base, base, audit.file());
            openLocalAccess(context, tokens, config.host());
        }
        // even when the server could not start: the secret exists nowhere else
        firstAdmin.ifPresent(created -> announce(created.secret(), base));
    }

    private void openLocalAccess(BundleContext context, TokenStore tokens, String host) {
        Path file = folder(context, LOCAL_ACCESS_PROPERTY, null);
        if (file != null) {
            try {
                localAccess = LocalAccess.open(tokens, file, host, server.port());
            } catch (IOException | RuntimeException e) {
                logger.warn("The command line's query commands will not reach the REST API: cannot write {}: {}",
                        file, e.getMessage());
            }
        }
    }

    /**
     * The first admin token goes to the console only: a secret must not end up in log files. This
     * is the one place the server writes to standard output.
     */
    private void announce(String secret, String base) {
        logger.warn("First start: an admin token named 'admin' was created and printed on the console (not in the "
                + "log); see README, 'The REST API'");
        PrintStream console = System.out;
        console.println();
        console.println("=== Mercator REST API: first start ===========================================");
        console.println("An admin token was created. It is shown this once and stored only as a hash:");
        console.println();
        console.println("    export MERCATOR_ADMIN_TOKEN=" + secret);
        console.println();
        console.println("Then: curl -H \"Authorization: Bearer $MERCATOR_ADMIN_TOKEN\" " + base + "/api/v1/bundles");
        console.println("==============================================================================");
        console.println();
        console.flush();
    }

    private JsonObject health(ModelCache models) {
        JsonObject json = new JsonObject();
        json.addProperty("status", "UP");
        json.addProperty("strategies", registry.list().size());
        json.addProperty("modelsLoaded", models.size());
        return json;
    }

    @Deactivate
    void deactivate() throws Exception {
        context.removeBundleListener(invalidation);
        evaluations.close();
        if (localAccess != null) {
            localAccess.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static Path folder(BundleContext context, String property, Path fallback) {
        String value = context.getProperty(property);
        return value == null || value.isBlank() ? fallback : Path.of(value.trim());
    }

    private static Optional<Path> deployFolder(BundleContext context) {
        String dirs = context.getProperty(DEPLOY_PROPERTY);
        if (dirs == null || dirs.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(dirs.split(",")).map(String::trim).filter(dir -> !dir.isEmpty()).findFirst()
                .map(Path::of);
    }
}
