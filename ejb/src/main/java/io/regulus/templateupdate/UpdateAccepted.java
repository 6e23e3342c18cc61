package io.regulus.templateupdate;

import java.util.List;

/**
 * What accepting an update did: the assessments moved, the action instances created and removed
 * (their history kept), and the actions whose content the tenant's catalogue took from the version.
 */
public record UpdateAccepted(
    TemplateUpdate update, int instancesAdded, int instancesRemoved, List<String> actionsRevised) {

  public UpdateAccepted {
    actionsRevised = List.copyOf(actionsRevised);
  }
}
