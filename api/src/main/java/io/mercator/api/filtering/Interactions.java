package io.mercator.api.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.data.Columns;
import io.mercator.api.data.IdDictionary;
import java.util.Arrays;
import java.util.Optional;

/**
 * User-item interactions, one row per event: who ({@code user}), what ({@code item}), how much
 * ({@code value}) and, optionally, when ({@code timestamp}).
 *
 * <p>{@code value} is an explicit rating (e.g. 1 to 5) or an implicit weight (a purchase count,
 * a click, a quantity); which one is up to the data and the strategy's parameters. It must be
 * finite. The same user and item may appear in several rows (repeat purchases); strategies
 * aggregate them as they see fit.
 *
 * <p>Timestamps are whole seconds since 1970-01-01T00:00:00Z and are either present for every
 * row or absent ({@code null}) for the whole data set.
 *
 * <p>Content-based strategies also read an optional {@link ItemCatalog} of the items' texts and
 * attributes, attached with {@link #withCatalog}; it may hold items nobody interacted with yet.
 *
 * <p>Immutable; the arrays are not copied, so callers must not change them after construction.
 */
public final class Interactions {

    /** The largest accepted timestamp: 9999-12-31T23:59:59Z in epoch seconds. */
    public static final long MAX_TIMESTAMP = 253_402_300_799L;

    private final IdDictionary users;
    private final IdDictionary items;
    private final int[] user;
    private final int[] item;
    private final double[] value;
    private final long[] timestamp;
    private final ItemCatalog catalog;

    /**
     * @param users the user ids
     * @param items the item ids
     * @param user per row, an index into {@code users}
     * @param item per row, an index into {@code items}
     * @param value per row, a finite rating or implicit weight
     * @param timestamp per row, epoch seconds from 0 to {@link #MAX_TIMESTAMP}; or {@code null}
     *     when the data has no time
     * @throws ValidationException naming the field and row at fault
     */
    public Interactions(IdDictionary users, IdDictionary items, int[] user, int[] item, double[] value,
            long[] timestamp) {
        this.users = Columns.requireDictionary("users", users);
        this.items = Columns.requireDictionary("items", items);
        if (user == null) {
            throw new ValidationException("user", "column is missing");
        }
        int rows = user.length;
        Columns.requireIndices("user", user, users);
        Columns.requireIndices("item", Columns.requireLength("item", item, rows), items);
        Columns.requireFinite("value", Columns.requireLength("value", value, rows));
        if (timestamp != null) {
            Columns.requireLength("timestamp", timestamp, rows);
            for (int row = 0; row < rows; row++) {
                if (timestamp[row] < 0 || timestamp[row] > MAX_TIMESTAMP) {
                    throw new ValidationException("timestamp", row, timestamp[row]
                            + " is not in epoch seconds from 0 to " + MAX_TIMESTAMP
                            + " (milliseconds must be divided by 1000)");
                }
            }
        }
        this.user = user;
        this.item = item;
        this.value = value;
        this.timestamp = timestamp;
        this.catalog = null;
    }

    private Interactions(Interactions rows, ItemCatalog catalog) {
        this.users = rows.users;
        this.items = rows.items;
        this.user = rows.user;
        this.item = rows.item;
        this.value = rows.value;
        this.timestamp = rows.timestamp;
        this.catalog = catalog;
    }

    /**
     * @param itemCatalog the items' texts and attributes; may describe items without interactions
     *     and miss items that have some
     * @return the same rows with the catalogue attached
     * @throws ValidationException naming {@code catalog} when it is null
     */
    public Interactions withCatalog(ItemCatalog itemCatalog) {
        if (itemCatalog == null) {
            throw new ValidationException("catalog", "is missing");
        }
        return new Interactions(this, itemCatalog);
    }

    /** @return the attached item catalogue, if any */
    public Optional<ItemCatalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    /** @return a builder that appends interactions one by one */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the user ids */
    public IdDictionary users() {
        return users;
    }

    /** @return the item ids */
    public IdDictionary items() {
        return items;
    }

    /** @return the number of rows */
    public int size() {
        return user.length;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the user index of that row, into {@link #users()}
     */
    public int user(int row) {
        return user[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the item index of that row, into {@link #items()}
     */
    public int item(int row) {
        return item[row];
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the rating or implicit weight of that row
     */
    public double value(int row) {
        return value[row];
    }

    /** @return whether every row has a timestamp */
    public boolean hasTimestamps() {
        return timestamp != null;
    }

    /**
     * @param row from 0 to {@code size() - 1}
     * @return the time of that row in epoch seconds
     * @throws IllegalStateException when the data has no timestamps
     */
    public long timestamp(int row) {
        if (timestamp == null) {
            throw new IllegalStateException("these interactions have no timestamps");
        }
        return timestamp[row];
    }

    /**
     * Appends interactions one by one, interning user and item ids; grows its arrays
     * geometrically. Either every row or no row has a timestamp. Not thread-safe.
     */
    public static final class Builder {
        private final IdDictionary.Builder users = new IdDictionary.Builder("users");
        private final IdDictionary.Builder items = new IdDictionary.Builder("items");
        private int[] user = new int[256];
        private int[] item = new int[256];
        private double[] value = new double[256];
        private long[] timestamp = new long[256];
        private int rows;
        private boolean timed;

        private Builder() {
        }

        /**
         * Appends an interaction without a timestamp.
         *
         * @param userId a non-blank user id
         * @param itemId a non-blank item id
         * @param value a finite rating or implicit weight (checked by {@link #build()})
         * @return this builder
         * @throws ValidationException when an id is blank or earlier rows have timestamps
         */
        public Builder add(String userId, String itemId, double value) {
            append(userId, itemId, value, 0L, false);
            return this;
        }

        /**
         * Appends an interaction with a timestamp.
         *
         * @param userId a non-blank user id
         * @param itemId a non-blank item id
         * @param value a finite rating or implicit weight (checked by {@link #build()})
         * @param epochSecond when it happened, in seconds since 1970-01-01T00:00:00Z
         * @return this builder
         * @throws ValidationException when an id is blank or earlier rows have no timestamps
         */
        public Builder add(String userId, String itemId, double value, long epochSecond) {
            append(userId, itemId, value, epochSecond, true);
            return this;
        }

        private void append(String userId, String itemId, double rowValue, long epochSecond, boolean hasTime) {
            if (rows > 0 && hasTime != timed) {
                throw new ValidationException("timestamp", rows, hasTime
                        ? "earlier rows have no timestamp; give all rows a timestamp or none"
                        : "is missing; earlier rows have one");
            }
            timed = hasTime;
            int u = users.add(userId, rows);
            int i = items.add(itemId, rows);
            if (rows == user.length) {
                int capacity = rows * 2;
                user = Arrays.copyOf(user, capacity);
                item = Arrays.copyOf(item, capacity);
                value = Arrays.copyOf(value, capacity);
                timestamp = Arrays.copyOf(timestamp, capacity);
            }
            user[rows] = u;
            item[rows] = i;
            value[rows] = rowValue;
            timestamp[rows] = epochSecond;
            rows++;
        }

        /** @return the number of rows so far */
        public int size() {
            return rows;
        }

        /**
         * @return the validated interactions
         * @throws ValidationException naming the field and row of the first bad value
         */
        public Interactions build() {
            return new Interactions(users.build(), items.build(), Arrays.copyOf(user, rows),
                    Arrays.copyOf(item, rows), Arrays.copyOf(value, rows),
                    timed ? Arrays.copyOf(timestamp, rows) : null);
        }
    }
}
