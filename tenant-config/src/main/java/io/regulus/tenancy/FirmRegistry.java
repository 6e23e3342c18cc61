package io.regulus.tenancy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.text.ReadableText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Consulting firms, each call in its own transaction. */
@Stateless
public class FirmRegistry {

  @Inject private FirmRepository firms;
  @Inject private TenantRepository tenants;

  /** Creates the firm; a slug reserved for the platform is a 400, one that is taken a 409. */
  public Firm create(FirmSlug slug, String displayName) {
    TenantSlug.refuseReserved(slug.value(), "firm");
    String name = ReadableText.line("displayName", displayName);
    if (!firms.register(slug, name == null ? slug.value() : name)) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "A firm named '" + slug + "' exists already; choose another slug.",
          "slug");
    }
    return require(slug);
  }

  public Optional<Firm> find(FirmSlug slug) {
    return firms.find(slug);
  }

  public Firm require(FirmSlug slug) {
    return firms.find(slug).orElseThrow(() -> new FirmNotFoundException(slug));
  }

  public List<Firm> all() {
    return firms.all();
  }

  /** The firm's client tenants that are not deleted. */
  public List<Tenant> clients(FirmSlug slug) {
    return tenants.clientsOf(require(slug));
  }
}
