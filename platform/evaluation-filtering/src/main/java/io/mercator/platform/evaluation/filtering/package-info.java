/** The filtering family's evaluator: splits, error and ranking metrics, and the DS component. */
package io.mercator.platform.evaluation.filtering;
