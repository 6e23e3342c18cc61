package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tenant the dashboard benchmark reads, built through the API as its admin: two assessment groups and four
 * assessments (GDPR and HIPAA Security in the first group; GDPR and a private template in the second). The private
 * template has {@link #OWN_ACTIONS} actions of its own (the three types in turn, points spread over 1..99) and
 * {@link #CONTROLS} controls mapping two or three actions each, every third one a library action as well. Then 40%
 * of the instances get statuses (those that follow a parent action's are skipped): three in four implemented and
 * passed, the rest implemented and untested.
 */
final class DashboardTenant {

  static final int OWN_ACTIONS = 300;
  static final int CONTROLS = 150;
  private static final int PAGE = 500;

  private static final String[] TYPES = {"TECHNICAL", "OPERATIONAL", "DOCUMENTATION"};
  private static final String[] NATURES = {"preventative", "detective", "corrective"};
  private static final String[] CATEGORIES = {
    "Control access", "Protect data", "Manage devices", "Monitor and respond", "Govern", "Train people"
  };
  private static final String[] SOLUTIONS = {"Identity provider", "Endpoint manager", "SIEM", "Policy library", null};

  /** An assessment as created: its name, template and number of controls. */
  record Assessment(String name, String group, String template, int controls) {}

  /** What was built, for the report. */
  record Facts(
      List<Assessment> assessments,
      int instances,
      int distinctActions,
      int tenantWideInstances,
      Map<String, Integer> instancesByType,
      Map<String, Integer> instancesByOrigin,
      Map<String, Integer> actionsByOrigin,
      int followers,
      int libraryActionsInTemplate,
      int statusesSet,
      long buildNanos) {}

  private final ApiClient admin;
  private final String tenantPath;

  DashboardTenant(ApiClient admin, String tenant) {
    this.admin = admin;
    this.tenantPath = "/tenants/" + tenant;
  }

  Facts build() {
    long began = System.nanoTime();
    long first = admin.post(tenantPath + "/assessment-groups", Map.of("name", "FY2027")).path("id").asLong();
    long second = admin.post(tenantPath + "/assessment-groups", Map.of("name", "Subsidiary")).path("id").asLong();
    List<Assessment> assessments = new ArrayList<>();
    assessments.add(assess(first, "FY2027", "GDPR, main product", "gdpr"));
    assessments.add(assess(first, "FY2027", "HIPAA, main product", "hipaa-security"));
    assessments.add(assess(second, "Subsidiary", "GDPR, subsidiary", "gdpr"));

    List<String> library = new ArrayList<>();
    for (JsonNode instance : instances()) {
      if ("LIBRARY".equals(instance.path("origin").asText()) && !library.contains(instance.path("key").asText())) {
        library.add(instance.path("key").asText());
      }
    }
    Set<String> mappedLibrary = new LinkedHashSet<>();
    admin.post(tenantPath + "/templates", privateTemplate(library, mappedLibrary));
    assessments.add(assess(second, "Subsidiary", "Bench rules, subsidiary", "bench-large"));

    List<JsonNode> instances = instances();
    int set = 0;
    for (int i = 0; i < instances.size(); i++) {
      JsonNode instance = instances.get(i);
      if ((i % 5 == 0 || i % 5 == 2) && !follower(instance)) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("implementationStatus", "IMPLEMENTED");
        if (set % 4 != 3) {
          change.put("testStatus", "PASSED");
          if ("AUTOMATIC".equals(instance.path("testingSource").asText())) {
            change.put("testOverrideReason", "Benchmark data");
          }
        }
        admin.patch(tenantPath + "/actions/" + instance.path("id").asLong(), change,
            "\"" + instance.path("version").asLong() + "\"");
        set++;
      }
    }
    long buildNanos = System.nanoTime() - began;

    Set<String> keys = new LinkedHashSet<>();
    Map<String, Integer> byType = new TreeMap<>();
    Map<String, Integer> byOrigin = new TreeMap<>();
    Map<String, Integer> actionsByOrigin = new TreeMap<>();
    int tenantWide = 0;
    int followers = 0;
    for (JsonNode instance : instances) {
      followers += follower(instance) ? 1 : 0;
      if (keys.add(instance.path("key").asText())) {
        actionsByOrigin.merge(instance.path("origin").asText(), 1, Integer::sum);
      }
      byType.merge(instance.path("type").asText(), 1, Integer::sum);
      byOrigin.merge(instance.path("origin").asText(), 1, Integer::sum);
      if (instance.path("groupId").isNull() || instance.path("groupId").isMissingNode()) {
        tenantWide++;
      }
    }
    return new Facts(assessments, instances.size(), keys.size(), tenantWide, byType, byOrigin, actionsByOrigin,
        followers, mappedLibrary.size(), set, buildNanos);
  }

  /** Every action instance, passed ones included, a page of {@link #PAGE} at a time. */
  private List<JsonNode> instances() {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode listed = admin.get(tenantPath + "/actions?includePassed=true&size=" + PAGE + "&page=" + page);
      listed.path("items").forEach(all::add);
      if (listed.path("items").size() < PAGE || all.size() >= listed.path("total").asLong()) {
        return all;
      }
    }
  }

  /** An instance that follows its parent action's statuses: they are changed on the parent. */
  private static boolean follower(JsonNode instance) {
    return !instance.path("parentActionId").isNull() && !instance.path("parentActionId").isMissingNode();
  }

  private Assessment assess(long group, String groupName, String name, String template) {
    JsonNode created =
        admin.post(tenantPath + "/assessment-groups/" + group + "/assessments",
            Map.of("name", name, "template", template, "scope", "PRODUCT", "scopeName", name));
    return new Assessment(name, groupName, template, created.path("controls").size());
  }

  /**
   * The private template: action {@code i} is {@code bench-a-NNN}; control {@code j} maps actions 2j-1 and 2j,
   * every third control one library action besides, and every fifth (not third) one the next control's first
   * action, so some actions serve two controls. Every tenth control is provider-managed.
   */
  private Map<String, Object> privateTemplate(List<String> library, Set<String> mappedLibrary) {
    List<Map<String, Object>> actions = new ArrayList<>();
    for (int i = 1; i <= OWN_ACTIONS; i++) {
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("key", ownKey(i));
      action.put("title", "Bench action " + i);
      action.put("description", "Benchmark action number " + i + ", as a tenant would write one of its own.");
      action.put("type", TYPES[i % TYPES.length]);
      action.put("points", (i * 37) % 99 + 1);
      action.put("category", CATEGORIES[i % CATEGORIES.length]);
      if (SOLUTIONS[i % SOLUTIONS.length] != null) {
        action.put("solution", SOLUTIONS[i % SOLUTIONS.length]);
      }
      actions.add(action);
    }
    List<Map<String, Object>> controls = new ArrayList<>();
    for (int j = 1; j <= CONTROLS; j++) {
      List<String> mapped = new ArrayList<>(List.of(ownKey(2 * j - 1), ownKey(2 * j)));
      if (j % 3 == 0 && !library.isEmpty()) {
        String key = library.get((j / 3 * 7) % library.size());
        mapped.add(key);
        mappedLibrary.add(key);
      } else if (j % 5 == 0) {
        mapped.add(ownKey(2 * j % OWN_ACTIONS + 1));
      }
      Map<String, Object> control = new LinkedHashMap<>();
      control.put("id", String.format("B-%03d", j));
      control.put("family", CATEGORIES[j % CATEGORIES.length]);
      control.put("title", "Bench control " + j);
      control.put("description", "Benchmark control number " + j + ", satisfied by the actions it maps.");
      control.put("mandatory", j % 4 != 0);
      control.put("nature", NATURES[j % NATURES.length]);
      control.put("managedBy", j % 10 == 0 ? "provider" : "customer");
      control.put("actions", mapped);
      controls.add(control);
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("key", "bench-large");
    template.put("title", "Bench rules");
    template.put("regulation", "Bench rules");
    template.put("description", "A large private template for the dashboard benchmark.");
    template.put("actions", actions);
    template.put("controls", controls);
    return template;
  }

  private static String ownKey(int i) {
    return String.format("bench-a-%03d", i);
  }
}
