package io.regulus.api.templateupdate;

import io.regulus.templateupdate.UpdateAccepted;
import java.util.List;

/**
 * An accepted update: the action instances created and removed (their history kept) and the actions
 * whose content the tenant's catalogue took from the version.
 */
public record UpdateAcceptedView(
    TemplateUpdateView update,
    int instancesAdded,
    int instancesRemoved,
    List<String> actionsRevised) {

  static UpdateAcceptedView of(UpdateAccepted accepted) {
    return new UpdateAcceptedView(
        TemplateUpdateView.of(accepted.update()),
        accepted.instancesAdded(),
        accepted.instancesRemoved(),
        accepted.actionsRevised());
  }
}
