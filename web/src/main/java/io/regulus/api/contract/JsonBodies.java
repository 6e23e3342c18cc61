package io.regulus.api.contract;

import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON request bodies read within a limit and parsed strictly: the records of {@link
 * StrictJsonReader}, and the endpoints that take a larger body of their own (a signal batch).
 */
public final class JsonBodies {

  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  private static final Pattern DUPLICATE_KEY = Pattern.compile("'([^']*)'");

  private JsonBodies() {}

  /**
   * The body, refused with {@code tooLarge} once it is longer than the limit: declared so on its
   * Content-Length (nothing read), or found so at the first byte past the limit.
   */
  public static byte[] read(
      String contentLength, InputStream body, long limit, Supplier<DomainException> tooLarge)
      throws IOException {
    if (contentLength != null && parseLength(contentLength) > limit) {
      throw tooLarge.get();
    }
    byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
    if (bytes.length > limit) {
      throw tooLarge.get();
    }
    return bytes;
  }

  private static long parseLength(String contentLength) {
    try {
      return Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** One JSON value, a key given twice in one object refused naming it. */
  public static JsonValue parse(byte[] bytes) {
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
      if (e.getMessage() != null
          && e.getMessage().startsWith("Duplicate key")
          && duplicate.find()) {
        throw new InvalidInputException(
            ProblemKind.INVALID_INPUT,
            "The request body is ambiguous",
            List.of(
                new Violation(
                    duplicate.group(1), "is given more than once in one object; give it once")));
      }
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The request body is not valid JSON"
              + where(e.getLocation())
              + ". Send one JSON object as documented at /openapi.");
    } catch (jakarta.json.JsonException e) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The request body could not be read as JSON in UTF-8. Send one JSON object as documented"
              + " at /openapi.");
    }
  }

  private static String where(JsonLocation location) {
    return location == null
        ? ""
        : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }
}
