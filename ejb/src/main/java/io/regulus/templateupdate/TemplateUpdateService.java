package io.regulus.templateupdate;

import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.action.ActionInstances;
import io.regulus.assessment.AssessmentGroupNotFoundException;
import io.regulus.assessment.AssessmentGroupRepository;
import io.regulus.assessment.AssessmentRepository;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.ScoringRepository;
import io.regulus.template.ActionContent;
import io.regulus.template.ActionRevisions;
import io.regulus.template.ResolvedTemplate;
import io.regulus.template.TemplateCatalog;
import io.regulus.template.TemplateControl;
import io.regulus.template.TemplateSummary;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Template updates of a tenant. Pending is worked out on every read, from the newest published
 * versions against each assessment's (never marked when a version is published: global versions are
 * published in the platform schema, private ones by many paths, and a mark could disagree with the
 * versions; a comparison cannot). A group's deferral of exactly the newest version keeps it off the
 * pending list until a newer version appears.
 */
@Stateless
@Guarded
public class TemplateUpdateService {

  private static final Logger LOG = Logger.getLogger(TemplateUpdateService.class.getName());

  @Inject private TemplateUpdateRepository updates;
  @Inject private TemplateCatalog catalog;
  @Inject private ActionRevisions revisions;
  @Inject private AssessmentRepository assessments;
  @Inject private AssessmentGroupRepository groups;
  @Inject private ActionInstances instances;
  @Inject private ScoringRepository scoring;

  /**
   * Every group's updates, by group and template: the pending ones, and the deferred ones (which
   * can still be accepted).
   */
  @Requires(Permission.READ_TENANT)
  public List<TemplateUpdate> list(TenantCaller caller) {
    ActiveTenant tenant = caller.tenant();
    List<TemplateUpdate> found = new ArrayList<>();
    Map<String, ResolvedTemplate> newest = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    catalog.available(tenant).forEach(template -> titles.put(template.key(), template.title()));
    for (TemplateUpdateRepository.Built built : updates.built(tenant)) {
      ResolvedTemplate target =
          newest.computeIfAbsent(built.template(), key -> catalog.resolve(tenant, key, null));
      update(tenant, built, target, titles.get(built.template())).ifPresent(found::add);
    }
    return found;
  }

  /** The update of one group's assessments of one template, with its diff and score effect. */
  @Requires(Permission.READ_TENANT)
  public UpdatePreview preview(TenantCaller caller, long groupId, String template) {
    return preview(caller.tenant(), groupId, template);
  }

  /**
   * The same for a tenant another service has entered (a firm's push previewing a client's update):
   * nothing is written.
   */
  @Internal("a caller that decided access to the tenant itself previews it")
  public UpdatePreview preview(ActiveTenant tenant, long groupId, String template) {
    Found found = find(tenant, groupId, template);
    Map<String, List<TemplateUpdate.Member>> byFrom = new LinkedHashMap<>();
    found
        .update()
        .assessments()
        .forEach(
            member -> byFrom.computeIfAbsent(member.label(), k -> new ArrayList<>()).add(member));
    List<TemplateControl> after = catalog.controls(tenant, found.target());
    Map<Long, List<TemplateControl>> before = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>();
    after.forEach(control -> keys.addAll(control.actions()));
    for (TemplateUpdate.Member member : found.update().assessments()) {
      List<TemplateControl> snapshot = updates.snapshot(tenant, member.id());
      before.put(member.id(), snapshot);
      snapshot.forEach(control -> keys.addAll(control.actions()));
    }
    Map<String, ActionContent> now = revisions.catalogue(tenant, keys);
    Map<String, ActionContent> then = revisions.target(tenant, found.target(), keys);
    List<UpdatePreview.FromVersion> diffs = new ArrayList<>();
    byFrom.forEach(
        (from, members) ->
            diffs.add(
                new UpdatePreview.FromVersion(
                    from,
                    members.stream().map(TemplateUpdate.Member::id).toList(),
                    UpdateDiff.between(before.get(members.get(0).id()), after, now, then))));
    Map<Long, List<TemplateControl>> updated = new HashMap<>();
    before.keySet().forEach(id -> updated.put(id, after));
    ScoreEffect effect = ScoreEffect.of(scoring.input(tenant).input(), updated, then);
    return new UpdatePreview(found.update(), diffs, effect);
  }

  /**
   * Moves all the group's assessments of that template to the newest version, in one transaction:
   * their snapshots are replaced, instances of new actions created and those no assessment needs
   * any more removed (their history stays), the catalogue takes the version's content of its
   * actions; every other instance keeps its statuses, notes, people, dates, priority and evidence.
   * {@code toVersion} and {@code toExtensionVersion} name the version the caller reviewed: a newer
   * one published since is refused, to be reviewed first.
   */
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public UpdateAccepted accept(
      TenantCaller caller,
      long groupId,
      String template,
      String toVersion,
      Integer toExtensionVersion) {
    ActiveTenant tenant = caller.tenant();
    instances.lockAssessments(tenant);
    Found found = find(tenant, groupId, template);
    requireReviewed(found.update(), toVersion, toExtensionVersion);
    List<String> clashes = assessments.clashingControls(tenant, found.target());
    if (!clashes.isEmpty()) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Extension "
              + template
              + " adds controls that its template's newest version has itself ("
              + String.join(", ", clashes)
              + "): publish an extension version with other control ids, then accept the update.");
    }
    for (TemplateUpdate.Member member : found.update().assessments()) {
      assessments.moveTo(tenant, member.id(), found.target());
    }
    List<String> revised =
        revisions.apply(tenant, found.target(), caller.id(), caller.name()).stream()
            .map(change -> change.after().key())
            .toList();
    ActionInstances.Reconciled reconciled = instances.reconcile(tenant, caller.id());
    updates.touchGroup(tenant, groupId);
    updates.decide(tenant, found.update(), "ACCEPTED", caller.id(), caller.name());
    scoring.forget(tenant);
    LOG.info(
        () ->
            "tenant "
                + tenant.slug()
                + ": group "
                + groupId
                + " accepted "
                + template
                + " "
                + found.update().to()
                + " by "
                + caller.id()
                + "; action instances +"
                + reconciled.added()
                + " -"
                + reconciled.removed()
                + ", actions revised "
                + revised.size());
    return new UpdateAccepted(found.update(), reconciled.added(), reconciled.removed(), revised);
  }

  /**
   * Keeps the group on its versions: recorded with who and when, the update stops showing as
   * pending until a newer version appears, and can still be accepted.
   */
  @Requires(Permission.MANAGE_ASSESSMENTS)
  public TemplateUpdate defer(
      TenantCaller caller,
      long groupId,
      String template,
      String toVersion,
      Integer toExtensionVersion) {
    ActiveTenant tenant = caller.tenant();
    instances.lockAssessments(tenant);
    Found found = find(tenant, groupId, template);
    requireReviewed(found.update(), toVersion, toExtensionVersion);
    updates.decide(tenant, found.update(), "DEFERRED", caller.id(), caller.name());
    LOG.info(
        () ->
            "tenant "
                + tenant.slug()
                + ": group "
                + groupId
                + " deferred "
                + template
                + " "
                + found.update().to()
                + " by "
                + caller.id());
    return update(
            tenant,
            new TemplateUpdateRepository.Built(
                groupId, found.update().group(), template, found.update().assessments()),
            found.target(),
            found.update().title())
        .orElseThrow();
  }

  /** A group's update of one template, with the version it leads to. */
  private record Found(TemplateUpdate update, ResolvedTemplate target) {}

  private Found find(ActiveTenant tenant, long groupId, String template) {
    if (groups.find(tenant, groupId).isEmpty()) {
      throw new AssessmentGroupNotFoundException(groupId);
    }
    TemplateUpdateRepository.Built built =
        updates.built(tenant).stream()
            .filter(entry -> entry.groupId() == groupId && entry.template().equals(template))
            .findFirst()
            .orElseThrow(
                () ->
                    new DomainException(
                        ProblemKind.NOT_FOUND,
                        "Assessment group "
                            + groupId
                            + " has no assessment built from template '"
                            + template
                            + "', so it has no update of it."));
    ResolvedTemplate target = catalog.resolve(tenant, template, null);
    String title = catalog.find(tenant, template).map(TemplateSummary::title).orElse(template);
    TemplateUpdate update =
        update(tenant, built, target, title)
            .orElseThrow(
                () ->
                    new DomainException(
                        ProblemKind.NOT_FOUND,
                        "The assessments of group "
                            + built.group()
                            + " built from '"
                            + template
                            + "' are on its newest version ("
                            + TemplateUpdate.label(target.version(), target.extensionVersion())
                            + "): there is no update to review."));
    return new Found(update, target);
  }

  /** The group's update to {@code target}, if any of its assessments is on another version. */
  private Optional<TemplateUpdate> update(
      ActiveTenant tenant,
      TemplateUpdateRepository.Built built,
      ResolvedTemplate target,
      String title) {
    boolean behind =
        built.members().stream()
            .anyMatch(
                member ->
                    !member.version().equals(target.version())
                        || !Objects.equals(member.extensionVersion(), target.extensionVersion()));
    if (!behind) {
      return Optional.empty();
    }
    return Optional.of(
        new TemplateUpdate(
            built.groupId(),
            built.group(),
            built.template(),
            title,
            built.members(),
            target.version(),
            target.extensionVersion(),
            updates
                .deferral(
                    tenant,
                    built.groupId(),
                    built.template(),
                    target.version(),
                    target.extensionVersion())
                .orElse(null)));
  }

  private static void requireReviewed(TemplateUpdate update, String version, Integer extension) {
    if (!update.toVersion().equals(version)
        || !Objects.equals(update.toExtensionVersion(), extension)) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "The newest version of '"
              + update.template()
              + "' is "
              + update.to()
              + ", not "
              + TemplateUpdate.label(version, extension)
              + ": review its changes first, then accept or defer that version.",
          "toVersion");
    }
  }
}
