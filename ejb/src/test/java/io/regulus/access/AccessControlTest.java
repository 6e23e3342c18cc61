package io.regulus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.tenancy.ActiveTenant;
import io.regulus.tenancy.TenantSlug;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Holding a permission, once the tenant was entered: by role for users, by grant for system
 * callers.
 */
class AccessControlTest {

  private static final TenantSlug ACME = new TenantSlug("acme");
  private final AccessControl access = new AccessControl();

  @Test
  void aUsersRoleInTheTenantDecides() {
    assertThatCode(() -> access.require(Permission.ASSIGN_ACTIONS, in(TenantRole.ADMIN)))
        .doesNotThrowAnyException();
    assertThatCode(() -> access.require(Permission.WORK_ON_ACTIONS, in(TenantRole.CONTRIBUTOR)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.require(Permission.ASSIGN_ACTIONS, in(TenantRole.READER)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            "Your role in tenant 'acme' is reader; only the tenant's admins may assign improvement actions.");
    assertThatThrownBy(() -> access.require(Permission.WORK_ON_ACTIONS, in(TenantRole.READER)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aSystemCallerHoldsOnlyItsGrants() {
    TenantCaller recompute = new TenantCaller(active(), SystemCaller.RECOMPUTE, null);

    assertThatCode(() -> access.require(Permission.READ_TENANT, recompute))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.require(Permission.WORK_ON_ACTIONS, recompute))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage(
            "job:recompute may not work on improvement actions: it does not hold the permission"
                + " work-on-actions.");
    assertThatThrownBy(() -> access.require(Permission.OPERATE_PLATFORM, SystemCaller.RECOMPUTE))
        .isInstanceOf(AccessDeniedException.class);
    assertThatCode(() -> access.require(Permission.OPERATE_PLATFORM, SystemCaller.STARTUP))
        .doesNotThrowAnyException();
    assertThatThrownBy(recompute::requireRole).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aPageAsksWhatTheOperationWouldDecide() {
    for (TenantRole role : TenantRole.values()) {
      for (Permission permission : Permission.values()) {
        if (permission.scope() != Permission.Scope.TENANT) {
          continue;
        }
        boolean decided;
        try {
          access.require(permission, in(role));
          decided = true;
        } catch (AccessDeniedException e) {
          decided = false;
        }
        assertThat(access.allows(permission, in(role)))
            .as(role + " " + permission)
            .isEqualTo(decided);
      }
    }
    assertThat(access.allows(Permission.WORK_ON_ACTIONS, in(TenantRole.READER))).isFalse();
    assertThat(access.allows(Permission.MANAGE_USERS, in(TenantRole.ADMIN))).isTrue();
  }

  @Test
  void platformOperationsNeedAnOperator() {
    User operator =
        new User("u-1", "olivia", null, null, Map.of(), Map.of(), Set.of(PlatformRole.OPERATOR));
    User admin =
        new User("u-2", "alice", null, null, Map.of(ACME, TenantRole.ADMIN), Map.of(), Set.of());

    assertThatCode(() -> access.require(Permission.OPERATE_PLATFORM, operator))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> access.require(Permission.OPERATE_PLATFORM, admin))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("Only platform operators may operate the platform.");
    assertThatCode(() -> access.require(Permission.READ_OWN_PROFILE, admin))
        .doesNotThrowAnyException();
  }

  @Test
  void anOperationWithoutTheArgumentItsPermissionNeedsIsAFaultOfTheCode() {
    assertThatThrownBy(() -> access.require(Permission.READ_TENANT, "not a tenant caller"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> access.require(Permission.READ_TENANT, SystemCaller.RECOMPUTE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSystemCallerIsNamedLikeAJob() {
    assertThatThrownBy(() -> new SystemCaller("nobody", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> new SystemCaller("client:acme-signals", Set.of(Permission.READ_TENANT)))
        .doesNotThrowAnyException();
  }

  private static TenantCaller in(TenantRole role) {
    return new TenantCaller(
        active(),
        new User("u-9", "someone", null, null, Map.of(ACME, role), Map.of(), Set.of()),
        role);
  }

  private static ActiveTenant active() {
    return new ActiveTenant(ACME, ACME.schemaName());
  }
}
