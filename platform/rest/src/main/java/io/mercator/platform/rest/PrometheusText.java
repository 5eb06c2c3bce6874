package io.mercator.platform.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): a {@code # HELP} and {@code # TYPE}
 * line per metric family, then its samples with escaped label values.
 */
final class PrometheusText {

    /** The content type scrapers expect. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);

    /** Starts a metric family. */
    PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** Writes one sample; labels in the map's order. */
    PrometheusText sample(String name, Map<String, String> labels, double value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
        return this;
    }

    /** Writes a histogram's cumulative buckets, sum and count. */
    PrometheusText histogram(String name, Map<String, String> labels, Histogram.Snapshot snapshot) {
        long cumulative = 0;
        double[] bounds = snapshot.bounds();
        for (int b = 0; b < bounds.length; b++) {
            cumulative += snapshot.counts()[b];
            sample(name + "_bucket", withLe(labels, format(bounds[b])), cumulative);
        }
        sample(name + "_bucket", withLe(labels, "+Inf"), snapshot.count());
        sample(name + "_sum", labels, snapshot.sum());
        sample(name + "_count", labels, snapshot.count());
        return this;
    }

    private static Map<String, String> withLe(Map<String, String> labels, String le) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put("le", le);
        return all;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
