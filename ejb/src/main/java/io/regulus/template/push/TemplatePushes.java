package io.regulus.template.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's records of firm templates pushed to clients: the pushes with each client's outcome
 * ({@code template_push}, {@code template_push_client}) and what each client was given ({@code
 * template_grant}).
 */
@ApplicationScoped
public class TemplatePushes {

  private static final String PUSH =
      "SELECT p.id, f.slug, t.template_key, v.version, p.status, p.created_by, p.created_at,"
          + " p.updated_at, p.execution_id FROM platform.template_push p"
          + " JOIN platform.firm f ON f.id = p.firm_id JOIN platform.template t ON t.id = p.template_id"
          + " JOIN platform.template_version v ON v.id = p.version_id";

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /** A firm template and its latest version, which a push sends. */
  record Pushed(long firmId, long templateId, String key, long versionId, String version) {}

  /** A client of the firm (not deleted). */
  record Client(long id, String slug, String name, String status) {}

  /** What a client has of a template: the version, and whether it is older than the one pushed. */
  record Grant(long versionId, String version, boolean older) {}

  Optional<Pushed> latest(String firm, String key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT f.id, t.id, t.template_key, v.id, v.version FROM platform.template t"
                    + " JOIN platform.firm f ON f.id = t.firm_id"
                    + " JOIN platform.template_version v ON v.template_id = t.id"
                    + " WHERE f.slug = ?1 AND t.template_key = ?2"
                    + " ORDER BY v.published_at DESC, v.id DESC LIMIT 1")
            .setParameter(1, firm)
            .setParameter(2, key)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Pushed(number(r[0]), number(r[1]), (String) r[2], number(r[3]), (String) r[4]));
  }

  /** The firm's clients that are not deleted, by slug. */
  List<Client> clients(long firmId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, slug, display_name, status FROM platform.tenant"
                    + " WHERE firm_id = ?1 AND status <> 'DELETED' ORDER BY slug")
            .setParameter(1, firmId)
            .getResultList();
    return rows.stream()
        .map(r -> new Client(number(r[0]), (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  /** What each client (by tenant id) has of the template, compared with version {@code pushed}. */
  Map<Long, Grant> grants(long templateId, long pushed) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT g.tenant_id, gv.id, gv.version,"
                    + " (gv.published_at, gv.id) < (pv.published_at, pv.id)"
                    + " FROM platform.template_grant g"
                    + " JOIN platform.template_version gv ON gv.id = g.version_id"
                    + " JOIN platform.template_version pv ON pv.id = ?2"
                    + " WHERE g.template_id = ?1")
            .setParameter(1, templateId)
            .setParameter(2, pushed)
            .getResultList();
    Map<Long, Grant> grants = new HashMap<>();
    for (Object[] r : rows) {
      grants.put(number(r[0]), new Grant(number(r[1]), (String) r[2], (Boolean) r[3]));
    }
    return grants;
  }

  /** The actions a version's controls map, with their points, by key. */
  Map<String, Integer> actions(long versionId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT DISTINCT la.action_key, la.points FROM platform.template_control tc"
                    + " JOIN platform.template_control_action m ON m.control_id = tc.id"
                    + " JOIN platform.library_action la ON la.id = m.action_id"
                    + " WHERE tc.version_id = ?1")
            .setParameter(1, versionId)
            .getResultList();
    Map<String, Integer> actions = new LinkedHashMap<>();
    rows.forEach(r -> actions.put((String) r[0], ((Number) r[1]).intValue()));
    return actions;
  }

  /** A new push, RUNNING, each client PENDING in the order given. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long create(Pushed pushed, String createdBy, Map<Long, PushKind> clients) {
    long id =
        number(
            em.createNativeQuery(
                    "INSERT INTO platform.template_push (firm_id, template_id, version_id, status,"
                        + " created_by, created_at, updated_at)"
                        + " VALUES (?1, ?2, ?3, 'RUNNING', ?4, now(), now()) RETURNING id")
                .setParameter(1, pushed.firmId())
                .setParameter(2, pushed.templateId())
                .setParameter(3, pushed.versionId())
                .setParameter(4, createdBy)
                .getSingleResult());
    int position = 0;
    for (Map.Entry<Long, PushKind> client : clients.entrySet()) {
      em.createNativeQuery(
              "INSERT INTO platform.template_push_client (push_id, tenant_id, position, kind,"
                  + " outcome) VALUES (?1, ?2, ?3, ?4, 'PENDING')")
          .setParameter(1, id)
          .setParameter(2, client.getKey())
          .setParameter(3, position++)
          .setParameter(4, client.getValue().name())
          .executeUpdate();
    }
    return id;
  }

  /** Before a retry: the clients that failed are pending again, the push running. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void retrying(long id) {
    em.createNativeQuery(
            "UPDATE platform.template_push_client SET outcome = 'PENDING', reason = NULL"
                + " WHERE push_id = ?1 AND outcome = 'FAILED'")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery(
            "UPDATE platform.template_push SET status = 'RUNNING', updated_at = now() WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** The job execution now running the push (its first, or a retry's). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void running(long id, long executionId) {
    em.createNativeQuery(
            "UPDATE platform.template_push SET execution_id = ?2, status = 'RUNNING',"
                + " updated_at = now() WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, executionId)
        .executeUpdate();
  }

  /** The client slugs of a push, in its order: one partition each. */
  List<String> slugs(long id) {
    return em
        .createNativeQuery(
            "SELECT t.slug FROM platform.template_push_client c"
                + " JOIN platform.tenant t ON t.id = c.tenant_id WHERE c.push_id = ?1"
                + " ORDER BY c.position")
        .setParameter(1, id)
        .getResultList()
        .stream()
        .map(String.class::cast)
        .toList();
  }

  /** A client's failure, recorded in a transaction of its own (its delivery rolled back). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(long id, String slug, String reason) {
    em.createNativeQuery(
            "UPDATE platform.template_push_client c SET outcome = 'FAILED', reason = ?3,"
                + " finished_at = clock_timestamp() FROM platform.tenant t"
                + " WHERE c.push_id = ?1 AND t.id = c.tenant_id AND t.slug = ?2")
        .setParameter(1, id)
        .setParameter(2, slug)
        .setParameter(3, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
        .executeUpdate();
  }

  /** The push's status once its job ended: DONE when every client is done, else FAILED. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void ended(long id) {
    em.createNativeQuery(
            "UPDATE platform.template_push p SET updated_at = now(), status = CASE WHEN EXISTS ("
                + " SELECT 1 FROM platform.template_push_client c WHERE c.push_id = p.id"
                + " AND c.outcome <> 'DONE') THEN 'FAILED' ELSE 'DONE' END WHERE p.id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** Marks a push FAILED whose job ended without its listener (the server stopped under it). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void interrupted(long id) {
    em.createNativeQuery(
            "UPDATE platform.template_push SET status = 'FAILED', updated_at = now() WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  Optional<TemplatePush> find(long id) {
    return pushes(PUSH + " WHERE p.id = ?1", id).stream().findFirst();
  }

  Optional<Long> executionId(long id) {
    List<?> found =
        em.createNativeQuery("SELECT execution_id FROM platform.template_push WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return found.isEmpty() || found.get(0) == null
        ? Optional.empty()
        : Optional.of(number(found.get(0)));
  }

  /** The firm's latest pushes, newest first. */
  List<TemplatePush> of(String firm, int limit) {
    return pushes(PUSH + " WHERE f.slug = ?1 ORDER BY p.id DESC LIMIT " + limit, firm);
  }

  private List<TemplatePush> pushes(String sql, Object parameter) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
    List<TemplatePush> pushes = new ArrayList<>();
    for (Object[] r : rows) {
      long id = number(r[0]);
      @SuppressWarnings("unchecked")
      List<Object[]> clients =
          em.createNativeQuery(
                  "SELECT t.slug, c.kind, c.outcome, c.reason, c.finished_at"
                      + " FROM platform.template_push_client c"
                      + " JOIN platform.tenant t ON t.id = c.tenant_id WHERE c.push_id = ?1"
                      + " ORDER BY c.position")
              .setParameter(1, id)
              .getResultList();
      List<TemplatePush.Client> outcomes =
          clients.stream()
              .map(
                  c ->
                      new TemplatePush.Client(
                          (String) c[0],
                          PushKind.valueOf((String) c[1]),
                          (String) c[2],
                          (String) c[3],
                          instant(c[4])))
              .toList();
      pushes.add(
          new TemplatePush(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              instant(r[6]),
              instant(r[7]),
              count(outcomes, "DONE"),
              count(outcomes, "FAILED"),
              count(outcomes, "PENDING"),
              outcomes));
    }
    return pushes;
  }

  private static int count(List<TemplatePush.Client> clients, String outcome) {
    return (int) clients.stream().filter(c -> c.outcome().equals(outcome)).count();
  }

  static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
