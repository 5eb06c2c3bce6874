/**
 * Built-in pricing strategies: log-log demand regression with shrinkage toward the pooled
 * elasticity, and profit-maximising prices under business rules.
 */
package io.mercator.plugins.pricing.elasticity;
