package io.regulus.ui.platform;

import io.regulus.administration.TenantAdministration;
import io.regulus.tenancy.Firm;
import io.regulus.tenancy.FirmSlug;
import io.regulus.ui.PageTexts;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Date;

/** Consulting firms, for operators: the list (paged as the API pages it) and a new firm. */
@Named
@ViewScoped
public class FirmsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.platform.messages");

  @EJB private TenantAdministration administration;
  @Inject private Workspace workspace;

  private final PagedList<FirmRow> firms =
      PagedList.whole(
          () -> administration.firms(workspace.user()).stream().map(FirmRow::of).toList());

  private String slug;
  private String displayName;

  /** A firm as the page lists it. */
  public record FirmRow(String slug, String displayName, Date createdAt) implements Serializable {
    static FirmRow of(Firm firm) {
      return new FirmRow(firm.slug().value(), firm.displayName(), TenantRow.date(firm.createdAt()));
    }
  }

  /** Reads the firms now: anyone but an operator gets the access-denied page. */
  public void load() {
    firms.readNow();
  }

  public void create() {
    Firm firm =
        administration.createFirm(
            workspace.user(),
            new FirmSlug(slug == null ? "" : slug.trim()),
            displayName == null || displayName.isBlank() ? null : displayName.trim());
    TEXT.done("firm.created", firm.slug().value(), firm.displayName());
    slug = null;
    displayName = null;
    firms.changed();
  }

  public PagedList<FirmRow> getFirms() {
    return firms;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }
}
