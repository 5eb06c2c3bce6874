/**
 * Filtering family: recommendations learnt from user-item interactions.
 *
 * <p>Vendors implement {@link io.mercator.api.filtering.RecommenderStrategy}; it fits a
 * {@link io.mercator.api.filtering.RecommenderModel} from
 * {@link io.mercator.api.filtering.Interactions} (ratings or implicit feedback such as
 * purchases, optionally with an {@link io.mercator.api.filtering.ItemCatalog} of item texts and
 * attributes), and the model answers top-N {@link io.mercator.api.filtering.Recommendations} for
 * a user, items similar to an item, and the predicted value of a user-item pair, and says why it
 * recommends an item ({@link io.mercator.api.filtering.Explanation}). Unknown users and items get a
 * fallback ranking rather than an error. {@link io.mercator.api.filtering.BatchScorer} writes
 * top-N lists for many users to a file.
 */
@Export
@Version("1.2.0")
package io.mercator.api.filtering;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
