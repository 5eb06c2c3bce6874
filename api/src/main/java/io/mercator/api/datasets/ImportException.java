package io.mercator.api.datasets;

import io.mercator.api.ValidationException;
import java.util.Objects;

/**
 * An import failed and stored nothing: the source could not be read, lacked a required column,
 * had no usable row, or had bad rows under {@link BadRowPolicy#REJECT_ALL}. The message names the
 * first problem and how many there were; {@link #report()} lists them.
 */
public class ImportException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /**
     * @param source the source's name, reported as the field at fault
     * @param problem what is wrong
     * @param report what was read before the import gave up
     */
    public ImportException(String source, String problem, ValidationReport report) {
        super(source, problem);
        this.report = Objects.requireNonNull(report, "report");
    }

    /** @return the rows read and the bad rows found */
    public ValidationReport report() {
        return report;
    }
}
