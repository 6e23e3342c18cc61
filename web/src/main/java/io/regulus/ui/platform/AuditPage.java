package io.regulus.ui.platform;

import io.regulus.administration.TenantAdministration;
import io.regulus.audit.AuditEvent;
import io.regulus.paging.Page;
import io.regulus.tenancy.TenantSlug;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Date;

/**
 * The platform's audit log, for operators: newest first, read from the database a page at a time,
 * of every tenant or of one ({@code ?tenant=} in the address, or the filter).
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private TenantAdministration administration;
  @Inject private Workspace workspace;

  private String filter;
  private String filterInput;

  private final PagedList<EventRow> events =
      PagedList.paged(
          request -> {
            Page<AuditEvent> page =
                administration.auditEvents(
                    workspace.user(), filter == null ? null : new TenantSlug(filter), request);
            return new Page<>(
                page.items().stream().map(EventRow::of).toList(), page.request(), page.total());
          });

  /** An audit event as the page lists it. */
  public record EventRow(
      long id,
      Date occurredAt,
      String actorName,
      String action,
      String tenant,
      String firm,
      String detail)
      implements Serializable {

    static EventRow of(AuditEvent event) {
      return new EventRow(
          event.id(),
          TenantRow.date(event.occurredAt()),
          event.actorName(),
          event.action(),
          event.tenantSlug(),
          event.firmSlug(),
          event.detail());
    }
  }

  /**
   * Takes the tenant of the address, and reads the first page now: anyone but an operator gets the
   * access-denied page.
   */
  public void load() {
    apply();
    events.readNow();
  }

  /**
   * Shows the events of the tenant in the filter (all when empty), from the newest; a malformed
   * slug is refused in the domain's words and the list stays as it was.
   */
  public void apply() {
    String asked = filterInput == null || filterInput.isBlank() ? null : filterInput.trim();
    if (asked != null) {
      new TenantSlug(asked);
    }
    filter = asked;
  }

  public PagedList<EventRow> getEvents() {
    return events;
  }

  public String getFilter() {
    return filterInput;
  }

  public void setFilter(String filter) {
    this.filterInput = filter;
  }
}
