/**
 * Services the Mercator runtime provides to everything that calls strategies: the CLI, the REST
 * API, the embedding API and other bundles. Vendors do not implement these.
 */
@Export
@Version("1.1.0")
package io.mercator.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
