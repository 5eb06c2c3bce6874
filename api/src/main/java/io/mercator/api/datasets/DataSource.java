package io.mercator.api.datasets;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an import reads its rows from: a file ({@link FileSource}) or a SQL query on a named
 * database connection ({@link QuerySource}). The implementation picks its reader by the kind of source.
 */
@ProviderType
public interface DataSource {

    /** @return a short name of the source used in reports, e.g. the file name */
    String name();
}
