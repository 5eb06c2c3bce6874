package io.mercator.platform.datasets;

import io.mercator.api.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The configured {@link Database connections} by name, as they come and go with their
 * configuration files ({@code conf/io.mercator.connection-<name>.cfg}).
 */
@Component(service = ConnectionRegistry.class, immediate = true)
public final class ConnectionRegistry {

    private final Map<String, Database> byName = new ConcurrentSkipListMap<>();

    /**
     * Adds a connection; DS calls it for each configured one, code outside a framework (tests,
     * benchmarks) may call it with its own.
     *
     * @param database the connection, replacing one of the same name
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "remove")
    public void add(Database database) {
        byName.put(database.name(), database);
    }

    /** @param database a connection added before; removed unless another took its name since */
    public void remove(Database database) {
        byName.remove(database.name(), database);
    }

    /** @return the names of the configured connections, sorted */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * @param name a connection's name
     * @return the connection
     * @throws ValidationException naming the configured connections when there is none of that name
     */
    Database require(String name) {
        Database database = byName.get(name);
        if (database == null) {
            throw new ValidationException("connection", "no connection named '" + name + "' is configured ("
                    + (byName.isEmpty() ? "there are none" : "there are " + String.join(", ", byName.keySet()))
                    + "); add conf/io.mercator.connection-" + name + ".cfg with url, user and .password");
        }
        return database;
    }
}
