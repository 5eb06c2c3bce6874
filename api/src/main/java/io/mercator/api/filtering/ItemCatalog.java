package io.mercator.api.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is known about items besides who chose them: a free text per item (name, description) and
 * categorical attributes (category, brand, size). Content-based strategies learn from it, so they
 * can recommend items nobody has chosen yet and find similar items by their descriptions. Pass it
 * with the interactions through {@link Interactions#withCatalog}.
 *
 * <p>Columnar: attribute {@code a} of item {@code i} is {@code values[a][i]}, {@code null} when the
 * item does not have it. Immutable; the arrays are not copied, so callers must not change them
 * after construction.
 */
public final class ItemCatalog {

    private final IdDictionary items;
    private final String[] text;
    private final String[] attributeNames;
    private final String[][] values;

    /**
     * @param items the item ids
     * @param text per item, its free text; empty when there is none, never null
     * @param attributeNames the names of the categorical attributes, non-blank and distinct
     * @param values per attribute, per item, its value or {@code null} when the item has none
     * @throws ValidationException naming the field and row at fault
     */
    public ItemCatalog(IdDictionary items, String[] text, String[] attributeNames, String[][] values) {
        this.items = Columns.requireDictionary("items", items);
        if (text == null) {
            throw new ValidationException("text", "column is missing");
        }
        if (text.length != items.size()) {
            throw new ValidationException("text", "has " + text.length + " rows for " + items.size() + " items");
        }
        for (int row = 0; row < text.length; row++) {
            if (text[row] == null) {
                throw new ValidationException("text", row, "is null; use an empty text");
            }
        }
        if (attributeNames == null || values == null || values.length != attributeNames.length) {
            throw new ValidationException("attributes", "need one value column per attribute name");
        }
        Columns.requireNonBlank("attributeNames", attributeNames);
        IdDictionary.of("attributeNames", attributeNames);
        for (int a = 0; a < values.length; a++) {
            if (values[a] == null || values[a].length != items.size()) {
                throw new ValidationException(attributeNames[a], "needs one value (or null) per item");
            }
        }
        this.text = text;
        this.attributeNames = attributeNames;
        this.values = values;
    }

    /** @return a builder that adds items one by one */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the item ids */
    public IdDictionary items() {
        return items;
    }

    /**
     * @param item an index into {@link #items()}
     * @return its free text, possibly empty
     */
    public String text(int item) {
        return text[item];
    }

    /** @return the names of the categorical attributes */
    public String[] attributeNames() {
        return attributeNames.clone();
    }

    /**
     * @param attribute an index into {@link #attributeNames()}
     * @param item an index into {@link #items()}
     * @return the item's value of the attribute, or {@code null} when it has none
     */
    public String attribute(int attribute, int item) {
        return values[attribute][item];
    }

    /**
     * Adds items one by one with their text and attributes; attribute names are collected in the
     * order they first appear. Not thread-safe.
     */
    public static final class Builder {
        private final IdDictionary.Builder items = new IdDictionary.Builder("itemId");
        private final List<String> text = new ArrayList<>();
        private final Map<String, List<String>> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param itemId a non-blank item id, not added before
         * @param itemText its free text; null counts as empty
         * @param itemAttributes its categorical attributes by name; blank values count as missing; null
         *     for none
         * @return this builder
         * @throws ValidationException naming {@code itemId} and the row when the id is blank or repeated,
         *     or {@code attributes} when a name is blank
         */
        public Builder add(String itemId, String itemText, Map<String, String> itemAttributes) {
            int row = text.size();
            if (items.add(itemId, row) != row) {
                throw new ValidationException("itemId", row, "item '" + itemId + "' appears twice");
            }
            text.add(itemText == null ? "" : itemText);
            (itemAttributes == null ? Map.<String, String>of() : itemAttributes).forEach((name, value) -> {
                if (name == null || name.isBlank()) {
                    throw new ValidationException("attributes", row, "an attribute name is blank");
                }
                List<String> column = attributes.computeIfAbsent(name, n -> new ArrayList<>());
                while (column.size() < row) {
                    column.add(null);
                }
                column.add(value == null || value.isBlank() ? null : value);
            });
            return this;
        }

        /** @return the catalogue */
        public ItemCatalog build() {
            int rows = text.size();
            String[] names = attributes.keySet().toArray(String[]::new);
            String[][] values = new String[names.length][];
            for (int a = 0; a < names.length; a++) {
                values[a] = Arrays.copyOf(attributes.get(names[a]).toArray(String[]::new), rows);
            }
            return new ItemCatalog(items.build(), text.toArray(String[]::new), names, values);
        }
    }
}
