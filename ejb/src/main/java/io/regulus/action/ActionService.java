package io.regulus.action;

import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.access.TenantCaller;
import io.regulus.access.TenantRole;
import io.regulus.directory.AssignmentPurpose;
import io.regulus.directory.DirectoryId;
import io.regulus.directory.Member;
import io.regulus.directory.TenantMembers;
import io.regulus.problem.InvalidInputException;
import io.regulus.problem.Violation;
import io.regulus.scoring.ActionState;
import io.regulus.scoring.Fingerprint;
import io.regulus.scoring.ScoringRepository;
import io.regulus.tenancy.ActiveTenant;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The improvement-action workflow of a tenant: the actions list with its filtered score, one
 * instance's changes under {@link ActionWorkflow}'s rules and its ETag, assignment one by one or in
 * bulk, and the history.
 */
@Stateless
@Guarded
public class ActionService {

  @Inject private ActionRepository actions;
  @Inject private ActionHistory history;
  @Inject private ScoringRepository scoring;
  @EJB private TenantMembers members;
  @Resource private TransactionSynchronizationRegistry transactions;

  @Requires(Permission.READ_TENANT)
  public ActionPage list(
      TenantCaller caller, ActionFilter filter, String sort, int page, int size, String groupBy) {
    ActiveTenant tenant = caller.tenant();
    Fingerprint fingerprint = scoring.fingerprint(tenant);
    return ActionListing.page(
        actions.all(tenant, fingerprint),
        filter,
        sort,
        page,
        size,
        groupBy,
        scoring.load(tenant, fingerprint).contributions(),
        today());
  }

  @Requires(Permission.READ_TENANT)
  public ActionInstance get(TenantCaller caller, long id) {
    return find(caller.tenant(), id);
  }

  /** Every control the instance serves, in every regulation of the assessments that need it. */
  @Requires(Permission.READ_TENANT)
  public List<ServedControl> controls(TenantCaller caller, long id) {
    find(caller.tenant(), id);
    return actions.controls(caller.tenant(), id);
  }

  /**
   * What the caller may change of the instance and the values it takes ({@link
   * ActionWorkflow#options}): nothing for a caller without a role in the tenant.
   */
  @Requires(Permission.READ_TENANT)
  public ActionOptions options(TenantCaller caller, long id) {
    ActionInstance instance = find(caller.tenant(), id);
    return caller
        .role()
        .map(role -> ActionWorkflow.options(instance, role))
        .orElseGet(
            () -> new ActionOptions(false, false, false, false, List.of(), List.of(), false));
  }

  @Requires(Permission.READ_TENANT)
  public List<ActionChange> history(TenantCaller caller, long id) {
    find(caller.tenant(), id);
    return history.of(caller.tenant(), id);
  }

  @Requires(Permission.READ_TENANT)
  public List<ActivityEntry> activity(TenantCaller caller, Long before, int limit) {
    return history.recent(caller.tenant(), before, limit);
  }

  /**
   * Changes one instance if it is still at {@code expectedVersion} (the version the caller read);
   * otherwise nothing is written and the caller gets the current state. The people it names are
   * looked up in the directory before the instance is locked, so no lock is held across a call to
   * Keycloak.
   */
  @Requires(Permission.WORK_ON_ACTIONS)
  public ActionInstance update(
      TenantCaller caller, long id, long expectedVersion, ActionUpdate update) {
    ActiveTenant tenant = caller.tenant();
    ActionWorkflow.Person assignee =
        update.assigneeId() == null
            ? null
            : person(tenant, update.assigneeId(), AssignmentPurpose.IMPLEMENTATION, "assigneeId");
    ActionWorkflow.Person tester =
        update.testerId() == null
            ? null
            : person(tenant, update.testerId(), AssignmentPurpose.TESTING, "testerId");
    ActionInstance before =
        actions.lock(tenant, id).orElseThrow(() -> new ActionInstanceNotFoundException(id));
    if (before.version() != expectedVersion) {
      throw new StaleVersionException(before, expectedVersion);
    }
    ActionInstance after =
        ActionWorkflow.apply(
            before, update, caller.requireRole(), caller.id(), assignee, tester, today());
    ActionInstance changed = actions.update(tenant, before, after, who(caller));
    List<Long> followers = actions.followers(tenant, id);
    afterCommit(
        () -> {
          if (changed.followsParent()) {
            // its statuses are its parent's, which this transaction did not lock: read them again
            actions.forget(tenant);
            scoring.forget(tenant);
            return;
          }
          // this node's cached list and scores move on with the change instead of being read again
          actions.changed(tenant, before, changed, followers);
          Map<Long, ActionState> states = new HashMap<>();
          states.put(id, changed.state());
          followers.forEach(follower -> states.put(follower, changed.state()));
          scoring.changed(tenant, id, before.version(), changed.version(), states);
        });
    return changed;
  }

  private void afterCommit(Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }

  /**
   * Assigns every listed instance (all or none) to one member, for implementation or for testing.
   */
  @Requires(Permission.ASSIGN_ACTIONS)
  public int assign(TenantCaller caller, List<Long> ids, String userId, AssignmentPurpose purpose) {
    ActiveTenant tenant = caller.tenant();
    ActionWorkflow.Person person =
        userId == null ? null : person(tenant, userId, purpose, "userId");
    List<Long> missing = ids.stream().filter(id -> actions.lock(tenant, id).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          new Violation(
              "actionIds",
              "no action "
                  + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                  + " in this tenant; nothing was assigned"));
    }
    for (long id : ids) {
      write(caller, id, purpose, person);
    }
    return ids.size();
  }

  /**
   * Moves everything assigned to one member (for implementation or testing) to another; returns how
   * many.
   */
  @Requires(Permission.ASSIGN_ACTIONS)
  public int reassign(TenantCaller caller, String fromId, String toId, AssignmentPurpose purpose) {
    ActiveTenant tenant = caller.tenant();
    String from = DirectoryId.require(fromId, "from");
    ActionWorkflow.Person to = person(tenant, toId, purpose, "to");
    List<Long> ids = actions.assignedTo(tenant, from, purpose == AssignmentPurpose.TESTING);
    for (long id : ids) {
      actions.lock(tenant, id);
      write(caller, id, purpose, to);
    }
    return ids.size();
  }

  private void write(
      TenantCaller caller, long id, AssignmentPurpose purpose, ActionWorkflow.Person person) {
    ActionInstance before = find(caller.tenant(), id);
    boolean testing = purpose == AssignmentPurpose.TESTING;
    String clear = person != null ? null : testing ? "testerId" : "assigneeId";
    ActionUpdate update =
        new ActionUpdate(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            clear == null ? null : java.util.Set.of(clear));
    ActionInstance after =
        ActionWorkflow.apply(
            before,
            update,
            TenantRole.ADMIN,
            caller.id(),
            testing ? null : person,
            testing ? person : null,
            today());
    actions.update(caller.tenant(), before, after, who(caller));
  }

  private ActionInstance find(ActiveTenant tenant, long id) {
    return actions.find(tenant, id).orElseThrow(() -> new ActionInstanceNotFoundException(id));
  }

  /**
   * The member of that id, if they may be assigned for that purpose; else a 422 naming the field.
   */
  private ActionWorkflow.Person person(
      ActiveTenant tenant, String userId, AssignmentPurpose purpose, String field) {
    String id = DirectoryId.require(userId, field);
    List<Member> assignable = members.assignableIn(tenant, purpose);
    Optional<Member> member = assignable.stream().filter(m -> m.id().equals(id)).findFirst();
    return member
        .map(m -> new ActionWorkflow.Person(m.id(), m.username()))
        .orElseThrow(
            () ->
                new InvalidInputException(
                    new Violation(
                        field,
                        "user "
                            + userId
                            + " is not a member of"
                            + " this tenant who may be assigned "
                            + purpose.id()
                            + " ("
                            + purpose.holders()
                            + "); the tenant's"
                            + " assignable members for "
                            + purpose.id()
                            + " are listed beside the action")));
  }

  private static ActionHistory.Who who(TenantCaller caller) {
    return new ActionHistory.Who(caller.id(), caller.name());
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
