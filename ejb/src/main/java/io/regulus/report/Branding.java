package io.regulus.report;

import java.util.Optional;

/**
 * The firm a report is sent by: its name, and its logo (PNG or JPEG bytes) when it has one.
 *
 * @param logo null or empty when the firm has none
 */
public record Branding(String firmName, byte[] logo) {

  public Branding {
    logo = logo == null || logo.length == 0 ? null : logo.clone();
  }

  public Optional<byte[]> logoBytes() {
    return Optional.ofNullable(logo).map(byte[]::clone);
  }
}
