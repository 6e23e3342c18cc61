package io.regulus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tenant a benchmark reads, built through the API as its admin after a {@link Plan}: assessment
 * groups, each with assessments of library templates and, where the plan says so, of a private
 * template. The private template has {@code ownActions} actions of its own (the three types in
 * turn, points spread over 1..99) and half as many controls mapping two or three actions each,
 * every third one a library action as well. Then 40% of the instances get statuses (those that
 * follow a parent action's are skipped): three in four implemented and passed, the rest implemented
 * and untested. A plan with {@code planning} also gives a quarter of the instances a due date (a
 * third of those past), half of them a priority other than the default, and a third of them the
 * admin as assignee. Instances multiply with groups: a technical action has one instance per
 * tenant, an operational or documentation action one per group whose assessments map it.
 */
final class BenchTenant {

  /**
   * An assessment group: its name, the scope its assessments name, the library templates assessed
   * in it, and whether the private template is assessed in it too.
   */
  record Group(String name, String scope, List<String> libraryTemplates, boolean privateTemplate) {}

  /**
   * What to build.
   *
   * @param ownActions the private template's own actions (an even number; half as many controls)
   * @param planning whether instances also get due dates, priorities and the admin as assignee
   */
  record Plan(List<Group> groups, int ownActions, boolean planning) {

    /** The dashboard benchmark's tenant: 4 assessments, 576 instances. */
    static final Plan DASHBOARD =
        new Plan(
            List.of(
                new Group("FY2027", "main product", List.of("gdpr", "hipaa-security"), false),
                new Group("Subsidiary", "subsidiary", List.of("gdpr"), true)),
            300,
            false);

    int controls() {
      return ownActions / 2;
    }
  }

  /** An assessment as created: its name, template and number of controls. */
  record Assessment(String name, String group, String template, int controls) {}

  /** What was built, for the report; {@code instances} as listed before the statuses were set. */
  record Facts(
      List<Assessment> assessments,
      List<JsonNode> instances,
      int distinctActions,
      int tenantWideInstances,
      Map<String, Integer> instancesByType,
      Map<String, Integer> instancesByOrigin,
      Map<String, Integer> actionsByOrigin,
      int followers,
      int libraryActionsInTemplate,
      int statusesSet,
      int changes,
      int dueDates,
      int assigned,
      long buildNanos) {}

  static final String TEMPLATE = "bench-large";
  private static final int PAGE = 500;
  private static final Map<String, String> LABELS =
      Map.of("gdpr", "GDPR", "hipaa-security", "HIPAA", TEMPLATE, "Bench rules");

  private static final String[] TYPES = {"TECHNICAL", "OPERATIONAL", "DOCUMENTATION"};
  private static final String[] NATURES = {"preventative", "detective", "corrective"};
  private static final String[] CATEGORIES = {
    "Control access",
    "Protect data",
    "Manage devices",
    "Monitor and respond",
    "Govern",
    "Train people"
  };
  private static final String[] SOLUTIONS = {
    "Identity provider", "Endpoint manager", "SIEM", "Policy library", null
  };
  private static final String[] PRIORITIES = {"CRITICAL", null, null, "HIGH", "LOW", null};

  private final ApiClient admin;
  private final String tenantPath;
  private final Plan plan;
  private final int instances;

  BenchTenant(ApiClient admin, String tenant, Plan plan) {
    this(admin, tenant, plan, 0);
  }

  /**
   * A tenant of {@code instances} action instances in all (when positive): the private template
   * gets as many actions of its own as the library assessments leave to reach that number, in place
   * of the plan's {@code ownActions} (so it is assessed in one group only).
   */
  BenchTenant(ApiClient admin, String tenant, Plan plan, int instances) {
    this.admin = admin;
    this.tenantPath = "/tenants/" + tenant;
    this.plan = plan;
    this.instances = instances;
  }

  Facts build() {
    long began = System.nanoTime();
    Map<Group, Long> groupIds = new LinkedHashMap<>();
    for (Group group : plan.groups()) {
      groupIds.put(
          group,
          admin
              .post(tenantPath + "/assessment-groups", Map.of("name", group.name()))
              .path("id")
              .asLong());
    }
    List<Assessment> assessments = new ArrayList<>();
    groupIds.forEach(
        (group, id) ->
            group.libraryTemplates().forEach(t -> assessments.add(assess(id, group, t))));

    List<String> library = new ArrayList<>();
    List<JsonNode> libraryInstances = instances();
    int ownActions = instances > 0 ? instances - libraryInstances.size() : plan.ownActions();
    if (ownActions < 0) {
      throw new IllegalStateException(
          "the library assessments alone have "
              + libraryInstances.size()
              + " action instances, more than the "
              + instances
              + " asked for");
    }
    for (JsonNode instance : libraryInstances) {
      if ("LIBRARY".equals(instance.path("origin").asText())
          && !library.contains(instance.path("key").asText())) {
        library.add(instance.path("key").asText());
      }
    }
    Set<String> mappedLibrary = new LinkedHashSet<>();
    if (groupIds.keySet().stream().anyMatch(Group::privateTemplate)) {
      admin.post(tenantPath + "/templates", privateTemplate(ownActions, library, mappedLibrary));
      groupIds.forEach(
          (group, id) -> {
            if (group.privateTemplate()) {
              assessments.add(assess(id, group, TEMPLATE));
            }
          });
    }

    List<JsonNode> instances = instances();
    if (this.instances > 0 && instances.size() != this.instances) {
      throw new IllegalStateException(
          tenantPath + " has " + instances.size() + " action instances, not " + this.instances);
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    int set = 0;
    int changes = 0;
    int dueDates = 0;
    List<Long> toAssign = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      JsonNode instance = instances.get(i);
      Map<String, Object> change = new LinkedHashMap<>();
      if ((i % 5 == 0 || i % 5 == 2) && !follower(instance)) {
        change.put("implementationStatus", "IMPLEMENTED");
        if (set % 4 != 3) {
          change.put("testStatus", "PASSED");
          if ("AUTOMATIC".equals(instance.path("testingSource").asText())) {
            change.put("testOverrideReason", "Benchmark data");
          }
        }
        set++;
      }
      if (plan.planning()) {
        if (i % 4 == 1) {
          change.put("dueDate", today.plusDays((i * 13L) % 90 - 30).toString());
          dueDates++;
        }
        if (PRIORITIES[i % PRIORITIES.length] != null) {
          change.put("priority", PRIORITIES[i % PRIORITIES.length]);
        }
        if (i % 3 == 1) {
          toAssign.add(instance.path("id").asLong());
        }
      }
      if (!change.isEmpty()) {
        admin.patch(
            tenantPath + "/actions/" + instance.path("id").asLong(),
            change,
            "\"" + instance.path("version").asLong() + "\"");
        changes++;
      }
    }
    if (!toAssign.isEmpty()) {
      String me = admin.get("/me").path("subject").asText();
      admin.postForResult(
          tenantPath + "/actions/assign", Map.of("actionIds", toAssign, "userId", me));
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
    return new Facts(
        assessments,
        instances,
        keys.size(),
        tenantWide,
        byType,
        byOrigin,
        actionsByOrigin,
        followers,
        mappedLibrary.size(),
        set,
        changes,
        dueDates,
        toAssign.size(),
        buildNanos);
  }

  /** Every action instance, passed ones included, a page of {@link #PAGE} at a time. */
  List<JsonNode> instances() {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode listed =
          admin.get(tenantPath + "/actions?includePassed=true&size=" + PAGE + "&page=" + page);
      listed.path("items").forEach(all::add);
      if (listed.path("items").size() < PAGE || all.size() >= listed.path("total").asLong()) {
        return all;
      }
    }
  }

  /** An instance that follows its parent action's statuses: they are changed on the parent. */
  static boolean follower(JsonNode instance) {
    return !instance.path("parentActionId").isNull()
        && !instance.path("parentActionId").isMissingNode();
  }

  private Assessment assess(long group, Group plan, String template) {
    String name = LABELS.getOrDefault(template, template) + ", " + plan.scope();
    JsonNode created =
        admin.post(
            tenantPath + "/assessment-groups/" + group + "/assessments",
            Map.of("name", name, "template", template, "scope", "PRODUCT", "scopeName", name));
    return new Assessment(name, plan.name(), template, created.path("controls").size());
  }

  /**
   * The private template: action {@code i} is {@code tenant:bench-a-NNN}; control {@code j} maps
   * actions 2j-1 and 2j, every third control one library action besides, and every fifth (not
   * third) one the next control's first action, so some actions serve two controls. Every tenth
   * control is provider-managed. With an odd number of actions, the last control maps one.
   */
  private Map<String, Object> privateTemplate(
      int ownActions, List<String> library, Set<String> mappedLibrary) {
    List<Map<String, Object>> actions = new ArrayList<>();
    for (int i = 1; i <= ownActions; i++) {
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("key", ownKey(i));
      action.put("title", "Bench action " + i);
      action.put(
          "description",
          "Benchmark action number " + i + ", as a tenant would write one of its own.");
      action.put("type", TYPES[i % TYPES.length]);
      action.put("points", (i * 37) % 99 + 1);
      action.put("category", CATEGORIES[i % CATEGORIES.length]);
      // the two actions of every tenth control are the provider's
      action.put("managedBy", (i + 1) / 2 % 10 == 0 ? "provider" : "customer");
      if (SOLUTIONS[i % SOLUTIONS.length] != null) {
        action.put("solution", SOLUTIONS[i % SOLUTIONS.length]);
      }
      actions.add(action);
    }
    List<Map<String, Object>> controls = new ArrayList<>();
    for (int j = 1; j <= (ownActions + 1) / 2; j++) {
      List<String> mapped =
          new ArrayList<>(
              2 * j > ownActions
                  ? List.of(ownKey(2 * j - 1))
                  : List.of(ownKey(2 * j - 1), ownKey(2 * j)));
      if (j % 3 == 0 && !library.isEmpty()) {
        String key = library.get((j / 3 * 7) % library.size());
        mapped.add(key);
        mappedLibrary.add(key);
      } else if (j % 5 == 0) {
        mapped.add(ownKey(2 * j % ownActions + 1));
      }
      Map<String, Object> control = new LinkedHashMap<>();
      control.put("id", String.format("B-%03d", j));
      control.put("family", CATEGORIES[j % CATEGORIES.length]);
      control.put("title", "Bench control " + j);
      control.put(
          "description", "Benchmark control number " + j + ", satisfied by the actions it maps.");
      control.put("mandatory", j % 4 != 0);
      control.put("nature", NATURES[j % NATURES.length]);
      control.put("actions", mapped);
      controls.add(control);
    }
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("key", TEMPLATE);
    template.put("title", "Bench rules");
    template.put("regulation", "Bench rules");
    template.put("description", "A large private template for the benchmarks.");
    template.put("actions", actions);
    template.put("controls", controls);
    return template;
  }

  private static String ownKey(int i) {
    return String.format("tenant:bench-a-%03d", i);
  }
}
