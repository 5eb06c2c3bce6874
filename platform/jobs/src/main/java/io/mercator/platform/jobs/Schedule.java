package io.mercator.platform.jobs;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.mercator.api.Family;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One configured retraining schedule ({@code conf/io.mercator.schedule-<name>.cfg}):
 * <pre>
 * family = forecasting          # required
 * dataset = demo-forecasting    # required: a data set id, or a label (the family's newest data set with it)
 * strategy = ets                # optional: the family's default when absent
 * parameter.alpha = 0.3         # optional, any number: the strategy's parameters
 * cron = 0 2 * * *              # required: minute hour day-of-month month day-of-week (Unix cron)
 * timezone = Europe/Paris       # optional: the JVM's time zone when absent
 * </pre>
 *
 * @param name the schedule's name
 * @param source its configuration file, or configuration PID
 */
record Schedule(String name, String source, Family family, String dataset, String strategy,
        Map<String, String> parameters, String cron, ZoneId zone, ExecutionTime executions) {

    /** The factory PID of schedule configurations. */
    static final String FACTORY_PID = "io.mercator.schedule";
    /** The trigger of the jobs a schedule starts is this followed by its name. */
    static final String TRIGGER_PREFIX = "schedule:";
    private static final String PARAMETER_PREFIX = "parameter.";
    private static final Set<String> FIELDS = Set.of("family", "dataset", "strategy", "cron", "timezone");
    private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final String FILE_PROPERTY = "felix.fileinstall.filename";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * Reads a schedule's configuration.
     *
     * @param pid the configuration's PID
     * @param properties its properties
     * @return the schedule
     * @throws Invalid naming the file (or PID) and the field at fault
     */
    static Schedule parse(String pid, Map<String, Object> properties) {
        String source = source(pid, properties);
        String name = name(pid, properties);
        if (!NAME.matcher(name).matches()) {
            throw invalid(source, "name", "'" + name + "' is not a schedule name (letters, digits, '.', '_', '-')");
        }
        for (String key : properties.keySet()) {
            if (!FIELDS.contains(key) && !key.startsWith(PARAMETER_PREFIX) && !key.startsWith("service.")
                    && !key.startsWith("felix.") && !key.startsWith("component.")) {
                throw invalid(source, key, "is not a field of a schedule (family, dataset, strategy, cron, timezone, "
                        + "parameter.<name>)");
            }
        }
        String familyText = required(source, properties, "family");
        Family family = Arrays.stream(Family.values())
                .filter(each -> each.id().equals(familyText.toLowerCase(Locale.ROOT))).findFirst().orElseThrow(() -> invalid(source, "family", "'" + familyText + "' is not a family ("
                        + Arrays.stream(Family.values()).map(Family::id).collect(Collectors.joining(", ")) + ")"));
        String dataset = required(source, properties, "dataset");
        String strategy = optional(properties, "strategy").orElse("");
        Map<String, String> parameters = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(PARAMETER_PREFIX)) {
                String parameter = key.substring(PARAMETER_PREFIX.length());
                if (parameter.isBlank()) {
                    throw invalid(source, key, "names no parameter (parameter.<name> = <value>)");
                }
                parameters.put(parameter, String.valueOf(value).trim());
            }
        });
        String cron = required(source, properties, "cron");
        ExecutionTime executions;
        try {
            executions = ExecutionTime.forCron(UNIX_CRON.parse(cron).validate());
        } catch (IllegalArgumentException bad) {
            throw invalid(source, "cron", "'" + cron + "' is not a cron expression of five fields (minute hour "
                    + "day-of-month month day-of-week, e.g. '0 2 * * *' for 02:00 every day): " + bad.getMessage());
        }
        ZoneId zone;
        try {
            zone = optional(properties, "timezone").map(ZoneId::of).orElse(ZoneId.systemDefault());
        } catch (DateTimeException bad) {
            throw invalid(source, "timezone", "'" + properties.get("timezone") + "' is not a time zone (e.g. "
                    + "Europe/Paris, UTC, +02:00)");
        }
        return new Schedule(name, source, family, dataset, strategy, Map.copyOf(parameters), cron, zone, executions);
    }

    /**
     * @param after an instant
     * @return the first occurrence strictly after it; empty when there is none
     */
    Optional<Instant> nextAfter(Instant after) {
        return executions.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    /**
     * @param now an instant
     * @return the latest occurrence at or before it; empty when there is none
     */
    Optional<Instant> latestUntil(Instant now) {
        Optional<Instant> latest = executions.lastExecution(ZonedDateTime.ofInstant(now, zone))
                .map(ZonedDateTime::toInstant);
        Optional<Instant> following = nextAfter(latest.orElse(now.minusSeconds(1)));
        // lastExecution is strictly before its argument: an occurrence exactly now comes after it
        return following.isPresent() && !following.get().isAfter(now) ? following : latest;
    }

    /** @return the trigger of the jobs this schedule starts */
    String trigger() {
        return TRIGGER_PREFIX + name;
    }

    /** @return the file a configuration came from, else its PID */
    static String source(String pid, Map<String, Object> properties) {
        Object file = properties.get(FILE_PROPERTY);
        if (file != null) {
            try {
                return Path.of(URI.create(file.toString())).toString();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAFile) {
                return file.toString();
            }
        }
        return "configuration " + pid;
    }

    /** @return the schedule's name: from its file {@code io.mercator.schedule-<name>.cfg}, else its PID */
    static String name(String pid, Map<String, Object> properties) {
        Object file = properties.get(FILE_PROPERTY);
        if (file != null) {
            String fileName = file.toString().substring(file.toString().lastIndexOf('/') + 1);
            String prefix = FACTORY_PID + "-";
            if (fileName.startsWith(prefix) && fileName.endsWith(".cfg")) {
                return fileName.substring(prefix.length(), fileName.length() - ".cfg".length());
            }
        }
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    private static String required(String source, Map<String, Object> properties, String field) {
        return optional(properties, field).orElseThrow(() -> invalid(source, field, "is missing"));
    }

    private static Optional<String> optional(Map<String, Object> properties, String field) {
        Object value = properties.get(field);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }

    private static Invalid invalid(String source, String field, String problem) {
        return new Invalid(field, source + ": field '" + field + "' " + problem);
    }

    /** A schedule configuration that cannot be used; the message names the file (or PID) and the field. */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        /** @return the configuration field at fault */
        String field() {
            return field;
        }
    }
}
