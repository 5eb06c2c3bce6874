/** The optimization family. */
@Export
@Version("1.0.0")
package io.mercator.api.optimization;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
