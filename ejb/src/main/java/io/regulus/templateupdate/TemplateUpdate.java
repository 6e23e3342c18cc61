package io.regulus.templateupdate;

import java.time.Instant;
import java.util.List;

/**
 * A pending update of one assessment group's assessments built from one template: they are on an
 * older version than the newest published one.
 *
 * @param template the key the assessments were built from (an extension's, for an extension)
 * @param toVersion the global or private template's newest version
 * @param toExtensionVersion the extension's newest version, for an extension; else null
 * @param deferral the group's deferral of exactly this update, or null: a deferred update is not
 *     pending, and can still be accepted
 */
public record TemplateUpdate(
    long groupId,
    String group,
    String template,
    String title,
    List<Member> assessments,
    String toVersion,
    Integer toExtensionVersion,
    Deferral deferral) {

  public TemplateUpdate {
    assessments = List.copyOf(assessments);
  }

  /** An assessment of the group on that template, and the version it is on. */
  public record Member(long id, String name, String version, Integer extensionVersion) {

    /** Its version as people say it: "2", or "2 + extension 1". */
    public String label() {
      return TemplateUpdate.label(version, extensionVersion);
    }
  }

  /** Who deferred the update, and when. */
  public record Deferral(String by, String byName, Instant at) {}

  public boolean pending() {
    return deferral == null;
  }

  /** The versions the group's assessments are on, as people say them, e.g. "1" or "1, 2". */
  public String from() {
    return String.join(", ", assessments.stream().map(Member::label).distinct().toList());
  }

  /** The version they move to, as people say it. */
  public String to() {
    return label(toVersion, toExtensionVersion);
  }

  static String label(String version, Integer extensionVersion) {
    return extensionVersion == null ? version : version + " + extension " + extensionVersion;
  }
}
