/** The segmentation family's evaluator: reads customer transactions and compares segmentation strategies. */
package io.mercator.platform.evaluation.segmentation;
