package io.regulus.report;

/** A stored report's content, with the media type and the file name it is served under. */
public record ReportFile(String fileName, String mediaType, byte[] content) {

  public ReportFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
