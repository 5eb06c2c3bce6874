package io.mercator.platform.jobs;

import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Mercator's PostgreSQL database as its service (registered by the store-postgres bundle when
 * configured) describes it.
 *
 * @param dataSource connections to it, its schema migrated
 * @param schema the schema of Mercator's tables
 * @param node this node's name in the records
 */
record Database(DataSource dataSource, String schema, String node) {

    /** The filter that selects the database service. */
    static final String TARGET = "(io.mercator.database=postgres)";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * @param schema a schema name, as the database service gives it
     * @param table a table of Mercator's schema
     * @return the table's qualified name, safe to put into SQL
     * @throws IllegalArgumentException when the schema is not a plain lower-case name
     */
    static String table(String schema, String table) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("'" + schema + "' is not a schema name");
        }
        return schema + "." + table;
    }

    static Database of(Map.Entry<Map<String, Object>, DataSource> service) {
        Map<String, Object> properties = service.getKey();
        return new Database(service.getValue(), (String) properties.get("io.mercator.database.schema"),
                (String) properties.get("io.mercator.database.node"));
    }
}
