package io.regulus.api.contract;

import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.settings.Settings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every JSON request body of the API (the request records), strictly: a body longer than
 * REGULUS_JSON_MAX_BYTES is refused with 413 before it is read whole (on its Content-Length, or at
 * the first byte past the limit when it comes chunked); a key given twice in one object (JSON-P's
 * key strategy NONE), a field the request does not have, or a value of the wrong kind is refused
 * with 400 naming each field at fault ({@link JsonShape}); only then does JSON-B bind it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  /** Yasson's switch (JSON-B 3 has no standard one): a backstop behind {@link JsonShape}. */
  private static final Jsonb JSONB =
      JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true));

  private static final Pattern DUPLICATE_KEY = Pattern.compile("'([^']*)'");

  @Inject private Settings settings;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Record readFrom(
      Class<Record> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    byte[] bytes = read(headers.getFirst(HttpHeaders.CONTENT_LENGTH), body);
    if (bytes.length == 0) {
      return null;
    }
    JsonValue json = parse(bytes);
    List<Violation> violations = JsonShape.check(json, genericType);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          ProblemKind.INVALID_INPUT,
          "The request body does not fit this endpoint (/openapi shows its fields)",
          violations);
    }
    return (Record) JSONB.fromJson(json.toString(), genericType);
  }

  /** The body, refused once it is longer than the limit: declared so, or found so while read. */
  private byte[] read(String contentLength, InputStream body) throws IOException {
    long limit = settings.jsonMaxBytes();
    if (contentLength != null && parseLength(contentLength) > limit) {
      throw tooLarge(limit);
    }
    byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
    if (bytes.length > limit) {
      throw tooLarge(limit);
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

  private static DomainException tooLarge(long limit) {
    return new DomainException(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "A JSON request body may be at most "
            + limit
            + " bytes (REGULUS_JSON_MAX_BYTES). Send less in one request: split a large change"
            + " into several, or use the workbook upload for bulk changes.");
  }

  private static JsonValue parse(byte[] bytes) {
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
