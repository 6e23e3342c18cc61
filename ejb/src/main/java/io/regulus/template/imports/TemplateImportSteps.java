package io.regulus.template.imports;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.template.exchange.ActionKeys;
import io.regulus.template.exchange.ExchangeAction;
import io.regulus.template.exchange.ExchangeControl;
import io.regulus.template.exchange.ImportOptions;
import io.regulus.template.exchange.ImportProblem;
import io.regulus.template.exchange.TemplateFormat;
import io.regulus.template.exchange.TemplateHeader;
import io.regulus.tenancy.ActiveTenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The steps of the {@code template-import} job, run by its system caller: validate the whole file
 * (every problem at once), spool its items for the chunk step, stage them, publish them as one
 * version, and end the import whichever way its job ended.
 */
@Stateless
@Guarded
public class TemplateImportSteps {

  private static final Logger LOG = Logger.getLogger(TemplateImportSteps.class.getName());

  @Inject private TemplateImports imports;
  @Inject private TemplatePublication publication;
  @Inject private AccessControl access;

  /** Checks the whole file; false (and the import INVALID, nothing kept) when it has problems. */
  @Requires(Permission.RUN_TEMPLATE_IMPORTS)
  public boolean validate(Caller caller, long id) {
    TemplateImport found = imports.find(id).orElseThrow();
    imports.step(id, ImportStatus.RUNNING, ImportStep.VALIDATE);
    ImportCheck check = new ImportCheck(item -> {});
    read(found, check);
    Set<String> undefined = check.undefinedReferences();
    Set<String> known = new HashSet<>();
    List<ImportProblem> ownerProblems =
        check.problemCount() > 0 && check.header() == null
            ? List.of()
            : publication.check(
                found.owner(),
                tenant(found.owner()),
                found.templateKey(),
                found.versionLabel(),
                check.actions(),
                undefined,
                known);
    check.finish(undefined, known);
    ownerProblems.forEach(check::problem);
    imports.validated(
        id, check.header(), check.items(), check.problems(), check.problemCount(), check.notices());
    if (check.problemCount() > 0) {
      imports.finish(id, ImportStatus.INVALID, ImportStep.VALIDATE, null);
      LOG.info(() -> "template import " + id + ": " + check.problemCount() + " problems");
      return false;
    }
    imports.step(id, ImportStatus.RUNNING, ImportStep.STAGE);
    return true;
  }

  /**
   * Writes the file's items, one JSON object per line, to {@code target}: what the chunk step
   * stages.
   */
  @Requires(Permission.RUN_TEMPLATE_IMPORTS)
  public int spool(Caller caller, long id, Path target) {
    TemplateImport found = imports.find(id).orElseThrow();
    int[] count = {0};
    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      ImportCheck check =
          new ImportCheck(
              item -> {
                JsonObject json =
                    item instanceof ExchangeAction action
                        ? ItemJson.action(action)
                        : item instanceof ExchangeControl control
                            ? ItemJson.control(control)
                            : null;
                if (json != null) {
                  try {
                    out.write(json.toString());
                    out.newLine();
                    count[0]++;
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }
              });
      read(found, check);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count[0];
  }

  /** Stages {@code items} (spooled lines) from position {@code firstSeq} on. */
  @Requires(Permission.RUN_TEMPLATE_IMPORTS)
  public void stage(Caller caller, long id, int firstSeq, List<String> items) {
    imports.stage(id, firstSeq, items);
  }

  /**
   * Publishes the staged items as one new version, and ends the import; the version's label. Only
   * when every item the validation counted is staged: anything else fails the job, publishing
   * nothing.
   */
  @Requires(Permission.RUN_TEMPLATE_IMPORTS)
  public String publish(Caller caller, long id) {
    TemplateImport found = imports.find(id).orElseThrow();
    long staged = imports.staged(id);
    if (found.itemsTotal() == 0 || staged != found.itemsTotal()) {
      // the file's validation or a chunk did not commit: publishing would publish part of a file
      throw new IllegalStateException(
          "import "
              + id
              + " has "
              + staged
              + " items staged of the "
              + found.itemsTotal()
              + " its validation counted: nothing is published");
    }
    imports.step(id, ImportStatus.RUNNING, ImportStep.PUBLISH);
    TemplateHeader header = imports.header(id);
    String version =
        switch (found.owner().kind()) {
          case GLOBAL, FIRM ->
              publication.publishGlobal(
                  id,
                  found.owner().firm(),
                  found.templateKey(),
                  found.versionLabel(),
                  header,
                  found.fileSha256(),
                  options(imports.options(found.id())).source());
          case TENANT ->
              publication.publishPrivate(
                  id, tenant(found.owner()), found.templateKey(), header, found.createdBy());
        };
    imports.finish(id, ImportStatus.PUBLISHED, ImportStep.DONE, version);
    LOG.info(
        () ->
            "template import "
                + id
                + ": "
                + found.templateKey()
                + " version "
                + version
                + " published for "
                + found.owner());
    return version;
  }

  /**
   * Ends the import as its job ended: stopped at its owner's request, nothing of it is kept;
   * stopped by the server's shutdown or failed, it keeps its staged items for a restart from its
   * last checkpoint.
   */
  @Requires(Permission.RUN_TEMPLATE_IMPORTS)
  public void ended(Caller caller, long id, String batchStatus, String reason) {
    TemplateImport found = imports.find(id).orElseThrow();
    if (found.status().finished() || found.status() == ImportStatus.FAILED) {
      return;
    }
    String step = found.step().name().toLowerCase(java.util.Locale.ROOT);
    if (batchStatus.equals("ABANDONED")) {
      imports.finish(id, ImportStatus.ABANDONED, found.step(), null);
    } else if (batchStatus.startsWith("STOP") && found.stopRequested()) {
      imports.finish(id, ImportStatus.STOPPED, found.step(), null);
    } else if (batchStatus.startsWith("STOP")) {
      imports.failed(
          id,
          "the server shut down during its "
              + step
              + " step; restart it to go on from its last checkpoint");
    } else {
      imports.failed(
          id,
          "the import stopped in its "
              + step
              + " step ("
              + reason
              + "); restart it to go on from its last checkpoint");
    }
  }

  private void read(TemplateImport found, ImportCheck check) {
    ImportOptions stored = options(imports.options(found.id()));
    // a tenant's own actions are in its namespace, where no library version can take their keys
    ImportOptions options =
        found.owner().kind() == ImportOwner.Kind.TENANT
            ? stored.inNamespace(ActionKeys.TENANT)
            : stored;
    TemplateFormat format = TemplateFormat.valueOf(found.format());
    imports.readFile(
        found.id(),
        (InputStream in) -> {
          try {
            format.reader().read(in, options, check);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return null;
        });
  }

  private ActiveTenant tenant(ImportOwner owner) {
    return owner.kind() == ImportOwner.Kind.TENANT
        ? access
            .enterTenant(io.regulus.access.SystemCaller.TEMPLATE_IMPORT, owner.tenant())
            .tenant()
        : null;
  }

  static ImportOptions options(String json) {
    JsonObject o = TemplateImports.object(json);
    Map<String, ImportOptions.ControlMapping> controls = new java.util.LinkedHashMap<>();
    o.getJsonObject("controls")
        .forEach(
            (control, value) -> {
              JsonObject mapped = value.asJsonObject();
              List<String> keys = new ArrayList<>();
              mapped
                  .getJsonArray("actions")
                  .forEach(key -> keys.add(((jakarta.json.JsonString) key).getString()));
              controls.put(
                  control,
                  new ImportOptions.ControlMapping(
                      keys,
                      mapped.containsKey("mandatory") ? mapped.getBoolean("mandatory") : null,
                      mapped.getString("nature", null),
                      mapped.getString("category", null)));
            });
    return new ImportOptions(
        o.getString("keyPrefix"),
        o.getBoolean("mandatory"),
        o.getString("nature"),
        o.getString("actionType"),
        o.getString("category"),
        o.getString("managedBy"),
        controls,
        o.getString("source", null),
        "");
  }
}
