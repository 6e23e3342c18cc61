package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The built-in template library is in the platform schema after start-up, complete and shared
 * across templates.
 */
class TemplateLibraryIT {

  @Test
  void gdprAndHipaaArePublishedWithEveryControlMappedAndActionsShared() {
    assertThat(controls("gdpr")).isGreaterThanOrEqualTo(60);
    assertThat(controls("hipaa-security")).isGreaterThanOrEqualTo(40);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_control c WHERE NOT EXISTS"
                    + " (SELECT 1 FROM platform.template_control_action m WHERE m.control_id = c.id)"))
        .as("controls mapped to no action")
        .isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM (SELECT m.action_id FROM platform.template_control_action m"
                    + " JOIN platform.template_control c ON c.id = m.control_id"
                    + " JOIN platform.template_version v ON v.id = c.version_id"
                    + " JOIN platform.template t ON t.id = v.template_id"
                    + " GROUP BY m.action_id HAVING count(DISTINCT t.template_key) > 1) shared"))
        .as("actions shared by GDPR and HIPAA")
        .isGreaterThanOrEqualTo(25);
  }

  private static long controls(String template) {
    return TestDatabase.count(
        "SELECT count(*) FROM platform.template_control c JOIN platform.template_version v ON v.id = c.version_id"
            + " JOIN platform.template t ON t.id = v.template_id WHERE t.template_key = ?",
        template);
  }
}
