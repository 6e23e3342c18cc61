package io.regulus.ui.alert;

import io.regulus.access.TenantRole;
import io.regulus.alert.AlertKind;
import io.regulus.alert.AlertPolicy;
import io.regulus.alert.AlertPolicyService;
import io.regulus.alert.PolicyDraft;
import io.regulus.alert.PolicyScope;
import io.regulus.alert.ScoreDirection;
import io.regulus.alert.Severity;
import io.regulus.alert.ThresholdUnit;
import io.regulus.scoring.ImplementationStatus;
import io.regulus.scoring.TestStatus;
import io.regulus.ui.PageTexts;
import io.regulus.ui.PagedList;
import io.regulus.ui.Workspace;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A tenant's alert policies: every member reads the list; whoever the domain lets manage policies
 * creates, edits, enables or disables and deletes them. The form is a {@link PolicyDraft}: the
 * domain checks it whole, and its refusal names every field at fault.
 */
@Named
@ViewScoped
public class AlertPoliciesPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final PageTexts TEXT = PageTexts.of("io.regulus.ui.alert.messages");

  @EJB private AlertPolicyService policies;
  @Inject private Workspace workspace;

  private String tenant;

  private final PagedList<AlertPolicy> policyList =
      PagedList.whole(() -> policies.list(workspace.enter(tenant)));

  /** The form: open when {@code editing}; {@code id} null for a new policy. */
  private boolean editing;

  private Long id;
  private String name;
  private String kind = AlertKind.IMPLEMENTATION_STATUS_CHANGE.name();
  private String severity = Severity.LOW.name();
  private BigDecimal threshold;
  private String unit;
  private String direction;
  private List<String> toValues = new ArrayList<>();
  private String scope = PolicyScope.Kind.TENANT.name();
  private Long assessmentId;
  private String category;
  private Long actionId;
  private boolean enabled = true;
  private List<String> recipientRoles = new ArrayList<>(List.of(TenantRole.ADMIN.id()));
  private boolean notifyAssignee;
  private boolean notifyTester;

  public void load() {
    policyList.readNow();
  }

  public void create() {
    id = null;
    name = null;
    kind = AlertKind.IMPLEMENTATION_STATUS_CHANGE.name();
    severity = Severity.LOW.name();
    threshold = null;
    unit = null;
    direction = null;
    toValues = new ArrayList<>();
    scope = PolicyScope.Kind.TENANT.name();
    assessmentId = null;
    category = null;
    actionId = null;
    enabled = true;
    recipientRoles = new ArrayList<>(List.of(TenantRole.ADMIN.id()));
    notifyAssignee = false;
    notifyTester = false;
    editing = true;
  }

  /** Opens the form on a policy as the domain has it now. */
  public void edit(long policyId) {
    AlertPolicy p = policies.get(workspace.enter(tenant), policyId);
    id = p.id();
    name = p.name();
    kind = p.kind().name();
    severity = p.severity().name();
    threshold = p.threshold();
    unit = p.unit() == null ? null : p.unit().name();
    direction = p.direction() == null ? null : p.direction().name();
    toValues = new ArrayList<>(p.toValues().stream().sorted().toList());
    scope = p.scope().kind().name();
    assessmentId = p.scope().assessmentId();
    category = p.scope().category();
    actionId = p.scope().actionId();
    enabled = p.enabled();
    recipientRoles = new ArrayList<>(p.recipientRoles().stream().map(TenantRole::id).toList());
    notifyAssignee = p.notifyAssignee();
    notifyTester = p.notifyTester();
    editing = true;
  }

  public void save() {
    PolicyDraft draft = draft(enabled);
    AlertPolicy saved =
        id == null
            ? policies.create(workspace.enter(tenant), draft)
            : policies.update(workspace.enter(tenant), id, draft);
    TEXT.done(id == null ? "policy.created" : "policy.saved", saved.name());
    policyList.changed();
    close();
  }

  /** Enables a disabled policy, disables an enabled one. */
  public void toggle(long policyId) {
    edit(policyId);
    AlertPolicy saved = policies.update(workspace.enter(tenant), id, draft(!enabled));
    TEXT.done(saved.enabled() ? "policy.enabled" : "policy.disabled", saved.name());
    policyList.changed();
    close();
  }

  public void delete() {
    policies.delete(workspace.enter(tenant), id);
    TEXT.done("policy.deleted", name);
    policyList.changed();
    close();
  }

  public void close() {
    editing = false;
    id = null;
  }

  private PolicyDraft draft(boolean on) {
    boolean scoring = AlertKind.SCORE_CHANGE.name().equals(kind);
    boolean expiring = AlertKind.EVIDENCE_EXPIRING.name().equals(kind);
    boolean statuses =
        AlertKind.IMPLEMENTATION_STATUS_CHANGE.name().equals(kind)
            || AlertKind.TEST_STATUS_CHANGE.name().equals(kind);
    return new PolicyDraft(
        name,
        kind,
        severity,
        scoring || expiring ? threshold : null,
        scoring ? blankless(unit) : null,
        scoring ? blankless(direction) : null,
        statuses ? toValues : List.of(),
        scope,
        PolicyScope.Kind.ASSESSMENT.name().equals(scope) ? assessmentId : null,
        PolicyScope.Kind.CATEGORY.name().equals(scope) ? blankless(category) : null,
        PolicyScope.Kind.ACTION.name().equals(scope) ? actionId : null,
        on,
        recipientRoles,
        notifyAssignee,
        notifyTester);
  }

  /** A policy's condition in words, for the list. */
  public String condition(AlertPolicy p) {
    String base = TEXT.text("kind." + p.kind());
    if (p.kind() == AlertKind.SCORE_CHANGE) {
      return base
          + ": "
          + TEXT.text("direction." + p.direction())
          + " "
          + p.threshold().stripTrailingZeros().toPlainString()
          + " "
          + TEXT.text("unit." + p.unit());
    }
    if (p.kind() == AlertKind.EVIDENCE_EXPIRING) {
      return base + ": " + TEXT.text("within", p.threshold().intValue());
    }
    if (!p.toValues().isEmpty()) {
      return base + ": " + p.toValues().stream().sorted().collect(Collectors.joining(", "));
    }
    return base;
  }

  /** A policy's scope in words. */
  public String scopeOf(AlertPolicy p) {
    PolicyScope s = p.scope();
    return switch (s.kind()) {
      case TENANT -> TEXT.text("scope.TENANT");
      case ASSESSMENT -> TEXT.text("scope.ASSESSMENT") + " " + s.assessmentId();
      case CATEGORY -> TEXT.text("scope.CATEGORY") + " " + s.category();
      case ACTION -> TEXT.text("scope.ACTION") + " " + s.actionId();
    };
  }

  /** Who a policy tells, in words. */
  public String recipientsOf(AlertPolicy p) {
    List<String> who = new ArrayList<>();
    p.recipientRoles().stream().sorted().forEach(r -> who.add(TEXT.text("role." + r.id())));
    if (p.notifyAssignee()) {
      who.add(TEXT.text("recipient.assignee"));
    }
    if (p.notifyTester()) {
      who.add(TEXT.text("recipient.tester"));
    }
    return String.join(", ", who);
  }

  public List<String> getKinds() {
    return names(AlertKind.values());
  }

  public List<String> getSeverities() {
    return names(Severity.values());
  }

  public List<String> getUnits() {
    return List.of(ThresholdUnit.POINTS.name(), ThresholdUnit.PERCENT.name());
  }

  public List<String> getDirections() {
    return names(ScoreDirection.values());
  }

  public List<String> getScopes() {
    return names(PolicyScope.Kind.values());
  }

  /** Every status a status-change policy may name (implementation, then test). */
  public List<String> getStatusValues() {
    return Stream.concat(
            Arrays.stream(ImplementationStatus.values()), Arrays.stream(TestStatus.values()))
        .map(Enum::name)
        .distinct()
        .toList();
  }

  public List<String> getRoles() {
    return Arrays.stream(TenantRole.values()).map(TenantRole::id).toList();
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public PagedList<AlertPolicy> getPolicyList() {
    return policyList;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public boolean isEditing() {
    return editing;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public BigDecimal getThreshold() {
    return threshold;
  }

  public void setThreshold(BigDecimal threshold) {
    this.threshold = threshold;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getDirection() {
    return direction;
  }

  public void setDirection(String direction) {
    this.direction = direction;
  }

  public List<String> getToValues() {
    return toValues;
  }

  public void setToValues(List<String> toValues) {
    this.toValues = toValues == null ? new ArrayList<>() : new ArrayList<>(toValues);
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  public void setAssessmentId(Long assessmentId) {
    this.assessmentId = assessmentId;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public Long getActionId() {
    return actionId;
  }

  public void setActionId(Long actionId) {
    this.actionId = actionId;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public List<String> getRecipientRoles() {
    return recipientRoles;
  }

  public void setRecipientRoles(List<String> recipientRoles) {
    this.recipientRoles =
        recipientRoles == null ? new ArrayList<>() : new ArrayList<>(recipientRoles);
  }

  public boolean isNotifyAssignee() {
    return notifyAssignee;
  }

  public void setNotifyAssignee(boolean notifyAssignee) {
    this.notifyAssignee = notifyAssignee;
  }

  public boolean isNotifyTester() {
    return notifyTester;
  }

  public void setNotifyTester(boolean notifyTester) {
    this.notifyTester = notifyTester;
  }
}
