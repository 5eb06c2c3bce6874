/**
 * Built-in collaborative-filtering recommenders: popularity (the baseline and cold-start fallback),
 * item-kNN over regularised baseline residuals, and biased matrix factorisation trained by SGD.
 */
package io.mercator.plugins.filtering.collaborative;
