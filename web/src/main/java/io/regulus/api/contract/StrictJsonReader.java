package io.regulus.api.contract;

import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.settings.Settings;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

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

  /** Yasson's switch (JSON-B 3 has no standard one): a backstop behind {@link JsonShape}. */
  private static final Jsonb JSONB =
      JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true));

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
    JsonValue json = JsonBodies.parse(bytes);
    List<Violation> violations = JsonShape.check(json, genericType);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          ProblemKind.INVALID_INPUT,
          "The request body does not fit this endpoint (/openapi shows its fields)",
          violations);
    }
    return (Record) JSONB.fromJson(json.toString(), genericType);
  }

  private byte[] read(String contentLength, InputStream body) throws IOException {
    long limit = settings.jsonMaxBytes();
    return JsonBodies.read(contentLength, body, limit, () -> tooLarge(limit));
  }

  private static DomainException tooLarge(long limit) {
    return new DomainException(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "A JSON request body may be at most "
            + limit
            + " bytes (REGULUS_JSON_MAX_BYTES). Send less in one request: split a large change"
            + " into several, or use the workbook upload for bulk changes.");
  }
}
