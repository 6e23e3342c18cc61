package io.regulus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: names and text people read may not hold a bidirectional control or another invisible
 * character (U+202E turns "invoice\u202Efdp.exe" into what reads as a PDF). Each such request is
 * refused naming the field and the character, and writes nothing; evidence file names are kept
 * cleaned (see EvidenceIT).
 */
class ReadableTextIT {

  private static final String RLO = "\u202E";
  private static final String ZERO_WIDTH_SPACE = "\u200B";

  private static String tenant;
  private static String schema;
  private static String admin;

  @BeforeAll
  static void build() {
    tenant = Platform.tenant("text", null);
    schema = "tenant_" + tenant.replace('-', '_');
    admin = KeycloakClient.token(KeycloakClient.createMember(tenant, "admin"));
  }

  @Test
  void tenantAndFirmNamesWithADirectionOverrideAreRefused() {
    long tenants = TestDatabase.count("SELECT count(*) FROM platform.tenant");
    long firms = TestDatabase.count("SELECT count(*) FROM platform.firm");
    for (String path : List.of("/platform/tenants", "/platform/firms")) {
      Api.as(Platform.operator())
          .body(Map.of("slug", Api.unique("bidi"), "displayName", "Acme " + RLO + "gnp.exe"))
          .post(path)
          .then()
          .statusCode(400)
          .contentType(Api.PROBLEM)
          .body("errors[0].field", equalTo("displayName"))
          .body("detail", containsString("U+202E RIGHT-TO-LEFT OVERRIDE"));
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.tenant")).isEqualTo(tenants);
    assertThat(TestDatabase.count("SELECT count(*) FROM platform.firm")).isEqualTo(firms);
  }

  @Test
  void groupNamesAndDescriptionsWithInvisibleCharactersAreRefused() {
    long groups = TestDatabase.count("SELECT count(*) FROM " + schema + ".assessment_group");
    Map<String, String> hiddenName = Map.of("name", "FY" + ZERO_WIDTH_SPACE + "2027");
    Map<String, String> hiddenDescription =
        Map.of("name", "EU", "description", "All EU \u2066subsidiaries\u2069");
    for (Map<String, String> body : List.of(hiddenName, hiddenDescription)) {
      Api.as(admin)
          .body(body)
          .post("/tenants/" + tenant + "/assessment-groups")
          .then()
          .statusCode(400)
          .contentType(Api.PROBLEM)
          .body("errors[0].field", equalTo(body.size() == 1 ? "name" : "description"));
    }
    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema + ".assessment_group"))
        .isEqualTo(groups);
  }

  @Test
  void aTemplateWhoseControlTitleHidesCharactersIsRefusedNamingTheField() {
    Map<String, Object> template = new HashMap<>(MatrixTemplates.template(Api.unique("bidi")));
    Map<String, Object> control =
        new HashMap<>(((List<Map<String, Object>>) template.get("controls")).get(0)); // one control
    control.put("title", "Encrypt " + RLO + "backups");
    template.put("controls", List.of(control));
    long templates = TestDatabase.count("SELECT count(*) FROM " + schema + ".private_template");

    Api.as(admin)
        .body(template)
        .post("/tenants/" + tenant + "/templates")
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("controls[0].title"))
        .body("errors[0].message", containsString("U+202E"));

    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema + ".private_template"))
        .isEqualTo(templates);
  }

  @Test
  void actionNotesWithADirectionOverrideAreRefusedAndTheActionKeepsItsNotes() {
    long group = Platform.createGroup(admin, tenant, Api.unique("notes"));
    Platform.createAssessment(admin, tenant, group, Api.unique("gdpr"), "gdpr");
    Object action = Platform.actions(admin, tenant).get(0).get("id");
    long history = TestDatabase.count("SELECT count(*) FROM " + schema + ".action_history");

    Platform.change(admin, tenant, action, Map.of("notes", "Done by " + RLO + "nimda"))
        .then()
        .statusCode(422)
        .contentType(Api.PROBLEM)
        .body("errors[0].field", equalTo("notes"))
        .body("errors[0].message", containsString("U+202E RIGHT-TO-LEFT OVERRIDE, character 9"));

    assertThat(TestDatabase.count("SELECT count(*) FROM " + schema + ".action_history"))
        .isEqualTo(history);
  }
}
