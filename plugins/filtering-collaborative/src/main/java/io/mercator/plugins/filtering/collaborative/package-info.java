/**
 * Built-in recommenders: popularity (the baseline and cold-start fallback), item-kNN and user-kNN
 * over regularised baseline residuals, biased matrix factorisation trained by SGD,
 * implicit-feedback ALS, FP-growth association rules for baskets, and content-based TF-IDF over
 * the item catalogue (item-kNN with similarities from the items' descriptions). All share one model
 * base (ids, users' items, popularity fallback, baseline, explanations, binary format) and keep
 * their data in primitive arrays.
 */
package io.mercator.plugins.filtering.collaborative;
