/**
 * Building blocks shared by the families' columnar data sets.
 *
 * <p>Data sets in Mercator never hold one object per row: they hold primitive arrays (one per
 * column) and {@link io.mercator.api.data.IdDictionary id dictionaries} that map the string ids
 * of users, items, series, customers or products to dense {@code int} indices. Every data set
 * validates itself on construction and reports bad values with the column and row at fault.
 */
@Export
@Version("1.0.0")
package io.mercator.api.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
