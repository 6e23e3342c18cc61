package io.regulus.report;

/** A firm's logo as stored: PNG or JPEG bytes and their media type. */
public record FirmLogo(String mediaType, byte[] content) {

  public FirmLogo {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }
}
