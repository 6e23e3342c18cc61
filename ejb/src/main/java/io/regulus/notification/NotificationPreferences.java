package io.regulus.notification;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Internal;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each person's choice of the notices they are mailed ({@code platform.notification_preference}):
 * every kind on until they turn it off. A caller reads and changes only their own: the operations
 * take no user, the caller is the user.
 */
@Stateless
@Guarded
public class NotificationPreferences {

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /** The caller's choices: every kind, on or off. */
  @Requires(Permission.CHOOSE_OWN_NOTIFICATIONS)
  public Map<NoticeKind, Boolean> mine(Caller caller) {
    Set<NoticeKind> off = off(caller.id());
    Map<NoticeKind, Boolean> choices = new EnumMap<>(NoticeKind.class);
    for (NoticeKind kind : NoticeKind.values()) {
      choices.put(kind, !off.contains(kind));
    }
    return choices;
  }

  /**
   * Sets the caller's choice of each kind named (by its name, {@code ASSIGNMENT}); a kind not named
   * keeps its choice. Every name and value is checked first: one unknown name or missing value
   * changes nothing, and the problem names each one at fault.
   */
  @Requires(Permission.CHOOSE_OWN_NOTIFICATIONS)
  public Map<NoticeKind, Boolean> choose(Caller caller, Map<String, Boolean> choices) {
    if (choices == null || choices.isEmpty()) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "Name at least one kind of notice, each true (mailed) or false (not mailed).");
    }
    List<String> faults = new ArrayList<>();
    Map<NoticeKind, Boolean> chosen = new EnumMap<>(NoticeKind.class);
    choices.forEach(
        (name, on) -> {
          NoticeKind kind =
              Arrays.stream(NoticeKind.values())
                  .filter(k -> k.name().equals(name))
                  .findFirst()
                  .orElse(null);
          if (kind == null) {
            faults.add("'" + name + "' is no kind of notice");
          } else if (on == null) {
            faults.add(name + " needs true or false");
          } else {
            chosen.put(kind, on);
          }
        });
    if (!faults.isEmpty()) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          String.join("; ", faults) + ". The kinds are " + known() + "; nothing was changed.");
    }
    chosen.forEach(
        (kind, on) ->
            em.createNativeQuery(
                    "INSERT INTO platform.notification_preference (user_id, kind, enabled,"
                        + " updated_at) VALUES (?1, ?2, ?3, now()) ON CONFLICT (user_id, kind)"
                        + " DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()")
                .setParameter(1, caller.id())
                .setParameter(2, kind.name())
                .setParameter(3, on)
                .executeUpdate());
    return mine(caller);
  }

  /** The kinds a person turned off. */
  @Internal("the digest drops the kinds its person turned off")
  public Set<NoticeKind> off(String userId) {
    Set<NoticeKind> off = EnumSet.noneOf(NoticeKind.class);
    for (Object kind :
        em.createNativeQuery(
                "SELECT kind FROM platform.notification_preference WHERE user_id = ?1"
                    + " AND NOT enabled")
            .setParameter(1, userId)
            .getResultList()) {
      off.add(NoticeKind.valueOf((String) kind));
    }
    return off;
  }

  private static String known() {
    return Arrays.stream(NoticeKind.values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
