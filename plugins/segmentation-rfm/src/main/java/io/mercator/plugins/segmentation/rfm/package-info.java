/** Built-in RFM segmentation: quintile scores of recency, frequency and monetary value, and named segments. */
package io.mercator.plugins.segmentation.rfm;
