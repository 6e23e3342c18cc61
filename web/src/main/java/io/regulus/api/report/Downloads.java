package io.regulus.api.report;

import io.regulus.report.ReportFile;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A stored report as a download: its media type, length and file name. */
final class Downloads {

  private Downloads() {}

  static Response of(ReportFile file) {
    byte[] content = file.content();
    return Response.ok(content, file.mediaType())
        .header(HttpHeaders.CONTENT_LENGTH, content.length)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
        .build();
  }
}
