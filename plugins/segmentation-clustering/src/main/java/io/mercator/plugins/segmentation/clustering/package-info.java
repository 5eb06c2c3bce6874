/** Built-in clustering segmentation: k-means on standardised log recency, frequency and monetary value. */
package io.mercator.plugins.segmentation.clustering;
