package io.regulus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regulus.access.AccessControl;
import io.regulus.access.AccessDeniedException;
import io.regulus.access.Caller;
import io.regulus.access.FirmRole;
import io.regulus.access.Permission;
import io.regulus.access.PlatformRole;
import io.regulus.access.SystemCaller;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.access.User;
import io.regulus.action.ActionFilter;
import io.regulus.action.ActionService;
import io.regulus.action.ActionUpdate;
import io.regulus.action.BulkUpdateService;
import io.regulus.action.workbook.ActionSheet;
import io.regulus.administration.TenantAdministration;
import io.regulus.assessment.Assessment;
import io.regulus.assessment.AssessmentGroupService;
import io.regulus.assessment.AssessmentService;
import io.regulus.assessment.NewAssessment;
import io.regulus.audit.AuditAction;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.directory.Invitations;
import io.regulus.directory.KeycloakDirectory;
import io.regulus.directory.TenantMembers;
import io.regulus.evidence.Evidence;
import io.regulus.evidence.EvidenceDetails;
import io.regulus.evidence.EvidenceService;
import io.regulus.evidence.UploadedFile;
import io.regulus.history.NightlyStart;
import io.regulus.history.ScoreHistoryService;
import io.regulus.history.ScoreRecomputeService;
import io.regulus.it.AccessMatrix.Persona;
import io.regulus.paging.PageRequest;
import io.regulus.portfolio.PortfolioService;
import io.regulus.problem.DomainException;
import io.regulus.scoring.ScoreFilter;
import io.regulus.scoring.ScoreService;
import io.regulus.template.TemplateDraft;
import io.regulus.template.TemplateService;
import io.regulus.template.exchange.ImportOptions;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.imports.ImportStatus;
import io.regulus.template.imports.TemplateExportService;
import io.regulus.template.imports.TemplateImportRequest;
import io.regulus.template.imports.TemplateImportService;
import io.regulus.templateupdate.TemplateUpdateService;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain services themselves, called inside the server as every kind of caller, without the
 * REST layer: each gets the verdict the HTTP matrix expects of the endpoint the operation serves
 * ({@link AccessMatrix}), from the same declarations (the services' {@code @Requires}, enforced by
 * their interceptor; tenant entry decided by {@link AccessControl}). A 2xx there means the
 * operation ran here; a 403 that the domain refused the caller. A reader handed a valid {@link
 * TenantCaller} is refused by the service itself, whichever adapter would have called. A system
 * caller holds only its grants and is recorded by its name.
 *
 * <p>The domain runs here as the EAR ships it (its EJB modules and libraries, deployed beside the
 * application, against the same PostgreSQL and Keycloak), without its start-up tasks, which the
 * application already ran.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceAccessIT {

  /** The nightly recomputation's caller: it reads every tenant and changes nothing. */
  private static final SystemCaller SYSTEM = SystemCaller.RECOMPUTE;

  /** The endpoints whose operations {@link #SYSTEM} may call: what reads a tenant, and who am I. */
  private static final Set<String> SYSTEM_ADMITTED =
      Set.of(
          "GET /me",
          "GET /me/invitations",
          "POST /me/invitations/{invitationId}/accept",
          "POST /me/invitations/{invitationId}/decline",
          "GET /me/notification-preferences",
          "PUT /me/notification-preferences",
          "GET /tenants/{tenant}/assessment-groups",
          "GET /tenants/{tenant}/assessment-groups/{id}",
          "GET /tenants/{tenant}/templates",
          "GET /tenants/{tenant}/template-imports",
          "GET /tenants/{tenant}/template-imports/{id}",
          "GET /tenants/{tenant}/templates/{key}/versions/{version}/export",
          "GET /tenants/{tenant}/templates/{key}",
          "GET /tenants/{tenant}/template-updates",
          "GET /tenants/{tenant}/template-updates/{groupId}/{template}",
          "GET /tenants/{tenant}/assessment-groups/{id}/assessments",
          "GET /tenants/{tenant}/assessments/{id}",
          "GET /tenants/{tenant}/actions",
          "GET /tenants/{tenant}/actions/{id}",
          "GET /tenants/{tenant}/actions/workbook",
          "GET /tenants/{tenant}/activity",
          "GET /tenants/{tenant}/actions/{id}/history",
          "GET /tenants/{tenant}/actions/{id}/controls",
          "GET /tenants/{tenant}/actions/{id}/signals",
          "GET /tenants/{tenant}/dashboard",
          "GET /tenants/{tenant}/scores",
          "GET /tenants/{tenant}/scores/what-if",
          "GET /tenants/{tenant}/score-history",
          "GET /tenants/{tenant}/assignees",
          "GET /tenants/{tenant}/actions/{id}/evidence",
          "GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
          "GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}/content",
          "GET /tenants/{tenant}/alert-policies",
          "GET /tenants/{tenant}/alert-policies/{id}",
          "GET /tenants/{tenant}/alerts",
          "GET /tenants/{tenant}/alerts/{id}",
          "GET /tenants/{tenant}/signals",
          "GET /tenants/{tenant}/signals/latest");

  /**
   * The schedule's caller: it may start the nightly run and nothing else, so of the endpoints only
   * those every caller reaches admit it.
   */
  private static final Set<String> SCHEDULE_ADMITTED =
      Set.of(
          "GET /me",
          "GET /me/invitations",
          "POST /me/invitations/{invitationId}/accept",
          "POST /me/invitations/{invitationId}/decline",
          "GET /me/notification-preferences",
          "PUT /me/notification-preferences");

  /**
   * Admitted operations that answer otherwise for the system caller: it holds no invitation, and
   * the tenant has no alert policy or alert 0.
   */
  private static final Map<String, Integer> SYSTEM_VERDICT =
      Map.of(
          "POST /me/invitations/{invitationId}/accept", 404,
          "POST /me/invitations/{invitationId}/decline", 404,
          "GET /tenants/{tenant}/alert-policies/{id}", 404,
          "GET /tenants/{tenant}/alerts/{id}", 404);

  @Deployment
  static WebArchive deployment() {
    return DomainDeployment.of(
        "service-access-it", ServiceAccessIT.class, AccessMatrix.class, LogoImages.class);
  }

  @Inject private AccessControl access;
  @EJB private TenantAdministration administration;
  @EJB private AssessmentGroupService groups;
  @EJB private AssessmentService assessments;
  @EJB private TemplateService templates;
  @EJB private TemplateImportService imports;
  @EJB private TemplateExportService exports;
  @EJB private TemplateUpdateService updates;
  @EJB private io.regulus.template.FirmTemplateService firmTemplates;
  @EJB private io.regulus.template.push.TemplatePushService pushes;
  @EJB private ActionService actions;
  @EJB private BulkUpdateService workbooks;
  @EJB private ScoreService scores;
  @EJB private ScoreHistoryService history;
  // by CDI: a service that is also a JobStarter has two views, and no single JNDI name for @EJB
  @Inject private ScoreRecomputeService recomputes;
  @EJB private io.regulus.jobs.JobService jobs;
  @EJB private PortfolioService portfolio;
  @EJB private io.regulus.report.ReportService reports;
  @Inject private io.regulus.report.ReportBuildService reportBuilds;
  @EJB private io.regulus.report.FirmLogoService logos;
  @EJB private io.regulus.alert.AlertPolicyService alertPolicies;
  @EJB private io.regulus.alert.AlertService alerts;
  @EJB private EvidenceService evidence;
  @EJB private io.regulus.signal.TestSweepService sweeps;
  @EJB private io.regulus.action.AutomaticTestService automaticTests;
  @EJB private io.regulus.finding.FindingService findings;
  @EJB private TenantMembers members;
  @EJB private io.regulus.notification.NotificationPreferences notificationPreferences;
  @EJB private io.regulus.notification.DigestService digests;
  @EJB private io.regulus.notification.MailOutbox outbox;
  @EJB private Invitations invitations;
  @Inject private KeycloakDirectory directory;
  @EJB private io.regulus.signal.SignalService signals;
  @EJB private io.regulus.signal.MachineClients machineClients;
  @EJB private io.regulus.signal.SignalRetention retention;

  /** What the calls need: tenant T (a client of firm F), and objects in it. */
  private record World(
      FirmSlug firm,
      TenantSlug tenant,
      TenantSlug other,
      TenantSlug suspended,
      String templateKey,
      long groupId,
      long assessmentId,
      long actionId,
      String memberId,
      String adminId,
      long exportId,
      long evidenceId,
      long tenantImport,
      long globalImport,
      Map<Persona, Caller> callers) {}

  private static World world;

  /** Firm F's template, an import of the firm's and a push of it to T (made by F's admin). */
  private static String firmTemplate;

  private static long firmImportId;
  private static long pushId;

  /** One operation, as the endpoint that serves it would call it for the persona. */
  private interface Call {
    void run(Persona persona, Caller caller) throws Exception;
  }

  /** An operation inside the tenant the persona entered. */
  private interface TenantOperation {
    Object apply(TenantCaller caller) throws Exception;
  }

  @Test
  void everyServiceOperationGivesEachCallerTheVerdictOfItsEndpoint() throws Exception {
    Map<String, Call> calls = calls();
    List<String> wrong = new ArrayList<>();
    for (String endpoint : AccessMatrix.endpoints()) {
      Call call = calls.get(endpoint);
      if (call == null) {
        wrong.add(endpoint + ": no service operation mapped");
        continue;
      }
      for (Persona persona : Persona.values()) {
        int expected = AccessMatrix.expected(endpoint, persona);
        int got = outcome(call, persona, world.callers().get(persona));
        if ((expected < 300) != (got < 300) || (expected >= 300 && got != expected)) {
          wrong.add(endpoint + " as " + persona + ": expected " + expected + ", got " + got);
        }
      }
      for (SystemCaller system : List.of(SYSTEM, SystemCaller.SCHEDULE)) {
        Set<String> admitted = system == SYSTEM ? SYSTEM_ADMITTED : SCHEDULE_ADMITTED;
        int expected =
            admitted.contains(endpoint) ? SYSTEM_VERDICT.getOrDefault(endpoint, 200) : 403;
        int got = outcome(call, null, system);
        if (got != expected) {
          wrong.add(endpoint + " as " + system.name() + ": expected " + expected + ", got " + got);
        }
      }
    }
    assertEquals(AccessMatrix.endpointCount(), calls.size(), "one call per endpoint of the matrix");
    assertTrue(wrong.isEmpty(), wrong.size() + " verdicts differ:\n" + String.join("\n", wrong));
  }

  @Test
  void aReaderHandedAValidTenantCallerIsRefusedByTheServiceItself() throws Exception {
    calls();
    TenantCaller reader = access.enterTenant(world.callers().get(Persona.READER), world.tenant());
    assertThrows(
        AccessDeniedException.class,
        () ->
            actions.assign(
                reader, List.of(world.actionId()), null, AssignmentPurpose.IMPLEMENTATION));
    assertThrows(
        AccessDeniedException.class,
        () ->
            actions.update(
                reader,
                world.actionId(),
                actions.get(reader, world.actionId()).version(),
                notes("a reader's note")));
    assertThrows(AccessDeniedException.class, () -> members.list(reader));
  }

  @Test
  void aSystemCallerActsOnlyWithinItsGrantsAndIsRecordedByItsName() throws Exception {
    calls();
    SystemCaller assigner =
        new SystemCaller("job:matrix-assign", Set.of(Permission.ASSIGN_ACTIONS));
    TenantCaller job = access.enterTenant(assigner, world.tenant());
    actions.assign(
        job, List.of(world.actionId()), world.adminId(), AssignmentPurpose.IMPLEMENTATION);
    TenantCaller admin = access.enterTenant(world.callers().get(Persona.ADMIN), world.tenant());
    assertTrue(
        actions.history(admin, world.actionId()).stream()
            .anyMatch(
                change ->
                    change.field().equals("assignee")
                        && change.changedBy().equals("job:matrix-assign")
                        && change.changedByName().equals("job:matrix-assign")));
    assertThrows(AccessDeniedException.class, () -> actions.get(job, world.actionId()));
    assertThrows(AccessDeniedException.class, () -> administration.tenants(assigner));

    TenantSlug fresh = provision("svc-sys");
    administration.suspend(SystemCaller.STARTUP, fresh);
    assertTrue(
        administration
            .auditEvents(world.callers().get(Persona.OPERATOR), fresh, new PageRequest(0, 10))
            .items()
            .stream()
            .anyMatch(
                e ->
                    e.action().equals(AuditAction.TENANT_SUSPENDED.id())
                        && e.actorId().equals("system:startup")));
    // the running application provisioned the demo tenant acme at its first start-up, as
    // system:startup
    assertTrue(
        administration
            .auditEvents(
                world.callers().get(Persona.OPERATOR),
                new TenantSlug("acme"),
                new PageRequest(0, 500))
            .items()
            .stream()
            .anyMatch(
                e ->
                    e.action().equals(AuditAction.TENANT_PROVISIONED.id())
                        && e.actorName().equals("system:startup")));
  }

  @Test
  void onlyTheScheduleStartsTheNightlyRun() throws Exception {
    calls();
    // the test stack has the schedule off: admitted, the schedule finds nothing due
    assertEquals(
        NightlyStart.Outcome.NOT_DUE, recomputes.startNightly(SystemCaller.SCHEDULE).outcome());
    for (Caller refused :
        List.of(world.callers().get(Persona.OPERATOR), SYSTEM, SystemCaller.STARTUP)) {
      assertThrows(AccessDeniedException.class, () -> recomputes.startNightly(refused));
    }
  }

  private static int outcome(Call call, Persona persona, Caller caller) {
    try {
      call.run(persona, caller);
      return 200;
    } catch (DomainException e) {
      return e.kind().status();
    } catch (Exception e) {
      throw new IllegalStateException("the operation failed for another reason than access", e);
    }
  }

  /** The service operation behind each endpoint of the matrix. */
  private Map<String, Call> calls() throws Exception {
    buildWorld();
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("GET /me", (p, c) -> access.require(Permission.READ_OWN_PROFILE, c));
    calls.put("GET /me/invitations", (p, c) -> invitations.mine(c));
    calls.put("GET /me/notification-preferences", (p, c) -> notificationPreferences.mine(c));
    calls.put(
        "PUT /me/notification-preferences",
        (p, c) -> notificationPreferences.choose(c, Map.of("ALERT", true)));
    calls.put("POST /platform/digests", (p, c) -> digests.run(c));
    calls.put("GET /platform/mail-outbox", (p, c) -> outbox.list(c, null, 10));
    calls.put(
        "POST /me/invitations/{invitationId}/accept",
        (p, c) -> invitations.accept(c, java.util.UUID.randomUUID().toString()));
    calls.put(
        "POST /me/invitations/{invitationId}/decline",
        (p, c) -> invitations.decline(c, java.util.UUID.randomUUID().toString()));

    calls.put(
        "POST /platform/firms",
        (p, c) -> administration.createFirm(c, new FirmSlug(unique("f")), null));
    calls.put("GET /platform/firms", (p, c) -> administration.firms(c));
    calls.put(
        "POST /platform/tenants",
        (p, c) -> administration.provision(c, new TenantSlug(unique("t")), null, null));
    calls.put("GET /platform/tenants", (p, c) -> administration.tenants(c));
    calls.put("GET /platform/tenants/{slug}", (p, c) -> administration.tenant(c, world.tenant()));
    calls.put(
        "POST /platform/tenants/{slug}/admins",
        (p, c) ->
            administration.appointAdmin(
                c,
                admitted("POST /platform/tenants/{slug}/admins", p)
                    ? provision("orphan")
                    : world.tenant(),
                unique("appointed") + "@it.example"));
    calls.put(
        "POST /platform/tenants/{slug}/suspend",
        (p, c) ->
            administration.suspend(
                c,
                admitted("POST /platform/tenants/{slug}/suspend", p)
                    ? provision("life")
                    : world.tenant()));
    calls.put(
        "POST /platform/tenants/{slug}/resume",
        (p, c) ->
            administration.resume(
                c,
                admitted("POST /platform/tenants/{slug}/resume", p)
                    ? suspended(false)
                    : world.suspended()));
    calls.put(
        "POST /platform/tenants/{slug}/exports",
        (p, c) -> administration.export(c, world.tenant()));
    calls.put(
        "GET /platform/tenants/{slug}/exports",
        (p, c) -> administration.exports(c, world.tenant()));
    calls.put(
        "GET /platform/tenants/{slug}/exports/{exportId}",
        (p, c) -> administration.archive(c, world.tenant(), world.exportId()));
    calls.put(
        "POST /platform/tenants/{slug}/import",
        (p, c) ->
            administration.importArchive(
                c,
                new TenantSlug(unique("imp")),
                null,
                null,
                archive(administration.archive(operator(), world.tenant(), world.exportId()))));
    calls.put(
        "DELETE /platform/tenants/{slug}",
        (p, c) ->
            administration.delete(
                c,
                admitted("DELETE /platform/tenants/{slug}", p)
                    ? suspended(true)
                    : world.suspended()));
    calls.put(
        "GET /platform/audit-events",
        (p, c) -> administration.auditEvents(c, null, new PageRequest(0, 10)));

    calls.put("GET /firms/{firm}/tenants", (p, c) -> administration.clients(c, world.firm()));
    calls.put("GET /firms/{firm}/portfolio", (p, c) -> portfolio.portfolio(c, world.firm()));
    calls.put(
        "GET /firms/{firm}/portfolio/history",
        (p, c) ->
            portfolio.history(
                c, world.firm(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    calls.put("GET /firms/{firm}/templates", (p, c) -> firmTemplates.templates(c, world.firm()));
    calls.put(
        "GET /firms/{firm}/templates/{key}",
        (p, c) -> firmTemplates.template(c, world.firm(), firmTemplate));
    calls.put(
        "POST /firms/{firm}/templates",
        (p, c) -> firmTemplates.create(c, world.firm(), template(unique("svc-firm"))));
    calls.put(
        "POST /firms/{firm}/templates/{key}/versions",
        (p, c) -> firmTemplates.publish(c, world.firm(), firmTemplate, template(firmTemplate)));
    calls.put(
        "POST /firms/{firm}/template-imports",
        (p, c) -> imports.importFirm(c, world.firm(), brokenImport(), brokenFile()));
    calls.put("GET /firms/{firm}/template-imports", (p, c) -> imports.firmImports(c, world.firm()));
    calls.put(
        "GET /firms/{firm}/template-imports/{id}",
        (p, c) -> imports.firmImport(c, world.firm(), firmImportId));
    calls.put(
        "POST /firms/{firm}/template-imports/{id}/stop",
        (p, c) -> imports.stopFirm(c, world.firm(), 0));
    calls.put(
        "POST /firms/{firm}/template-imports/{id}/restart",
        (p, c) -> imports.restartFirm(c, world.firm(), 0));
    calls.put(
        "POST /firms/{firm}/template-pushes/preview",
        (p, c) -> pushes.preview(c, world.firm(), firmTemplate, List.of()));
    calls.put(
        "POST /firms/{firm}/template-pushes",
        (p, c) ->
            pushes.push(
                c,
                world.firm(),
                admitted("POST /firms/{firm}/template-pushes", p)
                    ? freshFirmTemplate()
                    : firmTemplate,
                List.of(world.tenant().value())));
    calls.put("GET /firms/{firm}/template-pushes", (p, c) -> pushes.pushes(c, world.firm()));
    calls.put(
        "GET /firms/{firm}/template-pushes/{id}", (p, c) -> pushes.get(c, world.firm(), pushId));
    calls.put(
        "POST /firms/{firm}/template-pushes/{id}/retry",
        (p, c) -> pushes.retry(c, world.firm(), pushId));
    calls.put(
        "GET /firms/{firm}/tenants/{slug}",
        (p, c) -> administration.client(c, world.firm(), world.tenant()));
    calls.put(
        "POST /firms/{firm}/tenants",
        (p, c) ->
            administration.provisionClient(
                c, world.firm(), new TenantSlug(unique("fc")), null, null, null));

    calls.put("GET /tenants/{tenant}/assessment-groups", in(t -> groups.list(t)));
    calls.put(
        "POST /tenants/{tenant}/assessment-groups", in(t -> groups.create(t, unique("g"), null)));
    calls.put(
        "GET /tenants/{tenant}/assessment-groups/{id}", in(t -> groups.get(t, world.groupId())));
    calls.put("GET /tenants/{tenant}/templates", in(t -> templates.available(t)));
    calls.put(
        "POST /tenants/{tenant}/template-imports",
        in(t -> imports.importPrivate(t, brokenImport(), brokenFile())));
    calls.put("GET /tenants/{tenant}/template-imports", in(t -> imports.imports(t)));
    calls.put(
        "GET /tenants/{tenant}/template-imports/{id}",
        in(t -> imports.get(t, world.tenantImport())));
    calls.put(
        "POST /tenants/{tenant}/template-imports/{id}/stop",
        in(t -> imports.stop(t, world.tenantImport())));
    calls.put(
        "POST /tenants/{tenant}/template-imports/{id}/restart",
        in(t -> imports.restart(t, world.tenantImport())));
    calls.put(
        "GET /tenants/{tenant}/templates/{key}/versions/{version}/export",
        in(
            t -> {
              exports.export(
                  t,
                  world.templateKey(),
                  "1",
                  TemplateFormat.EXCEL,
                  OutputStream.nullOutputStream());
              return null;
            }));
    calls.put(
        "POST /platform/template-imports",
        (p, c) -> imports.importGlobal(c, brokenImport(), brokenFile()));
    calls.put("GET /platform/template-imports", (p, c) -> imports.globalImports(c));
    calls.put(
        "GET /platform/template-imports/{id}",
        (p, c) -> imports.globalImport(c, world.globalImport()));
    calls.put(
        "POST /platform/template-imports/{id}/stop",
        (p, c) -> imports.stopGlobal(c, world.globalImport()));
    calls.put(
        "POST /platform/template-imports/{id}/restart",
        (p, c) -> imports.restartGlobal(c, world.globalImport()));
    calls.put("GET /tenants/{tenant}/templates/{key}", in(t -> templates.get(t, "gdpr")));
    calls.put(
        "POST /tenants/{tenant}/templates", in(t -> templates.create(t, template(unique("t")))));
    calls.put(
        "POST /tenants/{tenant}/templates/{key}/versions",
        in(t -> templates.publish(t, world.templateKey(), template(world.templateKey()))));
    calls.put("GET /tenants/{tenant}/template-updates", in(t -> updates.list(t)));
    calls.put(
        "GET /tenants/{tenant}/template-updates/{groupId}/{template}",
        in(
            t -> {
              newVersion();
              return updates.preview(t, world.groupId(), world.templateKey());
            }));
    calls.put(
        "POST /tenants/{tenant}/template-updates/{groupId}/{template}/accept",
        in(t -> updates.accept(t, world.groupId(), world.templateKey(), newVersion(), null)));
    calls.put(
        "POST /tenants/{tenant}/template-updates/{groupId}/{template}/defer",
        in(t -> updates.defer(t, world.groupId(), world.templateKey(), newVersion(), null)));
    calls.put(
        "GET /tenants/{tenant}/assessment-groups/{id}/assessments",
        in(t -> assessments.inGroup(t, world.groupId())));
    calls.put(
        "POST /tenants/{tenant}/assessment-groups/{id}/assessments",
        in(
            t ->
                assessments.create(
                    t, world.groupId(), assessment(unique("a"), world.templateKey()))));
    calls.put(
        "GET /tenants/{tenant}/assessments/{id}",
        in(t -> assessments.detail(t, world.assessmentId())));
    calls.put(
        "DELETE /tenants/{tenant}/assessments/{id}",
        (p, c) -> {
          long id =
              admitted("DELETE /tenants/{tenant}/assessments/{id}", p)
                  ? assessments
                      .create(
                          admin(), world.groupId(), assessment(unique("del"), world.templateKey()))
                      .assessment()
                      .id()
                  : world.assessmentId();
          assessments.delete(enter(p, c), id);
        });
    calls.put(
        "GET /tenants/{tenant}/actions",
        in(t -> actions.list(t, ActionFilter.ALL, null, 0, 50, null)));
    calls.put("GET /tenants/{tenant}/actions/{id}", in(t -> actions.get(t, world.actionId())));
    calls.put(
        "PATCH /tenants/{tenant}/actions/{id}",
        in(
            t ->
                actions.update(
                    t,
                    world.actionId(),
                    actions.get(admin(), world.actionId()).version(),
                    notes("matrix " + t))));
    calls.put(
        "POST /tenants/{tenant}/actions/assign",
        in(
            t ->
                actions.assign(
                    t, List.of(world.actionId()), null, AssignmentPurpose.IMPLEMENTATION)));
    calls.put(
        "POST /tenants/{tenant}/actions/reassign",
        in(
            t ->
                actions.reassign(
                    t,
                    UUID.randomUUID().toString(),
                    world.adminId(),
                    AssignmentPurpose.IMPLEMENTATION)));
    calls.put(
        "GET /tenants/{tenant}/actions/workbook",
        in(
            t -> {
              workbooks.export(t, ActionFilter.ALL, OutputStream.nullOutputStream());
              return null;
            }));
    calls.put(
        "POST /tenants/{tenant}/actions/workbook/preview",
        in(t -> workbooks.preview(t, emptyWorkbook())));
    calls.put(
        "POST /tenants/{tenant}/actions/workbook", in(t -> workbooks.apply(t, emptyWorkbook())));
    calls.put("GET /tenants/{tenant}/activity", in(t -> actions.activity(t, null, 10)));
    calls.put(
        "GET /tenants/{tenant}/actions/{id}/history",
        in(t -> actions.history(t, world.actionId())));
    calls.put(
        "GET /tenants/{tenant}/actions/{id}/controls",
        in(t -> actions.controls(t, world.actionId())));
    calls.put(
        "GET /tenants/{tenant}/actions/{id}/signals",
        in(
            t ->
                automaticTests.signals(
                    t, world.actionId(), new io.regulus.paging.PageRequest(0, 10))));
    calls.put(
        "DELETE /tenants/{tenant}/actions/{id}/test-override",
        in(t -> automaticTests.withdrawOverride(t, world.actionId())));
    calls.put("POST /tenants/{tenant}/test-sweeps", in(t -> sweeps.start(t)));
    calls.put("GET /tenants/{tenant}/test-sweeps/{executionId}", in(t -> sweeps.sweep(t, 0)));
    calls.put("POST /platform/test-sweeps", (p, c) -> sweeps.startAll(c));
    calls.put("GET /platform/test-sweeps/{executionId}", (p, c) -> sweeps.sweep(c, 0));
    calls.put("GET /tenants/{tenant}/dashboard", in(t -> scores.dashboard(t, 5)));
    calls.put("GET /tenants/{tenant}/scores", in(t -> scores.explain(t, ScoreFilter.NONE)));
    calls.put(
        "GET /tenants/{tenant}/scores/what-if", in(t -> scores.whatIf(t, ScoreFilter.NONE, 5)));
    calls.put(
        "GET /tenants/{tenant}/score-history",
        in(t -> history.trend(t, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31))));
    calls.put(
        "POST /platform/score-recomputes",
        (p, c) -> recomputes.start(c, LocalDate.now(ZoneOffset.UTC).plusDays(1)));
    calls.put("GET /platform/score-recomputes/{executionId}", (p, c) -> recomputes.recompute(c, 0));
    calls.put("GET /platform/score-recomputes/schedule", (p, c) -> recomputes.schedule(c));
    calls.put(
        "POST /platform/report-builds",
        (p, c) -> reportBuilds.start(c, LocalDate.now(ZoneOffset.UTC).plusDays(1)));
    calls.put("GET /platform/report-builds/{executionId}", (p, c) -> reportBuilds.build(c, 0));
    calls.put("GET /tenants/{tenant}/reports", in(t -> reports.reports(t)));
    calls.put("GET /tenants/{tenant}/reports/{id}", in(t -> reports.report(t, 0)));
    calls.put("GET /tenants/{tenant}/alert-policies", in(t -> alertPolicies.list(t)));
    calls.put(
        "POST /tenants/{tenant}/alert-policies", in(t -> alertPolicies.create(t, alertPolicy())));
    calls.put("GET /tenants/{tenant}/alert-policies/{id}", in(t -> alertPolicies.get(t, 0)));
    calls.put(
        "PUT /tenants/{tenant}/alert-policies/{id}",
        in(t -> alertPolicies.update(t, 0, alertPolicy())));
    calls.put(
        "DELETE /tenants/{tenant}/alert-policies/{id}",
        in(
            t -> {
              alertPolicies.delete(t, 0);
              return null;
            }));
    calls.put(
        "GET /tenants/{tenant}/alerts",
        in(t -> alerts.list(t, null, null, new PageRequest(0, 50))));
    calls.put("GET /tenants/{tenant}/alerts/{id}", in(t -> alerts.get(t, 0)));
    calls.put(
        "POST /tenants/{tenant}/alerts/{id}/status",
        in(t -> alerts.changeStatus(t, 0, io.regulus.alert.AlertStatus.RESOLVED, null)));
    calls.put("GET /firms/{firm}/reports", (p, c) -> reports.firmReports(c, world.firm()));
    calls.put("GET /firms/{firm}/reports/{id}", (p, c) -> reports.firmReport(c, world.firm(), 0));
    calls.put("PUT /firms/{firm}/logo", (p, c) -> logos.upload(c, world.firm(), LogoImages.png()));
    calls.put(
        "GET /firms/{firm}/logo",
        (p, c) -> {
          logos.upload(
              new io.regulus.access.SystemCaller(
                  "system:logo-test",
                  java.util.Set.of(io.regulus.access.Permission.MANAGE_FIRM_BRANDING)),
              world.firm(),
              LogoImages.png());
          logos.logo(c, world.firm());
        });
    calls.put(
        "POST /platform/score-recomputes/{executionId}/restart",
        (p, c) -> recomputes.restart(c, 0));
    calls.put(
        "GET /platform/jobs",
        (p, c) -> jobs.runs(c, null, null, new io.regulus.paging.PageRequest(0, 10)));
    calls.put("GET /platform/jobs/executions/{executionId}", (p, c) -> jobs.detail(c, 0));
    calls.put(
        "POST /platform/jobs/{name}/executions",
        (p, c) ->
            jobs.start(
                c,
                io.regulus.jobs.JobRules.SCORE_RECOMPUTE,
                LocalDate.now(ZoneOffset.UTC).plusDays(1)));
    calls.put("POST /platform/jobs/executions/{executionId}/stop", (p, c) -> jobs.stop(c, 0));
    calls.put("POST /platform/jobs/executions/{executionId}/restart", (p, c) -> jobs.restart(c, 0));
    calls.put("POST /platform/jobs/executions/{executionId}/abandon", (p, c) -> jobs.abandon(c, 0));
    calls.put("GET /tenants/{tenant}/users", in(t -> members.list(t)));
    calls.put("GET /tenants/{tenant}/users/{userId}", in(t -> members.get(t, world.memberId())));
    calls.put(
        "POST /tenants/{tenant}/users",
        in(
            t ->
                invitations.invite(
                    t, unique("svc") + "@it.example", TenantRole.READER, null, null)));
    calls.put("GET /tenants/{tenant}/invitations", in(t -> invitations.pendingIn(t)));
    calls.put(
        "PUT /tenants/{tenant}/users/{userId}/role",
        (p, c) ->
            members.changeRole(
                enter(p, c),
                admitted("PUT /tenants/{tenant}/users/{userId}/role", p)
                    ? member()
                    : world.memberId(),
                TenantRole.READER));
    calls.put(
        "DELETE /tenants/{tenant}/users/{userId}",
        (p, c) ->
            members.remove(
                enter(p, c),
                admitted("DELETE /tenants/{tenant}/users/{userId}", p)
                    ? member()
                    : world.memberId()));
    calls.put(
        "GET /tenants/{tenant}/assignees",
        in(t -> members.assignable(t, AssignmentPurpose.IMPLEMENTATION)));

    calls.put(
        "GET /tenants/{tenant}/actions/{id}/evidence", in(t -> evidence.list(t, world.actionId())));
    calls.put(
        "GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
        in(t -> evidence.get(t, world.actionId(), world.evidenceId())));
    calls.put(
        "GET /tenants/{tenant}/actions/{id}/evidence/{evidenceId}/content",
        in(
            t -> {
              Evidence file = evidence.file(t, world.actionId(), world.evidenceId());
              return evidence.slice(t, file, 0, 1024);
            }));
    calls.put("POST /tenants/{tenant}/actions/{id}/evidence", in(t -> upload(t, world.actionId())));
    calls.put(
        "POST /tenants/{tenant}/actions/{id}/evidence/links",
        in(
            t ->
                evidence.addLink(
                    t,
                    world.actionId(),
                    "https://example.com/" + t.name(),
                    new EvidenceDetails(null, null, null))));
    calls.put(
        "DELETE /tenants/{tenant}/actions/{id}/evidence/{evidenceId}",
        (p, c) ->
            evidence.delete(
                enter(p, c),
                world.actionId(),
                admitted("DELETE /tenants/{tenant}/actions/{id}/evidence/{evidenceId}", p)
                    ? upload(admin(), world.actionId()).id()
                    : world.evidenceId()));
    calls.put(
        "POST /tenants/{tenant}/signals",
        in(
            t ->
                signals.ingest(
                    t,
                    jakarta.json.Json.createObjectBuilder()
                        .add(
                            "signals",
                            jakarta.json.Json.createArrayBuilder()
                                .add(
                                    jakarta.json.Json.createObjectBuilder()
                                        .add("key", "matrix.check")
                                        .add("value", true)
                                        .add("resource", "r")
                                        .add("observedAt", "2026-01-01T00:00:00Z")))
                        .build())));
    calls.put(
        "GET /tenants/{tenant}/signals",
        in(
            t ->
                signals.find(
                    t,
                    io.regulus.signal.SignalFilter.ALL,
                    new io.regulus.paging.PageRequest(0, 10))));
    calls.put("GET /tenants/{tenant}/signals/latest", in(t -> signals.latest(t, "matrix.check")));
    calls.put("POST /tenants/{tenant}/machine-clients", in(t -> machineClients.create(t, "svc")));
    calls.put("GET /tenants/{tenant}/machine-clients", in(t -> machineClients.list(t)));
    calls.put(
        "POST /tenants/{tenant}/machine-clients/{clientId}/secret",
        in(t -> machineClients.rotate(t, "signals-none-0")));
    calls.put(
        "DELETE /tenants/{tenant}/machine-clients/{clientId}",
        in(
            t -> {
              machineClients.delete(t, "signals-none-0");
              return null;
            }));
    calls.put("POST /platform/signal-retention", (p, c) -> retention.runNow(c));
    calls.put(
        "POST /tenants/{tenant}/findings",
        in(
            t ->
                findings.importFindings(
                    t, new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)), -1)));
    return calls;
  }

  /** A tenant operation: the persona enters the tenant the endpoint names, then calls it. */
  private Call in(TenantOperation operation) {
    return (persona, caller) -> operation.apply(enter(persona, caller));
  }

  private TenantCaller enter(Persona persona, Caller caller) {
    return access.enterTenant(
        caller, persona == Persona.SUSPENDED ? world.suspended() : world.tenant());
  }

  /** Whether the call goes through, so it gets an object of its own to consume. */
  private static boolean admitted(String endpoint, Persona persona) {
    return persona == null
        ? SYSTEM_ADMITTED.contains(endpoint)
        : AccessMatrix.expected(endpoint, persona) < 300;
  }

  private synchronized void buildWorld() throws Exception {
    if (world != null) {
      return;
    }
    FirmSlug firm = new FirmSlug(unique("svc"));
    TenantSlug tenant = new TenantSlug(unique("svc"));
    TenantSlug other = new TenantSlug(unique("svc-other"));
    TenantSlug suspended = new TenantSlug(unique("svc-susp"));
    Map<Persona, Caller> callers = new LinkedHashMap<>();
    callers.put(Persona.ADMIN, user(Map.of(tenant, TenantRole.ADMIN), Map.of(), Set.of()));
    callers.put(Persona.ASSESSOR, user(Map.of(tenant, TenantRole.ASSESSOR), Map.of(), Set.of()));
    callers.put(
        Persona.CONTRIBUTOR, user(Map.of(tenant, TenantRole.CONTRIBUTOR), Map.of(), Set.of()));
    callers.put(Persona.READER, user(Map.of(tenant, TenantRole.READER), Map.of(), Set.of()));
    callers.put(Persona.OTHER_TENANT, user(Map.of(other, TenantRole.ADMIN), Map.of(), Set.of()));
    callers.put(Persona.NO_TENANT, user(Map.of(), Map.of(), Set.of()));
    callers.put(Persona.SUSPENDED, user(Map.of(suspended, TenantRole.ADMIN), Map.of(), Set.of()));
    callers.put(Persona.FIRM_ADMIN, user(Map.of(), Map.of(firm, FirmRole.ADMIN), Set.of()));
    callers.put(Persona.CONSULTANT, user(Map.of(), Map.of(firm, FirmRole.CONSULTANT), Set.of()));
    callers.put(Persona.OPERATOR, user(Map.of(), Map.of(), Set.of(PlatformRole.OPERATOR)));
    Caller operator = callers.get(Persona.OPERATOR);
    administration.createFirm(operator, firm, null);
    administration.provision(operator, tenant, null, firm);
    administration.provision(operator, other, null, null);
    administration.provision(operator, suspended, null, null);
    administration.suspend(operator, suspended);
    TenantCaller admin = access.enterTenant(callers.get(Persona.ADMIN), tenant);
    String templateKey = unique("svc-tmpl");
    templates.create(admin, template(templateKey));
    long groupId = groups.create(admin, "matrix", null).id();
    long assessmentId =
        assessments.create(admin, groupId, assessment("matrix", templateKey)).assessment().id();
    long actionId = actions.list(admin, ActionFilter.ALL, null, 0, 1, null).items().get(0).id();
    String memberId = invite(admin, TenantRole.CONTRIBUTOR);
    String adminId = invite(admin, TenantRole.ADMIN);
    long exportId = administration.export(operator, tenant).id();
    long evidenceId = upload(admin, actionId).id();
    long tenantImport = imports.importPrivate(admin, brokenImport(), brokenFile()).id();
    long globalImport = imports.importGlobal(operator, brokenImport(), brokenFile()).id();
    awaitFinished(() -> imports.get(admin, tenantImport).status());
    awaitFinished(() -> imports.globalImport(operator, globalImport).status());
    world =
        new World(
            firm,
            tenant,
            other,
            suspended,
            templateKey,
            groupId,
            assessmentId,
            actionId,
            memberId,
            adminId,
            exportId,
            evidenceId,
            tenantImport,
            globalImport,
            callers);
    Caller firmAdmin = callers.get(Persona.FIRM_ADMIN);
    firmTemplate = freshFirmTemplate();
    imports.importFirm(firmAdmin, firm, brokenImport(), brokenFile());
    firmImportId = imports.firmImports(firmAdmin, firm).get(0).id();
    pushes.push(firmAdmin, firm, firmTemplate, List.of(tenant.value()));
    pushId = pushes.pushes(firmAdmin, firm).get(0).id();
  }

  /** A new template of firm F, by its admin, for a call that pushes it. */
  private String freshFirmTemplate() {
    String key = unique("svc-firm");
    firmTemplates.create(world.callers().get(Persona.FIRM_ADMIN), world.firm(), template(key));
    return key;
  }

  /** An import of an OSCAL file the job refuses at once (INVALID: finished, nothing published). */
  private static TemplateImportRequest brokenImport() {
    return new TemplateImportRequest(
        unique("imp"), null, TemplateFormat.OSCAL, "broken.json", ImportOptions.DEFAULTS);
  }

  private static InputStream brokenFile() {
    return new ByteArrayInputStream(
        "{\"catalog\": {\"uuid\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void awaitFinished(java.util.function.Supplier<ImportStatus> status)
      throws IOException {
    for (int i = 0; i < 600 && !status.get().finished(); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  /**
   * A new version of the world's template, so its group has an update to review and decide about:
   * its version.
   */
  private String newVersion() {
    return templates.publish(admin(), world.templateKey(), template(world.templateKey())).latest();
  }

  private TenantCaller admin() {
    return access.enterTenant(world.callers().get(Persona.ADMIN), world.tenant());
  }

  private Caller operator() {
    return world.callers().get(Persona.OPERATOR);
  }

  private TenantSlug provision(String prefix) {
    TenantSlug slug = new TenantSlug(unique(prefix));
    administration.provision(operator(), slug, null, null);
    return slug;
  }

  /** A suspended tenant of its own, exported since its suspension when {@code exported}. */
  private TenantSlug suspended(boolean exported) {
    TenantSlug slug = provision("life");
    administration.suspend(operator(), slug);
    if (exported) {
      administration.export(operator(), slug);
    }
    return slug;
  }

  private String member() {
    return invite(admin(), TenantRole.CONTRIBUTOR);
  }

  /**
   * A new member of the tenant, invited by its admin (which makes their account) and placed in the
   * tenant as accepting would; their Keycloak id.
   */
  private String invite(TenantCaller admin, TenantRole role) {
    String email = unique("svc") + "@it.example";
    invitations.invite(admin, email, role, null, null);
    String id = directory.userByEmail(email).orElseThrow().getId();
    members.place(admin.tenant(), id, role);
    return id;
  }

  private Evidence upload(TenantCaller caller, long actionId) {
    byte[] pdf =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    try (UploadedFile file =
        UploadedFile.receive(new ByteArrayInputStream(pdf), "matrix.pdf", 1 << 20)) {
      return evidence.addFile(caller, actionId, file, new EvidenceDetails(null, null, null));
    }
  }

  private static User user(
      Map<TenantSlug, TenantRole> tenants,
      Map<FirmSlug, FirmRole> firms,
      Set<PlatformRole> platform) {
    String id = UUID.randomUUID().toString();
    return new User(id, "svc-" + id.substring(0, 8), null, null, tenants, firms, platform);
  }

  /** An export's archive, read whole (it is small here) to be imported again. */
  private static java.io.InputStream archive(io.regulus.tenancy.ExportArchive archive) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try {
      archive.writeTo(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new java.io.ByteArrayInputStream(bytes.toByteArray());
  }

  private static TemplateDraft template(String key) {
    return new TemplateDraft(
        key,
        "Template " + key,
        "Rules of " + key,
        null,
        null,
        List.of(),
        List.of(
            new TemplateDraft.Control(
                "M-1",
                "Matrix",
                "One control",
                "One requirement",
                true,
                "preventative",
                List.of("mfa-for-administrators"))));
  }

  private static NewAssessment assessment(String name, String templateKey) {
    return new NewAssessment(name, templateKey, null, Assessment.Scope.PRODUCT, unique("scope"));
  }

  private static ActionUpdate notes(String text) {
    return new ActionUpdate(null, null, null, null, text, null, null, null, null, null, null);
  }

  private static ByteArrayInputStream emptyWorkbook() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ActionSheet.write(List.of(), out);
    return new ByteArrayInputStream(out.toByteArray());
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A policy every admin may keep: evidence changes told to the tenant's admins. */
  private static io.regulus.alert.PolicyDraft alertPolicy() {
    return new io.regulus.alert.PolicyDraft(
        unique("matrix policy"),
        "EVIDENCE_CHANGE",
        "LOW",
        null,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        true,
        List.of("admin"),
        false,
        false);
  }
}
