package io.mercator.platform.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** The rows of an RFC 4180 CSV file with a header row, streamed with commons-csv. */
final class CsvRows implements SourceRows {

    private final SourceBytes bytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Charset charset;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private CSVRecord current;
    private long line;
    private long previousEnd;

    private CsvRows(SourceBytes bytes, CSVParser parser, Charset charset) {
        this.bytes = bytes;
        this.parser = parser;
        this.records = parser.iterator();
        this.charset = charset;
        this.columns = List.copyOf(parser.getHeaderNames());
        this.index = parser.getHeaderMap();
        this.previousEnd = parser.getCurrentLineNumber();
    }

    /**
     * @param file the file
     * @param charset its encoding
     * @param delimiter the field delimiter
     * @return its rows, positioned before the first
     * @throws SourceException when the header cannot be read
     */
    static CsvRows open(Path file, Charset charset, char delimiter) throws IOException {
        SourceBytes.Opened opened = SourceBytes.open(file, charset);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .build();
        try {
            CSVParser parser = format.parse(opened.reader());
            if (parser.getHeaderNames().isEmpty()) {
                parser.close();
                throw new SourceException(1, "", "has no header row");
            }
            return new CsvRows(opened.bytes(), parser, charset);
        } catch (CharacterCodingException badBytes) {
            opened.reader().close();
            throw new SourceException(1, "", "the header is not valid " + charset.name() + " text");
        } catch (IllegalArgumentException | UncheckedIOException badHeader) {
            opened.reader().close();
            throw new SourceException(1, "", "the header row cannot be read: " + badHeader.getMessage());
        }
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() throws IOException {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
        } catch (UncheckedIOException | IllegalStateException broken) {
            Throwable cause = broken.getCause() != null ? broken.getCause() : broken;
            long near = previousEnd + 1;
            if (cause instanceof CharacterCodingException) {
                throw new SourceException(near, "", "is not valid " + charset.name() + " text (at or after this line);"
                        + " give the right --encoding");
            }
            throw new SourceException(near, "", "is not valid CSV (at or after this line): " + cause.getMessage());
        }
        line = previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        return true;
    }

    @Override
    public String get(String column) {
        Integer position = index.get(column);
        return position == null || position >= current.size() ? null : current.get(position);
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
        parser.close();
    }
}
