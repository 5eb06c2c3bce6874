/** The pricing family. */
@Export
@Version("1.0.0")
package io.mercator.api.pricing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
