package io.regulus.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as written on the wire: the request target goes out exactly as given (so paths a URI
 * class would refuse or normalise, such as {@code %zz} or {@code %2e%2e}, reach the server), and a
 * body can be sent chunked or with a Content-Length that promises more than is sent.
 */
final class RawHttp {

  /** A request body: its bytes, and how they are framed. */
  record Body(String contentType, byte[] bytes, Framing framing, long declaredLength) {

    enum Framing {
      LENGTH,
      CHUNKED,
      /**
       * A Content-Length of {@code declaredLength}, of which only the bytes are sent: a server that
       * reads the body finds it cut short, one that judges the length answers 413.
       */
      PROMISED
    }

    static Body none() {
      return new Body(null, new byte[0], Framing.LENGTH, 0);
    }
  }

  /** An answer: its status, headers (names in lower case) and body as text. */
  record Answer(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  static Answer send(
      String method, String target, Map<String, String> headers, Body body, int timeoutMillis) {
    URI base = URI.create(Api.BASE_URL);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (body.contentType() != null) {
        head.append("Content-Type: ").append(body.contentType()).append("\r\n");
      }
      switch (body.framing()) {
        case LENGTH -> head.append("Content-Length: ").append(body.bytes().length).append("\r\n");
        case CHUNKED -> head.append("Transfer-Encoding: chunked\r\n");
        case PROMISED ->
            head.append("Content-Length: ").append(body.declaredLength()).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        writeBody(out, body);
        out.flush();
        // nothing more comes: a server still waiting for a promised body sees its end, not a stall
        socket.shutdownOutput();
      } catch (IOException refusedWhileSending) {
        // the server may answer and close before the whole body is sent: read what it said
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }

  private static void writeBody(OutputStream out, Body body) throws IOException {
    if (body.framing() == Body.Framing.CHUNKED) {
      int chunk = 8192;
      for (int offset = 0; offset < body.bytes().length; offset += chunk) {
        int length = Math.min(chunk, body.bytes().length - offset);
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body.bytes(), offset, length);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.write(body.bytes());
    }
  }

  /**
   * The answer, read as far as its framing says: a server that answered before the request's body
   * was all sent may keep the connection open for the rest, so the end of the stream never comes.
   */
  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(in);
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        return out.toByteArray();
      }
      out.writeBytes(in.readNBytes(length));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
