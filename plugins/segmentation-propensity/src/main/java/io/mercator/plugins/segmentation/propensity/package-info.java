/** Built-in purchase propensity: regularised logistic regression on features built from transactions. */
package io.mercator.plugins.segmentation.propensity;
