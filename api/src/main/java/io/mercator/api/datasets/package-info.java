/**
 * Data sets: importing a family's training data from a source (a CSV or JSON file, or a SQL
 * query on a named database connection), validating every row, keeping the result under the
 * Mercator home, and opening it as the family's typed input ({@link io.mercator.api.forecasting.SeriesSet},
 * {@link io.mercator.api.filtering.Interactions}, {@link io.mercator.api.segmentation.Transactions},
 * {@link io.mercator.api.pricing.PriceObservations}). Results can be exported the same ways
 * (CSV, JSON or a database table, {@link io.mercator.api.datasets.ResultExporter}).
 *
 * <p>The platform implements these services; the CLI, the REST API and the embedding API call them.
 */
@Export
@Version("1.1.0")
package io.mercator.api.datasets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
