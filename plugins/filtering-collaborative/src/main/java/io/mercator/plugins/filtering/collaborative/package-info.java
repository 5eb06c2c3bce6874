/**
 * Built-in collaborative-filtering recommenders: popularity (the baseline and cold-start fallback),
 * item-kNN over regularised baseline residuals, biased matrix factorisation trained by SGD,
 * implicit-feedback ALS, and FP-growth association rules for baskets. All share one model base
 * (ids, popularity fallback, baseline, binary format) and keep their data in primitive arrays.
 */
package io.mercator.plugins.filtering.collaborative;
