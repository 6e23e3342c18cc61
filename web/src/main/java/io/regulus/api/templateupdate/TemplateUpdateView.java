package io.regulus.api.templateupdate;

import io.regulus.templateupdate.TemplateUpdate;
import java.util.List;

/**
 * An update of one group's assessments of one template: from the versions they are on to the
 * newest; {@code pending} false when the group deferred exactly this version ({@code deferral} says
 * who and when).
 */
public record TemplateUpdateView(
    long groupId,
    String group,
    String template,
    String title,
    List<TemplateUpdate.Member> assessments,
    String from,
    String to,
    String toVersion,
    Integer toExtensionVersion,
    boolean pending,
    TemplateUpdate.Deferral deferral) {

  static TemplateUpdateView of(TemplateUpdate update) {
    return new TemplateUpdateView(
        update.groupId(),
        update.group(),
        update.template(),
        update.title(),
        update.assessments(),
        update.from(),
        update.to(),
        update.toVersion(),
        update.toExtensionVersion(),
        update.pending(),
        update.deferral());
  }
}
