/**
 * The common strategy contract shared by every algorithm family.
 *
 * <p>A <em>strategy</em> is a service, registered by a bundle, that fits a {@link io.mercator.api.Model}
 * from a family's data set. Every strategy describes itself through a
 * {@link io.mercator.api.StrategyDescriptor} (family, name, version, vendor, description and typed
 * parameters). A model answers the family's queries and can be written to and read back from
 * bytes so that the platform can store it.
 *
 * <p>Vendors implement the family interfaces found in the sub-packages
 * ({@code io.mercator.api.forecasting}, {@code io.mercator.api.filtering}, ...); they never need
 * platform code. Algorithm code depends only on this API and plain Java, so the same strategy can
 * also run outside OSGi (a unit test, a batch job).
 */
@Export
@Version("1.0.0")
package io.mercator.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
