package io.mercator.platform.evaluation.filtering;

import io.mercator.api.ValidationException;
import io.mercator.api.filtering.ItemCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an item catalogue for content-based strategies: a CSV file with a header row, an id column
 * ({@code item_id}, {@code item} or {@code sku}), text columns ({@code title}, {@code name},
 * {@code description}, {@code text}: those present are joined) and categorical attributes: a column
 * named as an attribute holds its value ({@code category}); columns named {@code ATTRIBUTE_VALUE}
 * holding 0 or 1 mark which values an item has ({@code genre_comedy}), each becoming an attribute of
 * its own that the items with a 1 have. Other columns are ignored.
 */
final class CatalogFile {

    private static final List<String> TEXT_COLUMNS = List.of("title", "name", "description", "text");

    private CatalogFile() {
    }

    /**
     * @param file the CSV file
     * @param attributes the names of the categorical attributes
     * @return the catalogue
     * @throws ValidationException naming the file, line and column of the first bad cell
     */
    static ItemCatalog read(Path file, List<String> attributes) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setTrim(true).build().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            String idColumn = header.contains("item_id") ? "item_id" : header.contains("item") ? "item"
                    : header.contains("sku") ? "sku" : null;
            if (idColumn == null) {
                throw new ValidationException(file.toString(), "line 1: no column item_id, item or sku in the header "
                        + header);
            }
            List<String> textColumns = TEXT_COLUMNS.stream().filter(header::contains).toList();
            List<String> valueColumns = attributes.stream().filter(header::contains).toList();
            List<String> flagColumns = header.stream()
                    .filter(column -> attributes.stream().anyMatch(name -> column.startsWith(name + "_"))).toList();
            ItemCatalog.Builder catalog = ItemCatalog.builder();
            Set<String> ids = new HashSet<>();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    throw new ValidationException(file + " line " + line, "has " + record.size() + " cells for "
                            + header.size() + " columns");
                }
                List<String> text = new ArrayList<>();
                textColumns.forEach(column -> text.add(record.get(column)));
                Map<String, String> itemAttributes = new LinkedHashMap<>();
                valueColumns.forEach(column -> itemAttributes.put(column, record.get(column)));
                for (String column : flagColumns) {
                    String flag = record.get(column);
                    if (!flag.equals("0") && !flag.equals("1") && !flag.isEmpty()) {
                        throw new ValidationException(file + " line " + line + " column '" + column + "'",
                                "'" + flag + "' is not 0 or 1");
                    }
                    if (flag.equals("1")) {
                        itemAttributes.put(column, "1");
                    }
                }
                String id = record.get(idColumn);
                if (id.isEmpty() || !ids.add(id)) {
                    throw new ValidationException(file + " line " + line + " column '" + idColumn + "'",
                            id.isEmpty() ? "is empty" : "item '" + id + "' appears twice");
                }
                catalog.add(id, String.join(" ", text), itemAttributes);
            }
            return catalog.build();
        } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
            if (unreadable instanceof ValidationException validation) {
                throw validation;
            }
            throw new ValidationException(file.toString(), "cannot be read as CSV: " + unreadable.getMessage());
        }
    }
}
