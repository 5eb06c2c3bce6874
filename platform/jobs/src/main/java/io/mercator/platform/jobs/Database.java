package io.mercator.platform.jobs;

import java.util.Map;
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

    static Database of(Map.Entry<Map<String, Object>, DataSource> service) {
        Map<String, Object> properties = service.getKey();
        return new Database(service.getValue(), (String) properties.get("io.mercator.database.schema"),
                (String) properties.get("io.mercator.database.node"));
    }
}
