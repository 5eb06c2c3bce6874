package io.mercator.api.data;

import io.mercator.api.ValidationException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, ordered set of string ids, each with a dense index {@code 0 .. size()-1}.
 * Columnar data sets store indices into a dictionary instead of repeating string ids per row.
 */
public final class IdDictionary {

    private final String[] ids;
    private final Map<String, Integer> indexById;

    private IdDictionary(String[] ids, Map<String, Integer> indexById) {
        this.ids = ids;
        this.indexById = indexById;
    }

    /**
     * @param field the column name used in error messages
     * @param ids distinct, non-blank ids; index {@code i} is {@code ids[i]}
     * @return the dictionary
     * @throws ValidationException naming {@code field} and the row of a blank or repeated id
     */
    public static IdDictionary of(String field, String... ids) {
        Builder builder = new Builder(field);
        for (int row = 0; row < ids.length; row++) {
            if (builder.add(ids[row], row) != row) {
                throw new ValidationException(field, row, "id '" + ids[row] + "' appears twice");
            }
        }
        return builder.build();
    }

    /**
     * @param id an id
     * @return its index, or -1 when the dictionary does not hold it
     */
    public int indexOf(String id) {
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    /**
     * Looks up an id that a caller must know, such as a series a model was fitted on.
     *
     * @param field the name of the field the id came from, for the error message
     * @param id an id
     * @return its index
     * @throws ValidationException naming {@code field} when the dictionary does not hold the id
     */
    public int require(String field, String id) {
        int index = indexOf(id);
        if (index < 0) {
            throw new ValidationException(field, "'" + id + "' is not known (not in the training data)");
        }
        return index;
    }

    /**
     * @param index from {@code 0} to {@code size()-1}
     * @return the id at that index
     */
    public String id(int index) {
        Objects.checkIndex(index, ids.length);
        return ids[index];
    }

    /** @return the number of ids */
    public int size() {
        return ids.length;
    }

    /** @return a copy of the ids in index order */
    public String[] toArray() {
        return ids.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdDictionary && Arrays.equals(ids, ((IdDictionary) other).ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "IdDictionary[" + ids.length + " ids]";
    }

    /**
     * Interns ids as they are met (for example while reading a file) and gives each new id the
     * next index. Not thread-safe.
     */
    public static final class Builder {
        private final String field;
        private final Map<String, Integer> indexById = new HashMap<>();
        private String[] ids = new String[16];

        /** @param field the column name used in error messages */
        public Builder(String field) {
            this.field = Objects.requireNonNull(field, "field");
        }

        /**
         * @param id a non-blank id
         * @param row the row it was read from, for error messages
         * @return the index of the id, new or already known
         * @throws ValidationException naming the field and row when the id is null or blank
         */
        public int add(String id, int row) {
            Integer known = indexById.get(id);
            if (known != null) {
                return known;
            }
            if (id == null || id.isBlank()) {
                throw new ValidationException(field, row, "id is empty");
            }
            int index = indexById.size();
            if (index == ids.length) {
                ids = Arrays.copyOf(ids, index * 2);
            }
            ids[index] = id;
            indexById.put(id, index);
            return index;
        }

        /** @return the number of ids so far */
        public int size() {
            return indexById.size();
        }

        /** @return the dictionary of the ids added so far */
        public IdDictionary build() {
            return new IdDictionary(Arrays.copyOf(ids, indexById.size()), Map.copyOf(indexById));
        }
    }
}
