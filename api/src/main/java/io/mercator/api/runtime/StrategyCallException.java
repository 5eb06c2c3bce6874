package io.mercator.api.runtime;

/**
 * A strategy called through {@link StrategyRegistry#call} failed: it threw, returned an invalid
 * result, or missed its deadline. The message names the strategy and says what went wrong; the
 * cause, when there is one, is the strategy's own exception.
 */
public class StrategyCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message names the strategy and the failure
     * @param cause the strategy's exception, or null
     */
    public StrategyCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
