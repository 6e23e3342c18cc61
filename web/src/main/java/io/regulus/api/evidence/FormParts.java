package io.regulus.api.evidence;

import io.regulus.evidence.EvidenceTooLargeException;
import io.regulus.evidence.IncompleteUploadException;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * The parts of a multipart/form-data body (RFC 7578), read one after the other as the body arrives
 * by Commons FileUpload's streaming iterator: each part's content is a stream that ends at the next
 * boundary, so a file part is never held whole, in memory or on disk, before the caller reads it.
 * (RESTEasy's {@code EntityPart} support in Liberty buffers the whole body before the resource
 * method runs, so an upload could be neither streamed nor stopped at a size limit; FileUpload's
 * {@code parseRequest} buffers too, which is why only its iterator is used.)
 *
 * <p>FileUpload's limits bound the body (the file limit and {@link UploadForm#OVERHEAD_BYTES}),
 * every part (the file limit: it cannot tell a part's name before it sets the part's limit, so the
 * small text parts get theirs from {@link UploadForm}) and every part's headers (512 bytes, the
 * fixed default of FileUpload 2.0.0-M4). What FileUpload reports is turned here into a problem that
 * says what was wrong: a body that ends before its closing boundary, or whose connection fails, is
 * an {@link IncompleteUploadException}, whichever part it was in. (FileUpload takes a delimiter
 * followed by anything but a line break as the end of the body: the parts before it are whole.)
 */
final class FormParts {

  /**
   * A part: its form field name, its file name (null for a plain field; no directories) and its
   * content.
   */
  record Part(String name, String fileName, InputStream content) {}

  private final Body body;
  private final FileItemInputIterator items;
  private final long maxBytes;
  private final long maxBodyBytes;

  FormParts(MediaType type, long declaredLength, InputStream in, long maxBytes) {
    String boundary = type.getParameters().get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
      throw malformed("its Content-Type has no boundary parameter of 1 to 70 characters");
    }
    this.body = new Body(in);
    this.maxBytes = maxBytes;
    this.maxBodyBytes = maxBytes + UploadForm.OVERHEAD_BYTES;
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setSizeMax(maxBodyBytes);
    upload.setFileSizeMax(maxBytes);
    // browsers send file names as raw UTF-8 in the part headers
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    try {
      items = upload.getItemIterator(new Request(boundary, declaredLength, body));
    } catch (IOException e) {
      throw problem(e);
    }
  }

  /**
   * The next part, or empty after the closing boundary; what was left unread of the previous part
   * is skipped.
   */
  Optional<Part> next() {
    try {
      if (!items.hasNext()) {
        return Optional.empty();
      }
      FileItemInput item = items.next();
      return Optional.of(
          new Part(item.getFieldName(), fileName(item), new Content(item.getInputStream())));
    } catch (IOException e) {
      throw problem(e);
    }
  }

  /**
   * The file name as sent. FileUpload decodes {@code filename*} (RFC 5987) but keeps the backslash
   * of an escaped quote or backslash: it is dropped here. The evidence keeps the name as a person
   * can read it ({@link io.regulus.evidence.UploadedFile}).
   */
  static String fileName(String sent) {
    return sent == null ? null : sent.replaceAll("\\\\([\"\\\\])", "$1");
  }

  private static String fileName(FileItemInput item) {
    try {
      return fileName(item.getName());
    } catch (IllegalArgumentException e) {
      // FileUpload refuses a name with a NUL character (InvalidPathException)
      throw malformed("a part's file name has a NUL character");
    }
  }

  /** What FileUpload or the connection reported, as the problem the client can act on. */
  private RuntimeException problem(IOException e) {
    if (e instanceof FileUploadByteCountLimitException part) {
      return part.getFileName() != null
          ? new EvidenceTooLargeException(maxBytes)
          : new DomainException(
              ProblemKind.INVALID_INPUT,
              "The part '"
                  + part.getFieldName()
                  + "' is longer than "
                  + maxBytes
                  + " bytes. Shorten it.",
              part.getFieldName());
    }
    if (e instanceof FileUploadSizeException size) {
      return size.getPermitted() == maxBodyBytes
          ? new DomainException(
              ProblemKind.PAYLOAD_TOO_LARGE,
              "The request body is longer than the file limit of "
                  + maxBytes
                  + " bytes (REGULUS_EVIDENCE_MAX_BYTES) plus "
                  + UploadForm.OVERHEAD_BYTES
                  + " bytes for the"
                  + " rest of the form. Nothing was stored: send one file with at most the parts title, validFrom and"
                  + " validUntil beside it.",
              "file")
          : malformed(
              "a part's headers are longer than "
                  + size.getPermitted()
                  + " bytes (a very long file name"
                  + " does that: shorten it)");
    }
    if (body.ended() || body.failed() || !(e instanceof FileUploadException)) {
      return new IncompleteUploadException();
    }
    return malformed(e.getMessage());
  }

  static DomainException malformed(String what) {
    return new DomainException(
        ProblemKind.INVALID_INPUT,
        "The request body is not a valid multipart/form-data body: "
            + what
            + ". Send the file as the part 'file' with a filename, e.g. curl -F file=@report.pdf.",
        "file");
  }

  /** A part's content; what FileUpload reports while it is read is a problem, as above. */
  private final class Content extends FilterInputStream {

    Content(InputStream in) {
      super(in);
    }

    @Override
    public int read() {
      try {
        return in.read();
      } catch (IOException e) {
        throw problem(e);
      }
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      try {
        return in.read(target, offset, length);
      } catch (IOException e) {
        throw problem(e);
      }
    }
  }

  /**
   * The request body, noting whether it ended or failed: then a malformed multipart body is an
   * incomplete one.
   */
  private static final class Body extends FilterInputStream {

    private boolean ended;
    private boolean failed;

    Body(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      try {
        int read = in.read(target, offset, length);
        ended |= read < 0;
        return read;
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    boolean ended() {
      return ended;
    }

    boolean failed() {
      return failed;
    }
  }

  /**
   * The JAX-RS request as FileUpload sees it: a multipart/form-data body of the given boundary and
   * length.
   */
  private record Request(String boundary, long length, InputStream body) implements RequestContext {

    @Override
    public long getContentLength() {
      return length;
    }

    @Override
    public InputStream getInputStream() {
      return body;
    }

    @Override
    public String getContentType() {
      return MediaType.MULTIPART_FORM_DATA + "; boundary=\"" + boundary + "\"";
    }

    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public boolean isMultipartRelated() {
      return false;
    }
  }
}
