package io.mercator.launcher;

import io.mercator.boot.FrameworkDefaults;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Framework and launcher settings: built-in defaults, overridden by {@code conf/mercator.properties},
 * overridden by a system property of the same name. Values may refer to other settings and to
 * {@code mercator.home} as {@code ${name}}. Keys starting with {@code mercator.} configure the
 * launcher; every other key is passed to the framework as a framework property (Felix, FileInstall,
 * Config Admin, Log Service settings).
 */
public final class Settings {

    static final String STARTUP_TIMEOUT = "mercator.startup.timeout.ms";
    static final String SHUTDOWN_TIMEOUT = "mercator.shutdown.timeout.ms";
    static final String CONTROL_PORT = "mercator.control.port";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param home the home folder
     * @return the settings of that home
     * @throws UncheckedIOException when conf/mercator.properties exists but cannot be read
     */
    public static Settings load(Home home) {
        Map<String, String> raw = new LinkedHashMap<>(defaults());
        Path file = home.conf().resolve("mercator.properties");
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(key -> raw.put(key, properties.getProperty(key).trim()));
        }
        for (String key : raw.keySet()) {
            String override = System.getProperty(key);
            if (override != null) {
                raw.put(key, override);
            }
        }
        raw.put(Home.HOME_PROPERTY, home.root().toString());
        Map<String, String> resolved = new LinkedHashMap<>();
        raw.forEach((key, value) -> resolved.put(key, substitute(value, raw, 0)));
        return new Settings(resolved);
    }

    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(STARTUP_TIMEOUT, "30000");
        d.put(SHUTDOWN_TIMEOUT, "15000");
        d.put(CONTROL_PORT, "8640");
        d.putAll(FrameworkDefaults.properties());
        return d;
    }

    private static String substitute(String value, Map<String, String> all, int depth) {
        if (depth > 10 || value.indexOf("${") < 0) {
            return value;
        }
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = all.containsKey(name) ? all.get(name) : System.getProperty(name, "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(substitute(replacement, all, depth + 1)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * @param key a setting
     * @param value its value, e.g. from a command-line option
     * @return these settings with that value
     */
    public Settings with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(key, value);
        return new Settings(changed);
    }

    /**
     * @param key a setting
     * @return its value, null when unset
     */
    public String get(String key) {
        return values.get(key);
    }

    /** @return the framework properties (every key not starting with {@code mercator.}) */
    public Map<String, String> frameworkProperties() {
        Map<String, String> framework = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!key.startsWith("mercator.")) {
                framework.put(key, value);
            }
        });
        return framework;
    }

    /** @return how long start-up waits for deploy/ bundles and their strategies */
    public Duration startupTimeout() {
        return Duration.ofMillis(longValue(STARTUP_TIMEOUT));
    }

    /** @return how long shutdown waits for the framework to stop */
    public Duration shutdownTimeout() {
        return Duration.ofMillis(longValue(SHUTDOWN_TIMEOUT));
    }

    /** @return the control channel port when none is given on the command line */
    public int controlPort() {
        return (int) longValue(CONTROL_PORT);
    }

    private long longValue(String key) {
        String value = values.get(key);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, is '" + value + "'");
        }
    }
}
