/** Built-in customer lifetime value segmentation: BG/NBD with Gamma-Gamma spend. */
package io.mercator.plugins.segmentation.clv;
