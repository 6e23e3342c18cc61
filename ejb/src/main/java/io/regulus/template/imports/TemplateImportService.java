package io.regulus.template.imports;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.SystemCaller;
import io.regulus.access.TenantCaller;
import io.regulus.jobs.Jobs;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.settings.Settings;
import io.regulus.template.exchange.ImportOptions;
import io.regulus.tenancy.FirmSlug;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Template imports as their owners drive them: the platform operator imports into the global
 * library, a tenant admin into the tenant's private templates. Each import stores its file and
 * starts the {@code template-import} job, which reports its progress and every problem of the file
 * on the import; a failed import (the server stopped under it) restarts from its last checkpoint, a
 * running one can be stopped (nothing is published, nothing staged stays).
 */
@Stateless
@Guarded
public class TemplateImportService {

  static final String JOB = "template-import";
  private static final Logger LOG = Logger.getLogger(TemplateImportService.class.getName());
  private static final int LISTED = 50;

  @Inject private TemplateImports imports;
  @Inject private Settings settings;
  @EJB private Jobs jobs;
  @EJB private TemplateImportSteps steps;

  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport importGlobal(
      Caller caller, TemplateImportRequest request, InputStream file) {
    return start(ImportOwner.GLOBAL, caller, request, file);
  }

  @Requires(Permission.MANAGE_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport importPrivate(
      TenantCaller caller, TemplateImportRequest request, InputStream file) {
    return start(ImportOwner.tenant(caller.slug().value()), caller.caller(), request, file);
  }

  /** Into the firm's templates (platform library rows of the firm, pushed to clients apart). */
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport importFirm(
      Caller caller, FirmSlug firm, TemplateImportRequest request, InputStream file) {
    return start(ImportOwner.firm(firm.value()), caller, request, file);
  }

  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public List<TemplateImport> firmImports(Caller caller, FirmSlug firm) {
    return imports.of(ImportOwner.firm(firm.value()), LISTED);
  }

  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  public TemplateImport firmImport(Caller caller, FirmSlug firm, long id) {
    return owned(ImportOwner.firm(firm.value()), id);
  }

  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport stopFirm(Caller caller, FirmSlug firm, long id) {
    return stop(owned(ImportOwner.firm(firm.value()), id));
  }

  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport restartFirm(Caller caller, FirmSlug firm, long id) {
    return restart(owned(ImportOwner.firm(firm.value()), id));
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public List<TemplateImport> globalImports(Caller caller) {
    return imports.of(ImportOwner.GLOBAL, LISTED);
  }

  @Requires(Permission.OPERATE_PLATFORM)
  public TemplateImport globalImport(Caller caller, long id) {
    return owned(ImportOwner.GLOBAL, id);
  }

  @Requires(Permission.READ_TENANT)
  public List<TemplateImport> imports(TenantCaller caller) {
    return imports.of(ImportOwner.tenant(caller.slug().value()), LISTED);
  }

  @Requires(Permission.READ_TENANT)
  public TemplateImport get(TenantCaller caller, long id) {
    return owned(ImportOwner.tenant(caller.slug().value()), id);
  }

  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport stopGlobal(Caller caller, long id) {
    return stop(owned(ImportOwner.GLOBAL, id));
  }

  @Requires(Permission.MANAGE_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport stop(TenantCaller caller, long id) {
    return stop(owned(ImportOwner.tenant(caller.slug().value()), id));
  }

  @Requires(Permission.OPERATE_PLATFORM)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport restartGlobal(Caller caller, long id) {
    return restart(owned(ImportOwner.GLOBAL, id));
  }

  @Requires(Permission.MANAGE_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplateImport restart(TenantCaller caller, long id) {
    return restart(owned(ImportOwner.tenant(caller.slug().value()), id));
  }

  private TemplateImport start(
      ImportOwner owner, Caller caller, TemplateImportRequest request, InputStream file) {
    if (request.key() == null || request.key().isBlank() || request.format() == null) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "An import names its template key (?key=) and the file's format (?format=excel or"
              + " ?format=oscal).",
          request.format() == null ? "format" : "key");
    }
    long id =
        imports.create(
            owner,
            request,
            options(request.options()),
            caller.id(),
            file,
            settings.templateImportMaxBytes());
    Properties parameters = new Properties();
    parameters.setProperty("importId", Long.toString(id));
    imports.started(id, jobs.start(JOB, parameters));
    LOG.info(
        () ->
            "template import "
                + id
                + " of "
                + request.key()
                + " ("
                + owner.kind()
                + ") started by "
                + caller.id());
    return imports.find(id).orElseThrow();
  }

  private TemplateImport stop(TemplateImport running) {
    if (running.status().finished() || running.status() == ImportStatus.FAILED) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Import " + running.id() + " is " + running.status() + ": only a running import stops.");
    }
    imports.stopRequested(running.id());
    jobs.stop(running.executionId());
    return imports.find(running.id()).orElseThrow();
  }

  private TemplateImport restart(TemplateImport failed) {
    if (failed.status() != ImportStatus.FAILED) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Import "
              + failed.id()
              + " is "
              + failed.status()
              + ": only a failed import restarts (from its last checkpoint).");
    }
    Properties parameters = new Properties();
    parameters.setProperty("importId", Long.toString(failed.id()));
    imports.restarted(failed.id(), jobs.restart(failed.executionId(), parameters));
    return imports.find(failed.id()).orElseThrow();
  }

  private TemplateImport owned(ImportOwner owner, long id) {
    return imports
        .find(id)
        .filter(found -> found.owner().equals(owner))
        .map(this::reconciled)
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "No template import " + id + " here: the list of imports shows their ids."));
  }

  /**
   * The import as its job last left it: a job the server died under (Liberty marks such executions
   * failed when it starts again) never ran its listener, and a stop may be read before the listener
   * has run, so its import says running until it is read here; it is then ended as the listener
   * would have.
   */
  private TemplateImport reconciled(TemplateImport found) {
    if ((found.status() == ImportStatus.RUNNING || found.status() == ImportStatus.QUEUED)
        && found.executionId() != null) {
      String status = jobs.status(found.executionId());
      if (List.of("FAILED", "STOPPED", "ABANDONED").contains(status)) {
        steps.ended(SystemCaller.TEMPLATE_IMPORT, found.id(), status, "the server stopped");
        return imports.find(found.id()).orElseThrow();
      }
    }
    return found;
  }

  private static String options(ImportOptions options) {
    ImportOptions o = options == null ? ImportOptions.DEFAULTS : options;
    JsonObjectBuilder controls = Json.createObjectBuilder();
    o.controls()
        .forEach(
            (control, mapped) -> {
              JsonObjectBuilder entry =
                  Json.createObjectBuilder()
                      .add("actions", Json.createArrayBuilder(mapped.actions()));
              if (mapped.mandatory() != null) {
                entry.add("mandatory", mapped.mandatory());
              }
              if (mapped.nature() != null) {
                entry.add("nature", mapped.nature());
              }
              if (mapped.category() != null) {
                entry.add("category", mapped.category());
              }
              controls.add(control, entry);
            });
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("keyPrefix", o.keyPrefix())
            .add("mandatory", o.mandatory())
            .add("nature", o.nature())
            .add("actionType", o.actionType())
            .add("category", o.category())
            .add("managedBy", o.managedBy())
            .add("controls", controls);
    if (o.source() != null) {
      json.add("source", o.source());
    }
    return json.build().toString();
  }
}
