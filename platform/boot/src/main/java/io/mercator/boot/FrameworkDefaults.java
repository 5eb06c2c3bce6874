package io.mercator.boot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime's framework properties by default (Felix, Config Admin, FileInstall, Log Service,
 * the model store). Values refer to the home folder as {@code ${mercator.home}}; whoever boots the
 * framework substitutes it and may override any key.
 */
public final class FrameworkDefaults {

    /** The placeholder for the home folder in the values. */
    public static final String HOME = "${mercator.home}";

    private FrameworkDefaults() {
    }

    /** @return the defaults, in a new mutable map */
    public static Map<String, String> properties() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("org.osgi.framework.storage", HOME + "/data/felix-cache");
        d.put("org.osgi.framework.storage.clean", "onFirstInit");
        d.put("felix.cm.dir", HOME + "/data/config");
        d.put("io.mercator.store.folder", HOME + "/data/models");
        d.put("io.mercator.datasets.folder", HOME + "/data/datasets");
        d.put("io.mercator.jobs.folder", HOME + "/data/jobs");
        d.put("io.mercator.schedules.folder", HOME + "/data/schedules");
        d.put("io.mercator.rest.folder", HOME + "/data/rest");
        d.put("io.mercator.rest.items", HOME + "/data/items.csv");
        d.put("io.mercator.rest.audit.log", HOME + "/logs/audit.log");
        d.put("io.mercator.rest.console.folder", HOME + "/console");
        d.put("io.mercator.rest.local.access", HOME + "/run/rest.json");
        d.put("felix.fileinstall.dir", HOME + "/deploy," + HOME + "/conf");
        d.put("felix.fileinstall.poll", "250");
        d.put("felix.fileinstall.noInitialDelay", "true");
        d.put("felix.fileinstall.filter", "[^.].*\\.(jar|cfg|config)");
        d.put("felix.fileinstall.bundles.new.start", "true");
        // FileInstall 3.7.4 writes configuration changes back by truncating the file in place, and its
        // watcher can read the truncated file and apply an empty configuration (seen at start-up with
        // conf/io.mercator.rest.cfg). The registry writes its own file atomically instead.
        d.put("felix.fileinstall.enableConfigSave", "false");
        d.put("felix.fileinstall.tmpdir", HOME + "/data/fileinstall");
        d.put("felix.fileinstall.log.level", "3");
        d.put("org.osgi.service.log.admin.loglevel", "INFO");
        d.put("ds.loglevel", "warn");
        return d;
    }
}
