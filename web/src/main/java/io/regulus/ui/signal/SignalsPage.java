package io.regulus.ui.signal;

import io.regulus.signal.SignalFilter;
import io.regulus.signal.SignalService;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * A tenant's recent signals, the latest observed first, filtered by key and resource: the page
 * shows what {@link SignalService} returns for the signed-in member, as the API lists them.
 */
@Named
@ViewScoped
public class SignalsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private SignalService signals;
  @Inject private Workspace workspace;

  private String tenant;
  private String key;
  private String resource;

  private final PagedList<SignalRow> list =
      PagedList.paged(
          request -> {
            var page =
                signals.find(
                    workspace.enter(tenant),
                    new SignalFilter(blankless(key), blankless(resource), null, null, null),
                    request);
            return new io.regulus.paging.Page<>(
                page.items().stream().map(SignalRow::new).toList(), request, page.total());
          });

  /** Reads the first page now: a caller who may not read the tenant gets the access-denied page. */
  public void load() {
    list.readNow();
  }

  /** Applies the filters typed. */
  public void filter() {
    list.changed();
  }

  public void clear() {
    key = null;
    resource = null;
    list.changed();
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public PagedList<SignalRow> getSignals() {
    return list;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }
}
