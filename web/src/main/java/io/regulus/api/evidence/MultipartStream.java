package io.regulus.api.evidence;

import io.regulus.evidence.IncompleteUploadException;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A multipart/form-data body (RFC 7578) read part by part as it arrives: each part's content is a stream that ends
 * at the next boundary, so a file part is never held whole, in memory or anywhere else, before the caller reads it.
 * (RESTEasy's {@code EntityPart} support in Liberty parses and buffers the whole body before the resource method
 * runs, so an upload could be neither streamed nor stopped at a size limit.) A body that ends before its closing
 * boundary, or whose connection fails, is an {@link IncompleteUploadException}, whichever part it was in.
 */
final class MultipartStream {

  private static final int BUFFER = 64 * 1024;
  private static final int MAX_HEADER_BYTES = 8 * 1024;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buffer = new byte[BUFFER];
  private int start;
  private int end;
  private PartContent current;
  private boolean finished;

  /** One part: its form field name, its file name (null for a plain field), its declared type and content. */
  record Part(String name, String fileName, String contentType, InputStream content) {}

  MultipartStream(InputStream in, String boundary) {
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw malformed("its Content-Type has no boundary parameter of 1 to 70 characters");
    }
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // the first boundary may open the body without the line break before it
    buffer[0] = '\r';
    buffer[1] = '\n';
    end = 2;
    current = new PartContent();
  }

  /** The next part, or empty after the closing boundary; what was left unread of the previous part is skipped. */
  Optional<Part> next() {
    if (finished) {
      return Optional.empty();
    }
    current.skipRest();
    require(2);
    if (buffer[start] == '-' && buffer[start + 1] == '-') {
      finished = true;
      return Optional.empty();
    }
    while (true) {
      require(1);
      if (buffer[start] != ' ' && buffer[start] != '\t') {
        break;
      }
      start++;
    }
    if (!lineBreakAt()) {
      throw malformed("a boundary line has more after the boundary");
    }
    start += 2;
    Map<String, String> headers = headers();
    Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
    if (!disposition.containsKey("")) {
      throw malformed("a part has no Content-Disposition: form-data header");
    }
    current = new PartContent();
    return Optional.of(new Part(disposition.get("name"), fileName(disposition), headers.get("content-type"),
        current));
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    int read = 0;
    while (true) {
      int lineEnd = indexOfLineBreak();
      while (lineEnd < 0) {
        if (end - start > MAX_HEADER_BYTES) {
          throw malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
        }
        if (!fill()) {
          throw new IncompleteUploadException();
        }
        lineEnd = indexOfLineBreak();
      }
      String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
      read += lineEnd - start + 2;
      start = lineEnd + 2;
      if (line.isEmpty()) {
        return headers;
      }
      if (read > MAX_HEADER_BYTES) {
        throw malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw malformed("a part has a header line without a name");
      }
      headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
  }

  /**
   * The parameters of a Content-Disposition value; the disposition type itself under "" when it is form-data.
   * Quoted values may escape a quote or a backslash with a backslash; any other backslash stays as it is.
   */
  static Map<String, String> parameters(String value) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int semicolon = value.indexOf(';');
    String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    if (type.equalsIgnoreCase("form-data")) {
      parameters.put("", type);
    }
    int i = semicolon < 0 ? value.length() : semicolon + 1;
    while (i < value.length()) {
      int equals = value.indexOf('=', i);
      if (equals < 0) {
        break;
      }
      String key = value.substring(i, equals).strip().toLowerCase(Locale.ROOT);
      StringBuilder text = new StringBuilder();
      i = equals + 1;
      while (i < value.length() && value.charAt(i) == ' ') {
        i++;
      }
      if (i < value.length() && value.charAt(i) == '"') {
        for (i++; i < value.length() && value.charAt(i) != '"'; i++) {
          char c = value.charAt(i);
          if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '"' || value.charAt(i + 1) == '\\')) {
            c = value.charAt(++i);
          }
          text.append(c);
        }
        int next = value.indexOf(';', i);
        i = next < 0 ? value.length() : next + 1;
      } else {
        int next = value.indexOf(';', i);
        text.append(value, i, next < 0 ? value.length() : next);
        i = next < 0 ? value.length() : next + 1;
      }
      parameters.putIfAbsent(key, text.toString().strip());
    }
    return parameters;
  }

  /** The file name without any directory part or control character; {@code filename*} (RFC 5987) first. */
  static String fileName(Map<String, String> disposition) {
    String name = disposition.get("filename");
    String extended = disposition.get("filename*");
    if (extended != null && extended.toUpperCase(Locale.ROOT).startsWith("UTF-8''")) {
      try {
        name = java.net.URLDecoder.decode(extended.substring(7).replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw malformed("a part's filename* is not valid percent-encoded UTF-8");
      }
    }
    if (name == null) {
      return null;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return base.codePoints().filter(c -> c >= 0x20 && c != 0x7F)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
  }

  /** Reads and checks the bytes at hand; the closing boundary ends the body, the end of input before it fails. */
  private final class PartContent extends InputStream {

    private boolean done;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (done || current != this) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      while (true) {
        int found = indexOfDelimiter();
        if (found == start) {
          start += delimiter.length;
          done = true;
          return -1;
        }
        // bytes before a delimiter, or before where a delimiter could still begin, are content
        int limit = found >= 0 ? found : end - (delimiter.length - 1);
        if (limit > start) {
          int count = Math.min(length, limit - start);
          System.arraycopy(buffer, start, target, offset, count);
          start += count;
          return count;
        }
        if (!fill()) {
          throw new IncompleteUploadException();
        }
      }
    }

    void skipRest() {
      byte[] skipped = new byte[BUFFER];
      while (read(skipped, 0, skipped.length) >= 0) {
        // skipping
      }
    }
  }

  private int indexOfDelimiter() {
    outer:
    for (int i = start; i <= end - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buffer[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private int indexOfLineBreak() {
    for (int i = start; i < end - 1; i++) {
      if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean lineBreakAt() {
    require(2);
    return buffer[start] == '\r' && buffer[start + 1] == '\n';
  }

  private void require(int count) {
    while (end - start < count) {
      if (!fill()) {
        throw new IncompleteUploadException();
      }
    }
  }

  /** More input after what is at hand; false at its end. A failing connection is an incomplete upload. */
  private boolean fill() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      throw new IllegalStateException("the multipart buffer is full");
    }
    try {
      int read;
      do {
        read = in.read(buffer, end, buffer.length - end);
      } while (read == 0);
      if (read < 0) {
        return false;
      }
      end += read;
      return true;
    } catch (IOException e) {
      throw new IncompleteUploadException();
    }
  }

  static DomainException malformed(String what) {
    return new DomainException(ProblemKind.INVALID_INPUT, "The request body is not a valid multipart/form-data body: "
        + what + ". Send the file as the part 'file' with a filename, e.g. curl -F file=@report.pdf.", "file");
  }
}
