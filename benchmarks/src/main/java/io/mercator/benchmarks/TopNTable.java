package io.mercator.benchmarks;

import io.mercator.api.Parameters;
import io.mercator.api.filtering.RecommenderStrategy;
import io.mercator.platform.evaluation.filtering.RankingProtocol;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one row of top-N figures per strategy under the evaluator's {@link RankingProtocol}, with
 * the wall time of its fit and lists (some fits are parallel, so thread CPU time would undercount).
 */
final class TopNTable {

    private final RankingProtocol protocol;

    TopNTable(RankingProtocol protocol) {
        this.protocol = protocol;
        System.out.println("  " + protocol.definitions());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-34s", "strategy"));
        protocol.columns().forEach(column -> header.append(String.format(Locale.ROOT, " %11s", column)));
        System.out.println(header.append(String.format(Locale.ROOT, " %11s", "wall s")));
    }

    /**
     * Evaluates one strategy and prints its row; a strategy that cannot fit the data prints why.
     *
     * @param label the row's name
     * @param strategy the strategy
     * @param parameters parameters other than the strategy's defaults
     */
    void row(String label, RecommenderStrategy strategy, Map<String, ?> parameters) {
        long started = System.nanoTime();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s", label));
        try {
            for (double value : protocol.evaluate(strategy, Parameters.resolve(strategy.descriptor().parameters(),
                    parameters))) {
                line.append(String.format(Locale.ROOT, " %11.4f", value));
            }
            line.append(String.format(Locale.ROOT, " %11.1f", (System.nanoTime() - started) / 1e9));
        } catch (RuntimeException failed) {
            line.append(" failed: ").append(failed.getMessage());
        }
        System.out.println(line);
    }
}
