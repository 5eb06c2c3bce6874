package io.mercator.api.datasets;

/**
 * One row an import could not use, and why.
 *
 * @param source the source's name (file name)
 * @param line the line the row starts on, counting the header as line 1 (for JSON arrays: the
 *     line the object starts on); 0 when the problem is not about one row
 * @param column the source's column (CSV header name or JSON member name); empty when the row as
 *     a whole is wrong
 * @param field the family's field the column feeds (e.g. {@code customer_id}); empty when none
 * @param value the offending text, shortened to 80 characters; empty when the value is missing
 * @param reason what is wrong, e.g. {@code "'abc' is not a number"}
 */
public record BadRow(String source, long line, String column, String field, String value, String reason) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (!column.isEmpty()) {
            text.append(" column ").append(column);
            if (!field.isEmpty() && !field.equals(column)) {
                text.append(" (field ").append(field).append(')');
            }
        }
        return text.append(": ").append(reason).toString();
    }
}
