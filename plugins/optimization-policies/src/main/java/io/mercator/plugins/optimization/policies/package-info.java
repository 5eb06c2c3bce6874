/**
 * Built-in replenishment policies: reorder point with EOQ (s,Q), min-max (s,S), periodic review
 * (R,S) and newsvendor, for cycle-service-level or fill-rate targets, with normal (or, when widely
 * spread, gamma) demand for fast movers and Poisson / negative binomial demand for slow movers.
 */
package io.mercator.plugins.optimization.policies;
