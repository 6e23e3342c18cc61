package io.regulus.api.platform;

import io.regulus.tenancy.Firm;
import java.time.Instant;

/** A consulting firm. */
public record FirmView(String slug, String displayName, Instant createdAt) {

  static FirmView of(Firm firm) {
    return new FirmView(firm.slug().value(), firm.displayName(), firm.createdAt());
  }
}
