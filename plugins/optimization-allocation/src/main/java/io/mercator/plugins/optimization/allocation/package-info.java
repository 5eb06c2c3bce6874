/**
 * Linear-programming strategies of the optimization family: budget-constrained replenishment and
 * multi-warehouse allocation, solved with ojAlgo (embedded in this bundle).
 */
package io.mercator.plugins.optimization.allocation;
