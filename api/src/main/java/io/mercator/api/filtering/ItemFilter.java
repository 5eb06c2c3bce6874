package io.mercator.api.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.data.IdDictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A caller's restrictions on which items a query may return: items to leave out, an allowed list
 * (what is in stock, what this shop sells) and categories read from an {@link ItemCatalog}. An item
 * passes when it is not excluded, is on the allowed list if there is one, and has one of the wanted
 * values of every category restriction. Restrictions combine: each call returns a new filter with
 * one more. Immutable and thread-safe.
 *
 * <p>Any model honours a filter through {@link RecommenderModel#recommend(String, int, ItemFilter)}
 * and {@link RecommenderModel#recommendForItems(Set, int, ItemFilter)}, which pass the items it
 * rejects as the query's exclusions.
 */
public final class ItemFilter {

    private static final ItemFilter NONE = new ItemFilter(Set.of(), null, List.of());

    private final Set<String> excluded;
    private final Set<String> allowed;
    private final List<CategoryRestriction> categories;

    private record CategoryRestriction(ItemCatalog catalog, int attribute, Set<String> values) {
        boolean allows(String itemId) {
            int item = catalog.items().indexOf(itemId);
            String value = item < 0 ? null : catalog.attribute(attribute, item);
            return value != null && values.contains(value);
        }
    }

    private ItemFilter(Set<String> excluded, Set<String> allowed, List<CategoryRestriction> categories) {
        this.excluded = excluded;
        this.allowed = allowed;
        this.categories = categories;
    }

    /** @return a filter that lets every item through */
    public static ItemFilter none() {
        return NONE;
    }

    /**
     * @param itemIds items that must not be returned, e.g. the user's history or the basket
     * @return this filter, also leaving those items out
     * @throws ValidationException naming {@code excluded} when null
     */
    public ItemFilter excluding(Collection<String> itemIds) {
        Set<String> union = new HashSet<>(excluded);
        union.addAll(require("excluded", itemIds));
        return new ItemFilter(Set.copyOf(union), allowed, categories);
    }

    /**
     * @param itemIds the only items that may be returned (in stock, sold here); an item must be on
     *     every allowed list given
     * @return this filter, also requiring the list
     * @throws ValidationException naming {@code allowed} when null
     */
    public ItemFilter onlyItems(Collection<String> itemIds) {
        Set<String> list = new HashSet<>(require("allowed", itemIds));
        if (allowed != null) {
            list.retainAll(allowed);
        }
        return new ItemFilter(excluded, Set.copyOf(list), categories);
    }

    /**
     * @param catalog the items' attributes
     * @param attribute the name of a categorical attribute of the catalogue, e.g. {@code category}
     * @param values the wanted values; an item passes when its value is one of them, and fails when
     *     it has none or is not in the catalogue
     * @return this filter, also requiring the category
     * @throws ValidationException naming {@code catalog}, {@code attribute} (with the catalogue's
     *     attribute names) or {@code categories} when missing, unknown or empty
     */
    public ItemFilter inCategories(ItemCatalog catalog, String attribute, Collection<String> values) {
        if (catalog == null) {
            throw new ValidationException("catalog", "is missing; categories are read from the item catalogue");
        }
        int index = Arrays.asList(catalog.attributeNames()).indexOf(attribute);
        if (index < 0) {
            throw new ValidationException("attribute", "'" + attribute + "' is not an attribute of the catalogue; it has "
                    + String.join(", ", catalog.attributeNames()));
        }
        if (require("categories", values).isEmpty()) {
            throw new ValidationException("categories", "is empty; name at least one value of " + attribute);
        }
        List<CategoryRestriction> more = new ArrayList<>(categories);
        more.add(new CategoryRestriction(catalog, index, Set.copyOf(values)));
        return new ItemFilter(excluded, allowed, List.copyOf(more));
    }

    /**
     * @param itemId an item id
     * @return whether the item passes every restriction
     */
    public boolean allows(String itemId) {
        if (excluded.contains(itemId) || allowed != null && !allowed.contains(itemId)) {
            return false;
        }
        for (CategoryRestriction category : categories) {
            if (!category.allows(itemId)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param items a model's items
     * @return those the filter rejects, plus the explicitly excluded ids: what a query must exclude
     */
    public Set<String> rejected(IdDictionary items) {
        Set<String> rejected = new HashSet<>(excluded);
        if (allowed != null || !categories.isEmpty()) {
            for (int item = 0; item < items.size(); item++) {
                String itemId = items.id(item);
                if (!allows(itemId)) {
                    rejected.add(itemId);
                }
            }
        }
        return rejected;
    }

    private static <T extends Collection<String>> T require(String field, T ids) {
        if (ids == null) {
            throw new ValidationException(field, "is missing; pass an empty list");
        }
        for (String id : ids) {
            if (id == null) {
                throw new ValidationException(field, "holds a null id");
            }
        }
        return ids;
    }
}
