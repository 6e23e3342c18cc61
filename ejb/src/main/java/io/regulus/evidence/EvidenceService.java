package io.regulus.evidence;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.action.ActionHistory;
import io.regulus.action.ActionInstance;
import io.regulus.action.ActionInstanceNotFoundException;
import io.regulus.action.ActionRepository;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.settings.Settings;
import io.regulus.tenancy.ActiveTenant;
import io.regulus.text.ReadableText;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The evidence of improvement actions: adding files and links, listing, reading a file's content,
 * deleting. Each use case locks the action instance, so a deletion and a test result that would
 * forbid it are never interleaved. An action that follows its parent shows the parent's evidence
 * and takes none of its own; evidence stays once the test has passed, failed or put the action out
 * of scope. Additions and removals go into the action's history (field {@code evidence}).
 */
@Stateless
@Guarded
public class EvidenceService {

  private static final Logger LOG = Logger.getLogger(EvidenceService.class.getName());
  private static final String FIELD = "evidence";

  @Inject private ActionRepository actions;
  @Inject private ActionHistory history;
  @Inject private EvidenceRepository evidence;
  @Inject private Settings settings;

  /** The evidence an action shows: its own, or its parent's when it follows its parent. */
  @Requires(Permission.READ_TENANT)
  public List<Evidence> list(TenantCaller caller, long actionId) {
    return evidence.list(caller.tenant(), holder(caller.tenant(), actionId).owner());
  }

  /** What the action's evidence allows now: its own or its parent's, removable, the limits. */
  @Requires(Permission.READ_TENANT)
  public EvidenceRules rules(TenantCaller caller, long actionId) {
    EvidenceHolder holder = holder(caller.tenant(), actionId);
    return new EvidenceRules(
        !holder.followsParent(),
        !holder.followsParent() && !holder.evidenceLocked(),
        evidence.count(caller.tenant(), holder.owner()),
        settings.evidenceMaxPerAction(),
        settings.evidenceMaxBytes());
  }

  /**
   * Stores an uploaded file, checked from its bytes; the caller still owns (and deletes) the
   * temporary file.
   */
  @Requires(Permission.WORK_ON_ACTIONS)
  public Evidence addFile(
      TenantCaller caller, long actionId, UploadedFile file, EvidenceDetails details) {
    ActiveTenant tenant = caller.tenant();
    ActionInstance instance = lock(tenant, actionId);
    EvidenceHolder holder = ownHolder(tenant, actionId);
    List<Violation> violations = check(details);
    if (file.fileName() == null || file.fileName().isBlank() || file.fileName().length() > 255) {
      violations.add(
          new Violation(
              "file",
              "the file part needs a file name of 1 to 255 characters, e.g."
                  + " filename=\"report.pdf\" in its Content-Disposition"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The evidence was not stored", violations);
    }
    EvidenceFileType type = detect(file);
    if (type == EvidenceFileType.EMPTY) {
      throw new InvalidInputException(
          "The evidence was not stored",
          List.of(new Violation("file", "the file is empty; upload the document itself")));
    }
    if (!type.accepted()) {
      throw EvidenceTypeRefusedException.notAccepted(file.fileName(), type);
    }
    String mediaType =
        type.mediaTypeFor(file.fileName())
            .orElseThrow(() -> EvidenceTypeRefusedException.wrongExtension(file.fileName(), type));
    long id = evidence.insertFile(tenant, holder.owner(), file, mediaType, details, who(caller));
    return added(tenant, caller, instance, id);
  }

  /** Stores a link to where the proof is kept (http or https). */
  @Requires(Permission.WORK_ON_ACTIONS)
  public Evidence addLink(TenantCaller caller, long actionId, String url, EvidenceDetails details) {
    ActiveTenant tenant = caller.tenant();
    ActionInstance instance = lock(tenant, actionId);
    EvidenceHolder holder = ownHolder(tenant, actionId);
    List<Violation> violations = check(details);
    if (!isWebUrl(url)) {
      violations.add(
          new Violation(
              "url",
              "an absolute http or https URL of at most 2000 characters, e.g."
                  + " https://intranet.example.com/policies/mfa"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("The evidence was not stored", violations);
    }
    long id = evidence.insertLink(tenant, holder.owner(), url.strip(), details, who(caller));
    return added(tenant, caller, instance, id);
  }

  /** One piece of evidence the action shows. */
  @Requires(Permission.READ_TENANT)
  public Evidence get(TenantCaller caller, long actionId, long evidenceId) {
    return find(caller.tenant(), actionId, evidenceId, holder(caller.tenant(), actionId));
  }

  /** A file the action shows, to be read with {@link #slice}; a link has no content (404). */
  @Requires(Permission.READ_TENANT)
  public Evidence file(TenantCaller caller, long actionId, long evidenceId) {
    Evidence found = find(caller.tenant(), actionId, evidenceId, holder(caller.tenant(), actionId));
    if (found.kind() != EvidenceKind.FILE) {
      throw EvidenceNotFoundException.noContent(found);
    }
    return found;
  }

  /**
   * Up to {@code length} bytes of a file's content from {@code offset}; empty once the file was
   * deleted.
   */
  @Requires(Permission.READ_TENANT)
  public Optional<byte[]> slice(TenantCaller caller, Evidence file, int offset, int length) {
    return evidence.slice(caller.tenant(), file.instanceId(), file.id(), offset, length);
  }

  /** Removes a piece of evidence, unless the action's test result rests on it. */
  @Requires(Permission.WORK_ON_ACTIONS)
  public void delete(TenantCaller caller, long actionId, long evidenceId) {
    ActiveTenant tenant = caller.tenant();
    ActionInstance instance = lock(tenant, actionId);
    EvidenceHolder holder = holder(tenant, actionId);
    Evidence found = find(tenant, actionId, evidenceId, holder);
    if (holder.followsParent()) {
      throw new EvidenceFollowsParentException(actionId, holder);
    }
    if (holder.evidenceLocked()) {
      throw new EvidenceLockedException(actionId, evidenceId, holder.testStatus());
    }
    evidence.delete(tenant, evidenceId);
    history.record(tenant, instance, FIELD, found.describe(), null, who(caller));
    LOG.info(
        () ->
            "evidence "
                + evidenceId
                + " of action "
                + actionId
                + " deleted in tenant "
                + tenant.slug()
                + " by "
                + caller.id());
  }

  private Evidence added(
      ActiveTenant tenant, TenantCaller caller, ActionInstance instance, long id) {
    Evidence added = evidence.find(tenant, instance.id(), id).orElseThrow();
    history.record(tenant, instance, FIELD, null, added.describe(), who(caller));
    LOG.info(
        () ->
            "evidence "
                + id
                + " ("
                + added.kind()
                + ") added to action "
                + instance.id()
                + " in tenant "
                + tenant.slug()
                + " by "
                + caller.id());
    return added;
  }

  private ActionInstance lock(ActiveTenant tenant, long actionId) {
    return actions
        .lock(tenant, actionId)
        .orElseThrow(() -> new ActionInstanceNotFoundException(actionId));
  }

  private EvidenceHolder holder(ActiveTenant tenant, long actionId) {
    return evidence
        .holder(tenant, actionId)
        .orElseThrow(() -> new ActionInstanceNotFoundException(actionId));
  }

  /** The holder of an action that may take evidence of its own, and has room for one more piece. */
  private EvidenceHolder ownHolder(ActiveTenant tenant, long actionId) {
    EvidenceHolder holder = holder(tenant, actionId);
    if (holder.followsParent()) {
      throw new EvidenceFollowsParentException(actionId, holder);
    }
    if (evidence.count(tenant, holder.owner()) >= settings.evidenceMaxPerAction()) {
      throw new EvidenceLimitReachedException(actionId, settings.evidenceMaxPerAction());
    }
    return holder;
  }

  private Evidence find(
      ActiveTenant tenant, long actionId, long evidenceId, EvidenceHolder holder) {
    return evidence
        .find(tenant, holder.owner(), evidenceId)
        .orElseThrow(() -> EvidenceNotFoundException.of(actionId, evidenceId));
  }

  /**
   * The rules every piece of evidence keeps: a title of at most 300 characters, a window that ends
   * after it starts.
   */
  static List<Violation> check(EvidenceDetails details) {
    List<Violation> violations = new ArrayList<>();
    if (details.title() != null && details.title().length() > 300) {
      violations.add(new Violation("title", "at most 300 characters"));
    }
    ReadableText.fault(details.title(), false)
        .ifPresent(rule -> violations.add(new Violation("title", rule)));
    if (details.validFrom() != null
        && details.validUntil() != null
        && details.validUntil().isBefore(details.validFrom())) {
      violations.add(
          new Violation(
              "validUntil",
              "the validity ends on or after it starts (validFrom " + details.validFrom() + ")"));
    }
    return violations;
  }

  static boolean isWebUrl(String url) {
    if (url == null || url.isBlank() || url.strip().length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static EvidenceFileType detect(UploadedFile file) {
    try {
      return EvidenceTypeDetector.detect(file.path());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the temporary upload " + file.path(), e);
    }
  }

  private static ActionHistory.Who who(TenantCaller caller) {
    return new ActionHistory.Who(caller.id(), caller.name());
  }
}
