package io.mercator.platform.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mercator.api.Family;
import io.mercator.api.runtime.StrategyInfo;
import io.mercator.api.runtime.StrategyRegistry;
import io.mercator.launcher.DeployFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@code /api/v1/bundles}: list, upload (install or update by symbolic name), start, stop,
 * uninstall. Uploads and uninstalls go through the {@code deploy/} folder with the launcher's own
 * {@link DeployFolder} (embedded in this bundle), exactly as {@code mercator install} does: the
 * change then survives restarts (the framework cache is rebuilt at every start), FileInstall stays
 * the single path that installs strategy bundles, and the CLI sees the same state.
 */
final class BundlesApi {

    private static final Set<String> STRATEGY_TYPES = Arrays.stream(Family.values())
            .map(family -> family.strategyType().getName()).collect(Collectors.toUnmodifiableSet());
    static final List<String> JAR_TYPES = List.of("application/java-archive", "application/octet-stream");
    private static final long SETTLE_TIMEOUT_MS = 20_000;

    private final BundleContext context;
    private final StrategyRegistry registry;
    private final ServiceComponentRuntime components;
    private final Optional<DeployFolder> deploy;
    private final Path uploads;
    private final AuditLog audit;

    /**
     * @param context this bundle's context
     * @param registry for the strategies each bundle registers
     * @param components the components each bundle declares, to know which strategies it will register
     * @param deployFolder the watched folder, empty when none is configured
     * @param uploads where uploads are written before they are deployed
     * @param audit the audit log
     */
    BundlesApi(BundleContext context, StrategyRegistry registry, ServiceComponentRuntime components,
            Optional<Path> deployFolder, Path uploads, AuditLog audit) {
        this.context = context;
        this.registry = registry;
        this.components = components;
        this.deploy = deployFolder.map(DeployFolder::new);
        this.uploads = uploads;
        this.audit = audit;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/bundles", Role.VIEWER, List.of(), "list bundles", call -> list());
        router.add("GET", "/api/v1/bundles/{id}", Role.VIEWER, List.of(), "describe a bundle",
                call -> Reply.ok(describe(bundle(call))));
        router.addSpooled("POST", "/api/v1/bundles", Role.ADMIN, JAR_TYPES,
                "upload a bundle jar: install or update", this::upload);
        router.add("POST", "/api/v1/bundles/{id}/start", Role.ADMIN, List.of(), "start a bundle",
                call -> changeState(call, true));
        router.add("POST", "/api/v1/bundles/{id}/stop", Role.ADMIN, List.of(), "stop a bundle",
                call -> changeState(call, false));
        router.add("DELETE", "/api/v1/bundles/{id}", Role.ADMIN, List.of(), "uninstall a deployed bundle",
                this::uninstall);
    }

    private Reply list() {
        JsonArray bundles = new JsonArray();
        List<StrategyInfo> strategies = registry.list();
        for (Bundle bundle : context.getBundles()) {
            bundles.add(describe(bundle, strategies));
        }
        JsonObject body = new JsonObject();
        body.add("bundles", bundles);
        return Reply.ok(body);
    }

    private JsonObject describe(Bundle bundle) {
        return describe(bundle, registry.list());
    }

    private JsonObject describe(Bundle bundle, List<StrategyInfo> strategies) {
        JsonObject json = new JsonObject();
        json.addProperty("id", bundle.getBundleId());
        json.addProperty("symbolicName", bundle.getSymbolicName());
        json.addProperty("version", bundle.getVersion().toString());
        json.addProperty("name", header(bundle, Constants.BUNDLE_NAME));
        json.addProperty("vendor", header(bundle, Constants.BUNDLE_VENDOR));
        json.addProperty("state", stateName(bundle.getState()));
        json.addProperty("origin", origin(bundle));
        Map<X509Certificate, List<X509Certificate>> signers = bundle.getSignerCertificates(Bundle.SIGNERS_ALL);
        json.addProperty("signature", signers.isEmpty() ? "unsigned" : "signed");
        JsonArray signedBy = new JsonArray();
        signers.keySet().forEach(certificate -> signedBy.add(certificate.getSubjectX500Principal().getName()));
        json.add("signers", signedBy);
        JsonArray names = new JsonArray();
        strategies.stream().filter(s -> s.bundleId() == bundle.getBundleId())
                .forEach(s -> names.add(s.descriptor().family().id() + "/" + s.descriptor().name() + "@"
                        + s.descriptor().version()));
        json.add("strategies", names);
        return json;
    }

    private static String header(Bundle bundle, String name) {
        String value = bundle.getHeaders("").get(name);
        return value == null ? "" : value;
    }

    /** @return system (the platform, from system/), deployed (from deploy/) or other */
    private String origin(Bundle bundle) {
        if (bundle.getBundleId() == 0) {
            return "framework";
        }
        if (deploy.isPresent() && deploy.get().find(bundle.getSymbolicName())
                .filter(d -> Version.parseVersion(d.identity().version()).equals(bundle.getVersion())).isPresent()) {
            return "deployed";
        }
        return bundle.getLocation().startsWith("reference:") ? "system" : "other";
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNINSTALLED";
        }
    }

    private Bundle bundle(Call call) {
        String id = call.pathParameter("id");
        Bundle bundle = null;
        try {
            bundle = context.getBundle(Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            for (Bundle candidate : context.getBundles()) {
                if (id.equals(candidate.getSymbolicName())) {
                    bundle = candidate;
                }
            }
        }
        if (bundle == null) {
            throw Problem.notFound("no bundle with id or symbolic name '" + id + "'").with("field", "id").exception();
        }
        return bundle;
    }

    /**
     * The server spooled the jar to a temporary file in the uploads folder while reading it (the
     * size limit checked as it streamed in); it is renamed after the bundle it holds and deployed.
     */
    private Reply upload(Call call) throws IOException, InterruptedException {
        DeployFolder folder = deployFolder();
        Path received = call.spooledBody();
        if (Files.size(received) == 0) {
            throw Problem.badRequest("body", "the body must be the bundle jar").exception();
        }
        Path named = null;
        try {
            DeployFolder.BundleIdentity identity;
            try {
                identity = DeployFolder.identify(received);
            } catch (DeployFolder.DeployException notABundle) {
                throw Problem.badRequest("body", notABundle.getMessage().replace(received.toString(), "the upload"))
                        .exception();
            }
            String target = identity.symbolicName();
            boolean update = folder.find(target).isPresent();
            String action = update ? "bundle.update" : "bundle.install";
            if (!update && installed(target).isPresent()) {
                audit.record(call.caller().name(), action, target, "refused: part of the platform");
                throw Problem.conflict(target + " is a platform bundle (system/), not a deployed one; it cannot be "
                        + "replaced through the API").with("field", "Bundle-SymbolicName").exception();
            }
            named = uploads.resolve(target + "-" + identity.version() + ".jar");
            Files.move(received, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try {
                if (update) {
                    folder.update(named);
                } else {
                    folder.install(named);
                }
            } catch (DeployFolder.DeployException refused) {
                audit.record(call.caller().name(), action, target, "refused: " + refused.getMessage());
                throw Problem.conflict(refused.getMessage()).exception();
            }
            Optional<Bundle> bundle = awaitActive(target, Version.parseVersion(identity.version()));
            audit.record(call.caller().name(), action, target + " " + identity.version(),
                    bundle.isPresent() ? "ok" : "deployed, not active within " + SETTLE_TIMEOUT_MS + " ms");
            if (bundle.isEmpty()) {
                JsonObject pending = new JsonObject();
                pending.addProperty("symbolicName", target);
                pending.addProperty("version", identity.version());
                pending.addProperty("state", installed(target).map(b -> stateName(b.getState())).orElse("PENDING"));
                pending.addProperty("detail", "deployed to deploy/ but not active yet; see logs/mercator.log");
                return Reply.json(202, pending);
            }
            Reply reply = Reply.json(update ? 200 : 201, describe(bundle.get()));
            return reply.withHeader("Location", "/api/v1/bundles/" + bundle.get().getBundleId());
        } finally {
            if (named != null) {
                Files.deleteIfExists(named);
            }
        }
    }

    private DeployFolder deployFolder() {
        return deploy.orElseThrow(() -> Problem.conflict("this runtime has no deploy folder "
                + "(framework property felix.fileinstall.dir)").exception());
    }

    private Optional<Bundle> installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    /**
     * Waits for FileInstall to install or update the bundle, for it to become active and for the
     * registry to list every strategy its components declare (as {@code mercator install} does), so
     * that the answer shows the bundle serving.
     */
    private Optional<Bundle> awaitActive(String symbolicName, Version version) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<Bundle> bundle = installed(symbolicName).filter(b -> b.getVersion().equals(version));
            boolean fragment = bundle.map(b -> b.getHeaders("").get(Constants.FRAGMENT_HOST) != null).orElse(false);
            if (bundle.isPresent() && (fragment && bundle.get().getState() == Bundle.RESOLVED
                    || bundle.get().getState() == Bundle.ACTIVE && strategiesRegistered(bundle.get()))) {
                return bundle;
            }
            Thread.sleep(25);
        }
        return Optional.empty();
    }

    private boolean strategiesRegistered(Bundle bundle) {
        Collection<ComponentDescriptionDTO> descriptions = components.getComponentDescriptionDTOs(bundle);
        String header = bundle.getHeaders("").get("Service-Component");
        if (descriptions.isEmpty() && header != null && !header.isBlank()) {
            return false; // active, but SCR has not read its components yet
        }
        // enabled by default or by someone since: SCR lists a starting bundle's components before it enables them
        long declared = descriptions.stream().filter(c -> c.defaultEnabled || components.isComponentEnabled(c))
                .filter(component -> component.serviceInterfaces != null && Arrays.stream(component.serviceInterfaces)
                        .anyMatch(STRATEGY_TYPES::contains))
                .count();
        // during an update the registry may still list the old version's strategies under the same bundle id
        String version = bundle.getVersion().toString();
        long registered = registry.list().stream()
                .filter(s -> s.bundleId() == bundle.getBundleId() && s.bundleVersion().equals(version)).count();
        return registered >= declared;
    }

    private Reply changeState(Call call, boolean start) throws IOException, InterruptedException {
        Bundle bundle = bundle(call);
        String action = start ? "bundle.start" : "bundle.stop";
        String target = bundle.getSymbolicName();
        if (!start && servesThisApi(bundle)) {
            audit.record(call.caller().name(), action, target, "refused: the API needs it");
            throw Problem.conflict(target + " cannot be stopped through the API: the API itself needs it (stop "
                    + "Mercator with 'mercator stop' instead)").exception();
        }
        if (bundle.getBundleId() == 0) {
            audit.record(call.caller().name(), action, target, "refused: the framework");
            throw Problem.conflict("the framework is always started").exception();
        }
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            audit.record(call.caller().name(), action, target, "refused: fragment");
            throw Problem.conflict(target + " is a fragment; fragments are neither started nor stopped").exception();
        }
        try {
            if (start) {
                bundle.start();
            } else {
                bundle.stop();
            }
        } catch (BundleException | IllegalStateException failed) {
            audit.record(call.caller().name(), action, target, "failed: " + failed.getMessage());
            throw Problem.conflict(target + " could not be " + (start ? "started" : "stopped") + ": "
                    + failed.getMessage()).exception();
        }
        audit.record(call.caller().name(), action, target, "ok");
        if (start) {
            // so that the answer lists the strategies the bundle serves now
            long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
            while (!strategiesRegistered(bundle) && System.currentTimeMillis() < deadline) {
                Thread.sleep(25);
            }
        }
        return Reply.ok(describe(bundle));
    }

    /** @return whether stopping the bundle would take this API down: the framework, this bundle, or one it wires to */
    private boolean servesThisApi(Bundle bundle) {
        Bundle self = context.getBundle();
        if (bundle.getBundleId() == 0 || bundle.getBundleId() == self.getBundleId()) {
            return true;
        }
        BundleWiring wiring = self.adapt(BundleWiring.class);
        return wiring != null && wiring.getRequiredWires(null).stream()
                .anyMatch(wire -> wire.getProvider().getBundle().getBundleId() == bundle.getBundleId());
    }

    private Reply uninstall(Call call) throws IOException, InterruptedException {
        Bundle bundle = bundle(call);
        String target = bundle.getSymbolicName();
        DeployFolder folder = deployFolder();
        if (folder.find(target).isEmpty()) {
            audit.record(call.caller().name(), "bundle.uninstall", target, "refused: not deployed");
            throw Problem.conflict(target + " is not a deployed bundle (it is part of the platform); only bundles "
                    + "in deploy/ can be uninstalled").exception();
        }
        folder.uninstall(target);
        long deadline = System.currentTimeMillis() + SETTLE_TIMEOUT_MS;
        while (bundle.getState() != Bundle.UNINSTALLED && System.currentTimeMillis() < deadline) {
            Thread.sleep(25);
        }
        boolean gone = bundle.getState() == Bundle.UNINSTALLED;
        audit.record(call.caller().name(), "bundle.uninstall", target,
                gone ? "ok" : "removed from deploy/, still installed after " + SETTLE_TIMEOUT_MS + " ms");
        return gone ? Reply.noContent() : Reply.json(202, describe(bundle));
    }
}
