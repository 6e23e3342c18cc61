package io.regulus.template.push;

import io.regulus.access.AccessControl;
import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.jobs.Jobs;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.scoring.ActionType;
import io.regulus.scoring.ManagedBy;
import io.regulus.scoring.Score;
import io.regulus.scoring.ScoredAction;
import io.regulus.scoring.ScoringEngine;
import io.regulus.scoring.ScoringInput;
import io.regulus.scoring.ScoringRepository;
import io.regulus.tenancy.FirmSlug;
import io.regulus.tenancy.TenantSlug;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A firm admin pushes a firm template's latest version to the firm's clients (all of them unless
 * named): first a preview per client, then the {@code template-push} job, partitioned by client. A
 * client that does not have the template gets it; one that has an older version gets the new one,
 * which the assessments built on the older one see as a pending update. A tenant that is not the
 * firm's client is refused by name before anything is written, and never gets anything.
 */
@Stateless
@Guarded
public class TemplatePushService {

  static final String JOB = "template-push";
  private static final Logger LOG = Logger.getLogger(TemplatePushService.class.getName());
  private static final int LISTED = 20;

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  @Inject private TemplatePushes pushes;
  @Inject private AccessControl access;
  @Inject private ScoringRepository scoring;
  @EJB private Jobs jobs;
  @Resource private SessionContext context;

  /** What a push of the template's latest version would do to each client named (or all). */
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PushPreview preview(Caller caller, FirmSlug firm, String template, List<String> clients) {
    TemplatePushes.Pushed pushed = pushed(firm, template);
    Map<Long, TemplatePushes.Grant> grants = pushes.grants(pushed.templateId(), pushed.versionId());
    Map<String, Integer> actions = pushes.actions(pushed.versionId());
    Map<Long, Map<String, Integer>> earlier = new HashMap<>();
    TemplatePushService self = context.getBusinessObject(TemplatePushService.class);
    List<PushPreview.Client> previews = new ArrayList<>();
    for (TemplatePushes.Client client : chosen(pushed, firm, clients)) {
      TemplatePushes.Grant grant = grants.get(client.id());
      PushKind kind = kind(grant);
      Map<String, Integer> added = new LinkedHashMap<>(actions);
      if (grant != null) {
        added
            .keySet()
            .removeAll(earlier.computeIfAbsent(grant.versionId(), pushes::actions).keySet());
      }
      int points = added.values().stream().mapToInt(Integer::intValue).sum();
      String current = grant == null ? null : grant.version();
      previews.add(
          switch (kind) {
            case NEW ->
                new PushPreview.Client(
                    client.slug(),
                    client.name(),
                    kind,
                    null,
                    0,
                    added.size(),
                    points,
                    null,
                    null,
                    "Gets the template at version "
                        + pushed.version()
                        + ". Its score does not move until an assessment is built from it.");
            case CURRENT ->
                new PushPreview.Client(
                    client.slug(),
                    client.name(),
                    kind,
                    current,
                    0,
                    0,
                    0,
                    null,
                    null,
                    "Has version " + current + " already: nothing to push.");
            case UPDATE -> update(self, caller, client, pushed, current, actions, added, points);
          });
    }
    return new PushPreview(pushed.key(), pushed.version(), previews);
  }

  private PushPreview.Client update(
      TemplatePushService self,
      Caller caller,
      TemplatePushes.Client client,
      TemplatePushes.Pushed pushed,
      String current,
      Map<String, Integer> actions,
      Map<String, Integer> added,
      int points) {
    try {
      Effect effect =
          self.effect(
              access.enterTenant(caller, new TenantSlug(client.slug())),
              pushed.key(),
              actions.keySet());
      return new PushPreview.Client(
          client.slug(),
          client.name(),
          PushKind.UPDATE,
          current,
          effect.assessments(),
          added.size(),
          points,
          effect.before(),
          effect.after(),
          effect.assessments()
              + " assessment(s) on version "
              + current
              + " get a pending update to version "
              + pushed.version()
              + "; accepted, the new actions add "
              + Math.round(effect.after().possible() - effect.before().possible())
              + " possible points to the client's score.");
    } catch (DomainException refused) {
      return new PushPreview.Client(
          client.slug(),
          client.name(),
          PushKind.UPDATE,
          current,
          0,
          added.size(),
          points,
          null,
          null,
          refused.getMessage());
    }
  }

  /** A client's score now, and once its assessments on the template take the pushed actions. */
  public record Effect(int assessments, Score before, Score after) {}

  /**
   * The score effect for one client, computed by the scoring engine on the client's own data: the
   * assessments built on the template, each given the actions of the pushed version it lacks (in
   * the state the client's instances already have, untouched when new).
   */
  @Internal("the preview's step inside one client, after the preview checked the firm permission")
  public Effect effect(TenantCaller caller, String template, Set<String> pushedActions) {
    ScoringInput input = scoring.input(caller.tenant()).input();
    Set<String> on =
        new HashSet<>(
            em
                .createNativeQuery("SELECT id::text FROM assessment WHERE template_key = ?1")
                .setParameter(1, template)
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList());
    Map<String, ScoredAction> actions = new HashMap<>(input.actions());
    Set<String> missing = new LinkedHashSet<>(pushedActions);
    missing.removeAll(actions.keySet());
    actions.putAll(scored(missing));
    List<ScoringInput.Assessment> after = new ArrayList<>();
    for (ScoringInput.Assessment assessment : input.assessments()) {
      if (!on.contains(assessment.id())) {
        after.add(assessment);
        continue;
      }
      Set<String> lacking = new LinkedHashSet<>(pushedActions);
      assessment.controls().forEach(control -> lacking.removeAll(control.actionKeys()));
      List<ScoringInput.Control> controls = new ArrayList<>(assessment.controls());
      controls.add(new ScoringInput.Control("(pushed)", List.copyOf(lacking)));
      after.add(
          new ScoringInput.Assessment(
              assessment.id(),
              assessment.name(),
              assessment.regulation(),
              assessment.group(),
              controls));
    }
    return new Effect(
        on.size(),
        ScoringEngine.score(input).tenant(),
        ScoringEngine.score(new ScoringInput(actions, after, input.states())).tenant());
  }

  /** Actions as scoring sees them: the client's own copy when it has one, else the library's. */
  private Map<String, ScoredAction> scored(Set<String> keys) {
    Map<String, ScoredAction> scored = new HashMap<>();
    if (keys.isEmpty()) {
      return scored;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT la.action_key, coalesce(a.points, la.points),"
                    + " coalesce(a.action_type, la.action_type), coalesce(a.managed_by, la.managed_by),"
                    + " coalesce(a.category, la.category), coalesce(a.solution, la.solution)"
                    + " FROM platform.library_action la LEFT JOIN action a ON a.action_key = la.action_key"
                    + " WHERE la.action_key = ANY (string_to_array(?1, ','))")
            .setParameter(1, String.join(",", keys))
            .getResultList();
    for (Object[] r : rows) {
      scored.put(
          (String) r[0],
          new ScoredAction(
              (String) r[0],
              ((Number) r[1]).intValue(),
              ActionType.valueOf((String) r[2]),
              ManagedBy.valueOf((String) r[3]),
              (String) r[4],
              (String) r[5]));
    }
    return scored;
  }

  /**
   * Starts the push of the template's latest version to the clients named (or all): the clients
   * that have it already are left out; the job delivers it to each of the others.
   */
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplatePush push(Caller caller, FirmSlug firm, String template, List<String> clients) {
    TemplatePushes.Pushed pushed = pushed(firm, template);
    Map<Long, TemplatePushes.Grant> grants = pushes.grants(pushed.templateId(), pushed.versionId());
    Map<Long, PushKind> kinds = new LinkedHashMap<>();
    for (TemplatePushes.Client client : chosen(pushed, firm, clients)) {
      PushKind kind = kind(grants.get(client.id()));
      if (kind != PushKind.CURRENT) {
        kinds.put(client.id(), kind);
      }
    }
    if (kinds.isEmpty()) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Every client named has version "
              + pushed.version()
              + " of '"
              + pushed.key()
              + "' already: there is nothing to push. Publish a new version first.");
    }
    long id = pushes.create(pushed, caller.id(), kinds);
    Properties parameters = new Properties();
    parameters.setProperty("pushId", Long.toString(id));
    pushes.running(id, jobs.start(JOB, parameters));
    LOG.info(
        () ->
            "template push "
                + id
                + " of "
                + pushed.key()
                + " version "
                + pushed.version()
                + " to "
                + kinds.size()
                + " client(s) of "
                + firm
                + " started by "
                + caller.id());
    return pushes.find(id).orElseThrow();
  }

  /** The firm's latest pushes, newest first. */
  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public List<TemplatePush> pushes(Caller caller, FirmSlug firm) {
    return pushes.of(firm.value(), LISTED).stream().map(this::reconciled).toList();
  }

  @Requires(Permission.VIEW_FIRM_CLIENTS)
  public TemplatePush get(Caller caller, FirmSlug firm, long id) {
    return owned(firm, id);
  }

  /**
   * Runs a failed push again: Jakarta Batch restarts its job, whose partitions that completed stay
   * as they were; only the clients that failed (or never ran) are delivered again.
   */
  @Requires(Permission.MANAGE_FIRM_TEMPLATES)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public TemplatePush retry(Caller caller, FirmSlug firm, long id) {
    TemplatePush failed = owned(firm, id);
    if (!failed.status().equals("FAILED")) {
      throw new DomainException(
          ProblemKind.CONFLICT,
          "Push " + id + " is " + failed.status() + ": only a failed push is retried.");
    }
    Properties parameters = new Properties();
    parameters.setProperty("pushId", Long.toString(id));
    pushes.retrying(id);
    pushes.running(id, jobs.restart(pushes.executionId(id).orElseThrow(), parameters));
    LOG.info(() -> "template push " + id + " retried by " + caller.id());
    return pushes.find(id).orElseThrow();
  }

  private TemplatePush owned(FirmSlug firm, long id) {
    return pushes
        .find(id)
        .filter(push -> push.firm().equals(firm.value()))
        .map(this::reconciled)
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "No template push " + id + " here: the firm's pushes list their ids."));
  }

  /** A push whose job ended without its listener (the server stopped under it) is FAILED. */
  private TemplatePush reconciled(TemplatePush push) {
    if (push.status().equals("RUNNING")) {
      String status = pushes.executionId(push.id()).map(jobs::status).orElse("STARTING");
      if (status.equals("FAILED") || status.equals("STOPPED") || status.equals("ABANDONED")) {
        pushes.interrupted(push.id());
        return pushes.find(push.id()).orElseThrow();
      }
    }
    return push;
  }

  private TemplatePushes.Pushed pushed(FirmSlug firm, String template) {
    return pushes
        .latest(firm.value(), template == null ? "" : template.strip())
        .orElseThrow(
            () ->
                new DomainException(
                    ProblemKind.NOT_FOUND,
                    "Firm '"
                        + firm
                        + "' has no template '"
                        + template
                        + "'; the firm's templates list their keys.",
                    "template"));
  }

  /**
   * The clients a push reaches: those named, or every client of the firm that is not deleted. A
   * name that is not the firm's client refuses the whole push, naming it.
   */
  private List<TemplatePushes.Client> chosen(
      TemplatePushes.Pushed pushed, FirmSlug firm, List<String> named) {
    List<TemplatePushes.Client> all = pushes.clients(pushed.firmId());
    if (named == null || named.isEmpty()) {
      return all;
    }
    Map<String, TemplatePushes.Client> bySlug = new HashMap<>();
    all.forEach(client -> bySlug.put(client.slug(), client));
    List<String> strangers =
        named.stream().filter(slug -> !bySlug.containsKey(slug)).distinct().toList();
    if (!strangers.isEmpty()) {
      throw new DomainException(
          ProblemKind.RULE_VIOLATED,
          "Not a client of firm '"
              + firm
              + "': "
              + String.join(", ", strangers.stream().map(s -> "'" + s + "'").toList())
              + ". A firm pushes its templates to its own clients only; nothing was pushed.",
          "clients");
    }
    return named.stream().distinct().map(bySlug::get).toList();
  }

  private static PushKind kind(TemplatePushes.Grant grant) {
    if (grant == null) {
      return PushKind.NEW;
    }
    return grant.older() ? PushKind.UPDATE : PushKind.CURRENT;
  }
}
