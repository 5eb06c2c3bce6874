package io.mercator.api.datasets;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an import reads its rows from. Today a file ({@link FileSource}); a database query is
 * the next kind. The implementation picks its reader by the kind of source.
 */
@ProviderType
public interface DataSource {

    /** @return a short name of the source used in reports, e.g. the file name */
    String name();
}
