package io.regulus.api.signal;

import io.regulus.api.contract.JsonBodies;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a signal batch's body: longer than REGULUS_SIGNAL_MAX_BYTES, refused with 413 before it is
 * read whole (on its Content-Length, or at the first byte past the limit when chunked); then parsed
 * strictly, a key given twice refused. Its entries are the domain's to judge, so that a refusal
 * names each one ({@code SignalBatchReader}).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER - 100) // before StrictJsonReader, which would read any record
public class SignalBatchBodyReader implements MessageBodyReader<SignalBatchBody> {

  @Inject private Settings settings;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == SignalBatchBody.class;
  }

  @Override
  public SignalBatchBody readFrom(
      Class<SignalBatchBody> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    long limit = settings.signalMaxBytes();
    byte[] bytes =
        JsonBodies.read(
            headers.getFirst(HttpHeaders.CONTENT_LENGTH), body, limit, () -> tooLarge(limit));
    if (bytes.length == 0) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The body is empty; send {\"signals\": [{\"key\", \"value\", \"resource\","
              + " \"observedAt\", \"source\"}, ...]}.");
    }
    return new SignalBatchBody(JsonBodies.parse(bytes));
  }

  private static DomainException tooLarge(long limit) {
    return new DomainException(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "A signal batch may be at most "
            + limit
            + " bytes (REGULUS_SIGNAL_MAX_BYTES); nothing of it was stored. Split it into smaller"
            + " batches and send each.");
  }
}
