package io.regulus.assessment;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.action.ActionInstances;
import io.regulus.problem.DomainException;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.ProblemKind;
import io.regulus.problem.Violation;
import io.regulus.scoring.AssessmentScore;
import io.regulus.scoring.ScoringRepository;
import io.regulus.scoring.TenantScores;
import io.regulus.template.ActionRevisions;
import io.regulus.template.ResolvedTemplate;
import io.regulus.template.TemplateCatalog;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.text.ReadableText;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Building and removing assessments. Both hold the tenant's assessment lock, snapshot or drop the
 * controls, and bring the action instances in line in the same transaction: an assessment is never
 * half there.
 */
@Stateless
@Guarded
public class AssessmentService {

  private static final Logger LOG = Logger.getLogger(AssessmentService.class.getName());

  @Inject private AssessmentRepository assessments;
  @Inject private AssessmentGroupRepository groups;
  @Inject private TemplateCatalog templates;
  @Inject private ActionRevisions revisions;
  @Inject private ActionInstances instances;
  @Inject private ScoringRepository scoring;
  @EJB private AssessmentGroupService newGroups;

  /** An assessment with its score and status, and its controls when asked for. */
  public record Scored(
      Assessment assessment, AssessmentScore score, List<AssessmentControl> controls) {}

  @Requires(Permission.READ_TENANT)
  public List<Scored> inGroup(TenantCaller caller, long groupId) {
    ActiveTenant tenant = caller.tenant();
    requireGroup(tenant, groupId);
    TenantScores scores = scoring.load(tenant).scores();
    return assessments.inGroup(tenant, groupId).stream()
        .map(
            assessment ->
                new Scored(
                    assessment,
                    scores.assessments().get(Long.toString(assessment.id())),
                    List.of()))
        .toList();
  }

  @Requires(Permission.READ_TENANT)
  public Scored detail(TenantCaller caller, long id) {
    return detail(caller.tenant(), id);
  }

  private Scored detail(ActiveTenant tenant, long id) {
    Assessment assessment = get(tenant, id);
    AssessmentScore score = scoring.load(tenant).scores().assessments().get(Long.toString(id));
    return new Scored(assessment, score, assessments.controls(tenant, id));
  }

  Assessment get(ActiveTenant tenant, long id) {
    return assessments.find(tenant, id).orElseThrow(() -> new AssessmentNotFoundException(id));
  }

  @Requires(Permission.MANAGE_ASSESSMENTS)
  public Scored create(TenantCaller caller, long groupId, NewAssessment request) {
    ActiveTenant tenant = caller.tenant();
    instances.lockAssessments(tenant);
    requireGroup(tenant, groupId);
    NewAssessment stripped =
        new NewAssessment(
            ReadableText.line("name", request.name()),
            request.template().strip(),
            request.version(),
            request.scope(),
            ReadableText.line("scopeName", request.scopeName()));
    ResolvedTemplate template = templates.resolve(tenant, stripped.template(), stripped.version());
    if (assessments.nameTaken(tenant, groupId, stripped.name())) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "This group already has an assessment named '"
              + stripped.name()
              + "' (names ignore case). Choose another name.",
          "name");
    }
    String builtFrom =
        template.extensionKey() != null ? template.extensionKey() : template.templateKey();
    assessments
        .sameTemplateAndScope(tenant, groupId, builtFrom, stripped.scope(), stripped.scopeName())
        .ifPresent(
            existing -> {
              throw new DomainException(
                  ProblemKind.CONFLICT,
                  "This group already assesses "
                      + builtFrom
                      + " for "
                      + stripped.scope().name().toLowerCase(java.util.Locale.ROOT)
                      + " '"
                      + stripped.scopeName()
                      + "' in"
                      + " assessment '"
                      + existing
                      + "': a group holds one assessment per template and scope. Use that"
                      + " one, or another group or scope.",
                  "scopeName");
            });
    List<String> clashes = assessments.clashingControls(tenant, template);
    if (!clashes.isEmpty()) {
      throw new InvalidInputException(
          new Violation(
              "version",
              "extension "
                  + template.extensionKey()
                  + " adds controls that "
                  + template.templateKey()
                  + " "
                  + template.version()
                  + " has itself ("
                  + String.join(", ", clashes)
                  + "): publish an extension version with other ids, or pick another"
                  + " version"));
    }
    long id = assessments.add(tenant, groupId, stripped, template, caller.id());
    revisions.apply(tenant, template, caller.id(), caller.name());
    ActionInstances.Reconciled reconciled = instances.reconcile(tenant, caller.id());
    LOG.info(
        () ->
            "tenant "
                + tenant.slug()
                + ": assessment "
                + id
                + " ("
                + builtFrom
                + " "
                + template.version()
                + ") created by "
                + caller.id()
                + "; action instances +"
                + reconciled.added());
    return detail(tenant, id);
  }

  /**
   * A new group with its first assessment, in one transaction: when the assessment cannot be built,
   * the group is not made either.
   */
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public Scored createInNewGroup(
      TenantCaller caller, String groupName, String groupDescription, NewAssessment request) {
    AssessmentGroup group = newGroups.create(caller, groupName, groupDescription);
    return create(caller, group.id(), request);
  }

  @Requires(Permission.MANAGE_ASSESSMENTS)
  public void delete(TenantCaller caller, long id) {
    ActiveTenant tenant = caller.tenant();
    instances.lockAssessments(tenant);
    get(tenant, id);
    assessments.remove(tenant, id);
    ActionInstances.Reconciled reconciled = instances.reconcile(tenant, caller.id());
    LOG.info(
        () ->
            "tenant "
                + tenant.slug()
                + ": assessment "
                + id
                + " deleted by "
                + caller.id()
                + "; action instances -"
                + reconciled.removed());
  }

  private void requireGroup(ActiveTenant tenant, long groupId) {
    if (groups.find(tenant, groupId).isEmpty()) {
      throw new AssessmentGroupNotFoundException(groupId);
    }
  }
}
