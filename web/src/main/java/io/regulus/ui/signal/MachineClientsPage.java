package io.regulus.ui.signal;

import io.regulus.signal.MachineClient;
import io.regulus.signal.MachineClients;
import io.regulus.ui.PageTexts;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * A tenant's machine clients, for its admins: made (the secret shown once, here, until the next
 * action of the page), listed, given a new secret, deleted, each through {@link MachineClients} as
 * the API does it.
 */
@Named
@ViewScoped
public class MachineClientsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.signal.messages");

  @EJB private MachineClients clients;
  @Inject private Workspace workspace;

  private String tenant;
  private String name;
  private MachineClient.WithSecret shown;

  private final PagedList<MachineClient> list =
      PagedList.whole(() -> clients.list(workspace.enter(tenant)));

  /** Reads the clients now: a caller who may not manage them gets the access-denied page. */
  public void load() {
    list.readNow();
  }

  public void create() {
    shown = clients.create(workspace.enter(tenant), name);
    TEXT.done("clients.made", shown.client().clientId());
    name = null;
    list.changed();
  }

  public void rotate(String clientId) {
    shown = clients.rotate(workspace.enter(tenant), clientId);
    TEXT.done("clients.rotated", clientId);
  }

  public void delete(String clientId) {
    clients.delete(workspace.enter(tenant), clientId);
    shown = null;
    TEXT.done("clients.deleted", clientId);
    list.changed();
  }

  /** Forgets the secret shown. */
  public void hideSecret() {
    shown = null;
  }

  public String created(MachineClient client) {
    return SignalRow.time(client.createdAt());
  }

  public PagedList<MachineClient> getClients() {
    return list;
  }

  public MachineClient.WithSecret getShown() {
    return shown;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
