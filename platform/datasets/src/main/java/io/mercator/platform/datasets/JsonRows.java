package io.mercator.platform.datasets;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a JSON file, streamed with gson's {@link JsonReader}: either one array of objects,
 * or JSON Lines (one object per line; a malformed line is one bad row, the others are read on).
 */
final class JsonRows implements SourceRows {

    /** gson states its position only in its {@code toString}: "... at line 3 column 5 path $[1]". */
    private static final Pattern POSITION = Pattern.compile(" at line (\\d+) column ");

    private final SourceBytes bytes;
    private final Charset charset;
    private final BufferedReader lines;
    private final JsonReader array;
    private final Map<String, String> cells = new LinkedHashMap<>();
    private final Set<String> nonValues = new HashSet<>();
    private final List<String> columns;
    private String rowProblem;
    private long line;
    private long linesRead;
    private boolean pendingFirst;

    private JsonRows(SourceBytes bytes, Charset charset, BufferedReader lines, JsonReader array, long firstLine)
            throws IOException {
        this.bytes = bytes;
        this.linesRead = firstLine - 1;
        this.charset = charset;
        this.lines = lines;
        this.array = array;
        pendingFirst = next();
        columns = pendingFirst ? List.copyOf(cells.keySet()) : List.of();
    }

    /**
     * @param file the file
     * @param charset its encoding
     * @return its rows, positioned before the first
     * @throws SourceException when it is neither an array nor JSON Lines
     */
    static JsonRows open(Path file, Charset charset) throws IOException {
        SourceBytes.Opened opened = SourceBytes.open(file, charset);
        PushbackReader reader = new PushbackReader(new BufferedReader(opened.reader(), 1 << 16));
        try {
            int first = reader.read();
            long line = 1;
            while (first >= 0 && Character.isWhitespace(first)) {
                line += first == '\n' ? 1 : 0;
                first = reader.read();
            }
            if (first == '[') {
                reader.unread(first);
                JsonReader array = new JsonReader(reader);
                try {
                    array.beginArray();
                } catch (IOException | IllegalStateException malformed) {
                    throw new SourceException(line, "", "is not valid JSON: " + malformed.getMessage());
                }
                return new JsonRows(opened.bytes(), charset, null, array, line);
            }
            if (first == '{' || first < 0) {
                if (first >= 0) {
                    reader.unread(first);
                }
                return new JsonRows(opened.bytes(), charset, new BufferedReader(reader), null, line);
            }
            throw new SourceException(line, "", "is neither a JSON array of objects nor JSON Lines (starts with '"
                    + (char) first + "')");
        } catch (CharacterCodingException badBytes) {
            reader.close();
            throw new SourceException(1, "", "is not valid " + charset.name() + " text; give the right --encoding");
        } catch (IOException | RuntimeException failed) {
            reader.close();
            throw failed;
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() throws IOException {
        if (pendingFirst) {
            pendingFirst = false;
            return true;
        }
        cells.clear();
        nonValues.clear();
        rowProblem = null;
        try {
            return array != null ? nextElement() : nextLine();
        } catch (CharacterCodingException badBytes) {
            throw new SourceException(Math.max(line, linesRead) + 1, "", "is not valid " + charset.name()
                    + " text (at or after this line); give the right --encoding");
        }
    }

    private boolean nextElement() throws IOException {
        try {
            if (!array.hasNext()) {
                array.endArray();
                if (array.peek() != JsonToken.END_DOCUMENT) {
                    throw new SourceException(position(array), "", "has more after the closing ']'");
                }
                return false;
            }
            line = position(array);
            if (array.peek() != JsonToken.BEGIN_OBJECT) {
                array.skipValue();
                rowProblem = "is not a JSON object";
                return true;
            }
            readObject(array);
            return true;
        } catch (SourceException rethrown) {
            throw rethrown;
        } catch (IOException | IllegalStateException | NumberFormatException malformed) {
            throw new SourceException(position(array), "", "is not valid JSON: " + malformed.getMessage());
        }
    }

    private boolean nextLine() throws IOException {
        String text;
        do {
            text = lines.readLine();
            if (text == null) {
                return false;
            }
            linesRead++;
        } while (text.isBlank());
        line = linesRead;
        try (JsonReader object = new JsonReader(new StringReader(text))) {
            if (object.peek() != JsonToken.BEGIN_OBJECT) {
                rowProblem = "is not a JSON object";
                return true;
            }
            readObject(object);
            if (object.peek() != JsonToken.END_DOCUMENT) {
                rowProblem = "holds more than one JSON value";
            }
        } catch (IOException | IllegalStateException | NumberFormatException malformed) {
            cells.clear();
            rowProblem = "is not valid JSON: " + malformed.getMessage();
        }
        return true;
    }

    private void readObject(JsonReader reader) throws IOException {
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (reader.peek()) {
                case STRING, NUMBER -> cells.put(name, reader.nextString());
                case BOOLEAN -> cells.put(name, String.valueOf(reader.nextBoolean()));
                case NULL -> {
                    reader.nextNull();
                    cells.put(name, null);
                }
                default -> {
                    reader.skipValue();
                    cells.put(name, null);
                    nonValues.add(name);
                }
            }
        }
        reader.endObject();
    }

    private static long position(JsonReader reader) {
        Matcher matcher = POSITION.matcher(reader.toString());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    @Override
    public String get(String column) {
        if (nonValues.contains(column)) {
            throw new BadCellException("is an object or array, not a value");
        }
        return cells.get(column);
    }

    @Override
    public String rowProblem() {
        return rowProblem;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public double fractionRead() {
        return bytes.fraction();
    }

    @Override
    public void close() throws IOException {
        if (array != null) {
            array.close();
        } else {
            lines.close();
        }
    }
}
