package io.mercator.platform.rest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The retailer's item catalogue as the API shows it: each item's display name and category, so
 * that recommendation and similar-item answers read as products rather than ids. Kept as one CSV
 * file ({@code data/items.csv}: {@code item_id,name,category}) that an operator may also put in place
 * by hand, the demo fills from its generated catalogue and {@code PUT /api/v1/filtering/items}
 * replaces atomically; a file changed by hand is read again within a second.
 */
final class ItemCatalogue {

    /** One catalogue line; {@code category} is empty when the catalogue has none. */
    record Item(String id, String name, String category) {
    }

    /** Column names accepted for each field, compared without case; the first match wins. */
    static final List<String> ID_COLUMNS = List.of("item_id", "item", "sku", "product_id", "product", "id");
    static final List<String> NAME_COLUMNS = List.of("name", "item_name", "product_name", "title");
    static final List<String> CATEGORY_COLUMNS = List.of("category", "item_category", "product_category");

    /** The items read from the file, with the modification time they were read at. */
    private record Snapshot(FileTime modified, List<Item> items, Map<String, Item> byId) {
        static final Snapshot EMPTY = new Snapshot(null, List.of(), Map.of());
    }

    /** How often a lookup looks at the file's modification time: not at every item of every answer. */
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private final long recheckNanos;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile long checkedAt;

    /** @param file where the catalogue is kept; it need not exist */
    ItemCatalogue(Path file) {
        this(file, RECHECK_NANOS);
    }

    /** For tests: how long a lookup trusts what it read without looking at the file again. */
    ItemCatalogue(Path file, long recheckNanos) {
        this.file = file;
        this.recheckNanos = recheckNanos;
        this.checkedAt = System.nanoTime() - recheckNanos;
    }

    /** @return the catalogue's file */
    Path file() {
        return file;
    }

    /**
     * @param id an item id
     * @return its line, if the catalogue has the item
     */
    Optional<Item> find(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /** @return every item, in the order of the file */
    List<Item> items() {
        return current().items();
    }

    /**
     * Reads a catalogue (CSV with a header row: an id column, a name column, optionally a category
     * column; other columns are ignored), checks it whole and, only then, makes it the catalogue.
     *
     * @param source the uploaded file
     * @param sourceName what problems call it, e.g. the name of the file the client sent
     * @param delimiter its field delimiter
     * @return the number of items
     * @throws Problem.ProblemException 400 naming the line, column and field at fault
     * @throws IOException when the catalogue cannot be written
     */
    synchronized int replace(Path source, String sourceName, char delimiter) throws IOException {
        List<Item> items = parse(source, sourceName, delimiter);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
                printer.printRecord("item_id", "name", "category");
                for (Item item : items) {
                    printer.printRecord(item.id(), item.name(), item.category());
                }
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        snapshot = Snapshot.EMPTY;
        checkedAt = System.nanoTime() - recheckNanos;
        return items.size();
    }

    /** @return the file's items, read again when it changed since the last read */
    private Snapshot current() {
        Snapshot seen = snapshot;
        long now = System.nanoTime();
        if (now - checkedAt < recheckNanos) {
            return seen;
        }
        checkedAt = now;
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (NoSuchFileException none) {
            snapshot = Snapshot.EMPTY;
            return Snapshot.EMPTY;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the item catalogue " + file + ": " + unreadable.getMessage(),
                    unreadable);
        }
        if (modified.equals(seen.modified())) {
            return seen;
        }
        synchronized (this) {
            if (!modified.equals(snapshot.modified())) {
                try {
                    List<Item> items = parse(file, file.toString(), ',');
                    Map<String, Item> byId = new HashMap<>(items.size() * 2);
                    items.forEach(item -> byId.put(item.id(), item));
                    snapshot = new Snapshot(modified, List.copyOf(items), byId);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException("cannot read the item catalogue " + file + ": "
                            + unreadable.getMessage(), unreadable);
                }
            }
            return snapshot;
        }
    }

    private static List<Item> parse(Path source, String name, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            int idColumn = column(header, ID_COLUMNS, name, true);
            int nameColumn = column(header, NAME_COLUMNS, name, true);
            int categoryColumn = column(header, CATEGORY_COLUMNS, name, false);
            List<Item> items = new ArrayList<>();
            Map<String, Long> lines = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String id = value(record, idColumn);
                String itemName = value(record, nameColumn);
                if (id.isEmpty()) {
                    throw badLine(name, line, idColumn, header, "the item id is empty");
                }
                if (itemName.isEmpty()) {
                    throw badLine(name, line, nameColumn, header, "item '" + id + "' has no name");
                }
                Long first = lines.putIfAbsent(id, line);
                if (first != null) {
                    throw badLine(name, line, idColumn, header, "item '" + id + "' is listed twice (first on line "
                            + first + ")");
                }
                items.add(new Item(id, itemName, categoryColumn < 0 ? "" : value(record, categoryColumn)));
            }
            return items;
        } catch (MalformedInputException notUtf8) {
            throw Problem.badRequest("body", name + " is not UTF-8 text").exception();
        } catch (UncheckedIOException malformed) {
            // commons-csv reports a broken quote this way
            throw Problem.badRequest("body", name + ": " + malformed.getCause().getMessage()).exception();
        } catch (IllegalArgumentException badHeader) {
            throw Problem.badRequest("body", name + ": the header row is invalid: " + badHeader.getMessage())
                    .with("line", 1).exception();
        }
    }

    private static int column(List<String> header, List<String> accepted, String name, boolean required) {
        for (String wanted : accepted) {
            for (int column = 0; column < header.size(); column++) {
                if (header.get(column).trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return column;
                }
            }
        }
        if (required) {
            throw Problem.badRequest(accepted.get(0), name + ": the header row " + header + " has no column "
                    + String.join(", ", accepted)).with("line", 1).exception();
        }
        return -1;
    }

    private static String value(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).trim() : "";
    }

    private static Problem.ProblemException badLine(String source, long line, int column, List<String> header,
            String detail) {
        return Problem.badRequest(header.get(column), source + ", line " + line + ", column " + (column + 1) + " ("
                + header.get(column) + "): " + detail).with("line", line).with("column", column + 1).exception();
    }
}
