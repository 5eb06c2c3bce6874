/** The segmentation family. */
@Export
@Version("1.0.0")
package io.mercator.api.segmentation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
