package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in library after start-up (docs/library.md): every template published, NIST SP 800-53
 * MODERATE imported through the OSCAL import job, and the four regulations our users run first
 * sharing one action library, as a tenant sees it through the API (issue 16, acceptance 2).
 */
class TemplateLibraryIT {

  /** The four seed regulations: template key to a name for its assessment. */
  private static final Map<String, String> SEED =
      Map.of(
          "gdpr", "GDPR",
          "lgpd", "LGPD",
          "ccpa-cpra", "CCPA",
          "hipaa-security", "HIPAA");

  private static String tenant;
  private static String admin;
  private static long together;
  private static final Map<String, Long> apart = new HashMap<>();

  @BeforeAll
  static void build() throws InterruptedException {
    Platform.awaitReady();
    tenant = Platform.tenant("lib", null);
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
    together = Platform.createGroup(admin, tenant, "All four");
    for (var seed : SEED.entrySet()) {
      long group = Platform.createGroup(admin, tenant, seed.getValue() + " alone");
      apart.put(seed.getKey(), group);
      Platform.createAssessment(admin, tenant, group, seed.getValue(), seed.getKey());
      Platform.createAssessment(admin, tenant, together, seed.getValue(), seed.getKey());
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (controls("nist-800-53-moderate") == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
    }
  }

  @Test
  void everyTemplateIsPublishedWithEveryControlMapped() {
    assertThat(controls("gdpr")).isGreaterThanOrEqualTo(150);
    assertThat(controls("lgpd")).isGreaterThanOrEqualTo(60);
    assertThat(controls("ccpa-cpra")).isGreaterThanOrEqualTo(40);
    assertThat(controls("hipaa-security")).isGreaterThanOrEqualTo(100);
    assertThat(controls("iso-27001")).isEqualTo(93);
    assertThat(controls("nist-800-53-moderate"))
        .as("NIST SP 800-53 MODERATE, imported at first start through the OSCAL import job")
        .isEqualTo(287);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_control c"
                    + " JOIN platform.template_version v ON v.id = c.version_id"
                    + " JOIN platform.template t ON t.id = v.template_id AND t.firm_id IS NULL"
                    + " WHERE t.template_key IN ('gdpr', 'lgpd', 'ccpa-cpra', 'hipaa-security',"
                    + " 'iso-27001', 'nist-800-53-moderate') AND NOT EXISTS (SELECT 1 FROM"
                    + " platform.template_control_action m WHERE m.control_id = c.id)"))
        .as("built-in controls mapped to no action")
        .isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM platform.template_control c"
                    + " JOIN platform.template_version v ON v.id = c.version_id"
                    + " JOIN platform.template t ON t.id = v.template_id"
                    + " WHERE t.template_key = 'nist-800-53-moderate'"
                    + " AND c.nature <> 'PREVENTATIVE'"))
        .as("NIST controls classified by the mapping (detective and corrective ones)")
        .isGreaterThan(50);
  }

  /**
   * One group holding all four regulations has exactly as many actions as the union of what each
   * regulation's group has alone: an action shared by several regulations is one instance.
   */
  @Test
  void theFourRegulationsAggregateToOneSetOfDistinctActions() {
    Set<String> union = new HashSet<>();
    Map<String, Long> alone = new HashMap<>();
    apart.forEach(
        (template, group) -> {
          List<Map<String, Object>> actions =
              Platform.actions(admin, tenant, Map.of("group", group));
          alone.put(template, total(group));
          actions.forEach(action -> union.add((String) action.get("key")));
        });
    long aggregated = total(together);
    long sum = alone.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "library: %s actions alone (sum %d); all four in one group: %d distinct%n",
        alone, sum, aggregated);
    assertThat(aggregated).isEqualTo(union.size()).isBetween(200L, 450L);
    assertThat(sum).as("regulations share actions").isGreaterThan(aggregated + 100);
  }

  /**
   * Each action of the four-regulation group lists every control it serves in every regulation:
   * exactly the controls of the four newest versions that map it.
   */
  @Test
  void eachActionListsEveryControlItServesInEveryRegulation() {
    Map<String, Set<String>> expected = new HashMap<>();
    TestDatabase.rows(
            "SELECT la.action_key || '|' || t.template_key || ' ' || c.control_id"
                + " FROM platform.template_control_action m"
                + " JOIN platform.library_action la ON la.id = m.action_id"
                + " JOIN platform.template_control c ON c.id = m.control_id"
                + " JOIN platform.template_version v ON v.id = c.version_id"
                + " JOIN platform.template t ON t.id = v.template_id"
                + " WHERE t.template_key IN ('gdpr', 'lgpd', 'ccpa-cpra', 'hipaa-security')"
                + " AND v.id = (SELECT max(v2.id) FROM platform.template_version v2"
                + " WHERE v2.template_id = t.id)")
        .forEach(
            row ->
                expected
                    .computeIfAbsent(row.substring(0, row.indexOf('|')), key -> new HashSet<>())
                    .add(row.substring(row.indexOf('|') + 1)));
    List<Map<String, Object>> actions = Platform.actions(admin, tenant, Map.of("group", together));
    assertThat(actions).hasSize(expected.size());
    Map<String, Set<String>> listed = new HashMap<>();
    for (Map<String, Object> action : actions) {
      List<Map<String, Object>> served =
          Api.as(admin)
              .get("/tenants/" + tenant + "/actions/" + action.get("id") + "/controls")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("");
      Set<String> controls = new HashSet<>();
      served.forEach(
          control -> controls.add(control.get("template") + " " + control.get("controlId")));
      listed.put((String) action.get("key"), controls);
    }
    assertThat(listed).isEqualTo(expected);
    assertThat(listed.get("breach-notification-to-authority"))
        .anyMatch(control -> control.startsWith("gdpr Art.33"))
        .anyMatch(control -> control.startsWith("lgpd Art.48"))
        .anyMatch(control -> control.startsWith("hipaa-security 164.408"));
  }

  /**
   * A group on the first published versions (as the demo tenant acme's, and every tenant's from
   * before this library) gets the new versions as pending updates; an action the library
   * reclassified reaches the tenant's copy with its new points only when the group accepts.
   */
  @Test
  void aGroupOnTheFirstVersionsGetsTheNewOnesAsPendingUpdates() {
    long group = Platform.createGroup(admin, tenant, "First versions");
    long assessment =
        Api.as(admin)
            .body(
                Map.of(
                    "name", "GDPR 1",
                    "template", "gdpr",
                    "version", "2016-679.1",
                    "scope", "PRODUCT",
                    "scopeName", "First"))
            .post("/tenants/" + tenant + "/assessment-groups/" + group + "/assessments")
            .then()
            .statusCode(201)
            .extract()
            .<Number>path("assessment.id")
            .longValue();
    String schema = "tenant_" + tenant.replace('-', '_');
    // the copy a tenant took before the library reclassified the action (every action was 27)
    TestDatabase.update(
        "UPDATE "
            + schema
            + ".action SET points = 27 WHERE action_key = 'periodic-access-reviews'");
    String updates = "/tenants/" + tenant + "/template-updates";
    List<Map<String, Object>> pending =
        Api.as(admin).get(updates).then().statusCode(200).extract().jsonPath().getList("$");
    assertThat(pending)
        .anySatisfy(
            update -> {
              assertThat(update).containsEntry("template", "gdpr");
              assertThat(update).containsEntry("from", "2016-679.1");
              assertThat(update).containsEntry("to", "2016-679.2");
            });
    var preview =
        Api.as(admin)
            .get(updates + "/" + group + "/gdpr")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(
            preview.getList(
                "diffs[0].diff.controls.findAll { it.change == 'ADDED' }.id", String.class))
        .hasSize((int) (controls("gdpr") - 111))
        .contains("Art.5(2)-verification", "Art.58(1)", "Art.89(1)");
    assertThat(
            preview.getInt(
                "diffs[0].diff.actions.find { it.key == 'periodic-access-reviews' }.after.points"))
        .isEqualTo(3);
    Api.as(admin)
        .body(Map.of("toVersion", "2016-679.2"))
        .post(updates + "/" + group + "/gdpr/accept")
        .then()
        .statusCode(200);
    assertThat(
            Api.as(admin)
                .get("/tenants/" + tenant + "/assessments/" + assessment)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("controls"))
        .hasSize((int) controls("gdpr"));
    assertThat(
            TestDatabase.count(
                "SELECT points FROM "
                    + schema
                    + ".action WHERE action_key = 'periodic-access-reviews'"))
        .as("the reviewed points, taken on accepting")
        .isEqualTo(3);
  }

  private static long total(long group) {
    return Api.as(admin)
        .queryParam("group", group)
        .queryParam("includePassed", true)
        .queryParam("size", 1)
        .get("/tenants/" + tenant + "/actions")
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("total")
        .longValue();
  }

  private static long controls(String template) {
    return TestDatabase.count(
        "SELECT count(*) FROM platform.template_control c"
            + " JOIN platform.template_version v ON v.id = c.version_id"
            + " JOIN platform.template t ON t.id = v.template_id WHERE t.template_key = ?"
            + " AND v.id = (SELECT max(v2.id) FROM platform.template_version v2"
            + " WHERE v2.template_id = t.id)",
        template);
  }
}
