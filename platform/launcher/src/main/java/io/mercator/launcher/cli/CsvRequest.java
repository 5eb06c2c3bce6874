package io.mercator.launcher.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mercator.launcher.Main;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a query ({@code price --input}, {@code plan --input}) from a CSV file with a
 * header row: each row becomes a JSON object of the REST API's request, its columns named in
 * snake_case ({@code unit_cost} is the field {@code unitCost}); empty cells are left out, so that
 * the API's defaults apply.
 */
final class CsvRequest {

    private CsvRequest() {
    }

    /**
     * @param file the CSV file
     * @param textColumns the columns holding ids; every other column must hold numbers
     * @param renamed columns whose field is not their camelCase name, e.g. product to id
     * @param required columns the file must have
     * @return one object per row
     * @throws Main.ExitException naming the file, line and column of a problem
     */
    static JsonArray read(Path file, List<String> textColumns, Map<String, String> renamed, List<String> required) {
        JsonArray rows = new JsonArray();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new Main.ExitException(1, file + ": the header lacks the column '" + column + "' (it has "
                            + String.join(", ", header) + ")");
                }
            }
            for (CSVRecord record : parser) {
                JsonObject row = new JsonObject();
                for (int column = 0; column < header.size() && column < record.size(); column++) {
                    String name = header.get(column);
                    String value = record.get(column);
                    if (value.isEmpty()) {
                        continue;
                    }
                    String field = renamed.getOrDefault(name, camelCase(name));
                    if (textColumns.contains(name)) {
                        row.addProperty(field, value);
                    } else {
                        row.addProperty(field, number(file, record, column + 1, name, value));
                    }
                }
                rows.add(row);
            }
        } catch (NoSuchFileException missing) {
            throw new Main.ExitException(1, "no file " + file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            throw new Main.ExitException(1, file + ": " + unreadable.getMessage());
        }
        if (rows.isEmpty()) {
            throw new Main.ExitException(1, file + ": no rows after the header");
        }
        return rows;
    }

    private static double number(Path file, CSVRecord record, int column, String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            throw new Main.ExitException(1, file + " line " + (record.getRecordNumber() + 1) + " column " + column
                    + " (" + name + "): '" + value + "' is not a number");
        }
    }

    /** @return {@code unit_cost} as {@code unitCost} */
    static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
