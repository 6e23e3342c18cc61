package io.regulus.tenancy.archive;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The rows of one table entry, one JSON object at a time: a line each (format 2), or the elements
 * of one JSON array (format 1), read as a stream.
 */
abstract class RowSource implements Closeable {

  static RowSource of(int format, InputStream in, String table) {
    return format == ArchiveContents.FORMAT_JSON_ARRAYS
        ? new ArrayRows(in, table)
        : new LineRows(in);
  }

  /** The next row as JSON text, or null after the last. */
  abstract String next();

  private static final class LineRows extends RowSource {
    private final BufferedReader reader;

    LineRows(InputStream in) {
      reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    String next() {
      try {
        String line;
        do {
          line = reader.readLine();
        } while (line != null && line.isBlank());
        return line;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class ArrayRows extends RowSource {
    private final JsonParser parser;
    private final String table;
    private boolean started;

    ArrayRows(InputStream in, String table) {
      this.parser = Json.createParser(in);
      this.table = table;
    }

    @Override
    String next() {
      try {
        if (!started) {
          started = true;
          if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
            throw refused();
          }
        }
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_ARRAY) {
          return null;
        }
        if (event != JsonParser.Event.START_OBJECT) {
          throw refused();
        }
        return parser.getObject().toString();
      } catch (JsonException | java.util.NoSuchElementException e) {
        throw refused();
      }
    }

    private InvalidArchiveException refused() {
      return new InvalidArchiveException("table " + table + " is not a JSON array of rows");
    }

    @Override
    public void close() {
      parser.close();
    }
  }
}
