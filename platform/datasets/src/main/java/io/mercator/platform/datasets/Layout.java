package io.mercator.platform.datasets;

import io.mercator.api.Family;
import io.mercator.api.datasets.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A family's import format: its fields, which combinations of them a source must have, how an
 * imported row is stored, and how stored rows become the family's typed input.
 */
abstract class Layout {

    private final Family family;
    private final List<Field> fields;

    Layout(Family family, List<Field> fields) {
        this.family = family;
        this.fields = List.copyOf(fields);
    }

    Family family() {
        return family;
    }

    List<Field> fields() {
        return fields;
    }

    List<FieldSpec> specs() {
        return fields.stream().map(Field::spec).toList();
    }

    Field field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst().orElse(null);
    }

    /** @return the type {@link #open} returns */
    abstract Class<?> inputType();

    /**
     * @param present the fields the source has columns for (the required ones are there)
     * @return what is missing, or null when the source has enough
     */
    String missing(Set<String> present) {
        return null;
    }

    /**
     * @param present the fields the source has columns for
     * @return the fields stored, in column order
     */
    List<String> storedFields(Set<String> present) {
        List<String> stored = new ArrayList<>();
        for (Field field : fields) {
            if (present.contains(field.name())) {
                stored.add(field.name());
            }
        }
        return stored;
    }

    /**
     * @param parsed canonical values by index in {@link #fields()}; null for fields the source lacks
     * @param stored the stored fields, from {@link #storedFields}
     * @return the stored row, one value per stored field
     * @throws Field.BadValue when the row as a whole is not acceptable
     */
    String[] store(String[] parsed, List<String> stored) throws Field.BadValue {
        String[] row = new String[stored.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = parsed[fields.indexOf(field(stored.get(i)))];
        }
        return row;
    }

    /**
     * Reads stored rows into the typed input.
     *
     * @param rows the stored rows with their header
     * @param seasonLength the data set's season length (series families)
     * @return the input
     * @throws io.mercator.api.ValidationException when the input's constructor rejects it
     */
    abstract Object open(CSVParser rows, int seasonLength);

    static double number(CSVRecord row, String field) {
        String text = row.get(field);
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
