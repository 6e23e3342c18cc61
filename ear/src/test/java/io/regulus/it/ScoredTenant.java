package io.regulus.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant with a score worth showing, built through the API as its admin: a group with a GDPR
 * assessment, two actions implemented and passed, and two overdue due dates of which only one
 * counts (the other action has passed). For the portfolio and dashboard tests.
 *
 * @param openOverdue the id of the open action whose due date has passed
 */
public record ScoredTenant(String slug, String adminToken, String assessment, long openOverdue) {

  /** Builds the content in {@code slug} (an active tenant) as a new admin of it. */
  public static ScoredTenant build(String slug, String assessment) {
    String admin = KeycloakClient.token(KeycloakClient.createMember(slug, "admin"));
    long group = Platform.createGroup(admin, slug, "FY2027");
    Platform.createAssessment(admin, slug, group, assessment, "gdpr");
    List<Map<String, Object>> actions = Platform.actions(admin, slug);
    pass(admin, slug, actions.get(0));
    pass(admin, slug, actions.get(1));
    change(admin, slug, actions.get(0), Map.of("dueDate", "2020-01-01"));
    Map<String, Object> open = actions.get(2);
    change(admin, slug, open, Map.of("dueDate", "2020-01-01"));
    return new ScoredTenant(slug, admin, assessment, ((Number) open.get("id")).longValue());
  }

  private static void pass(String admin, String slug, Map<String, Object> action) {
    change(admin, slug, action, Map.of("implementationStatus", "IMPLEMENTED"));
    change(admin, slug, action, Map.of("testStatus", "PASSED"));
  }

  /** A change as the admin; a test result by hand on an automatically tested action says why. */
  private static void change(
      String admin, String slug, Map<String, Object> action, Map<String, Object> body) {
    Map<String, Object> sent = new HashMap<>(body);
    if (body.containsKey("testStatus") && "AUTOMATIC".equals(action.get("testingSource"))) {
      sent.put("testOverrideReason", "checked by hand in a test");
    }
    Platform.change(admin, slug, action.get("id"), sent).then().statusCode(200);
  }
}
