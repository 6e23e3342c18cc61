package io.regulus.api.security;

import io.regulus.identity.FirmRole;
import io.regulus.identity.TenantRole;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The access rule of a resource method, declared once, on the method; {@link AccessFilter} enforces it, the
 * OpenAPI document shows it ({@link AccessDocumentation}), and a method without one is refused.
 * {@code @Access(TENANT)} admits callers whose role in the path's {@code {tenant}} (their own, or one their firm
 * gives) is in {@link #roles()}; {@code @Access(FIRM)} admits members of the path's {@code {firm}} whose firm role
 * is in {@link #firmRoles()}. An empty list admits every member.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

  Scope value();

  /** Roles admitted in the path's tenant; empty admits every member. Only for {@link Scope#TENANT}. */
  TenantRole[] roles() default {};

  /** Roles admitted in the path's firm; empty admits every member. Only for {@link Scope#FIRM}. */
  FirmRole[] firmRoles() default {};

  /** Who may call. */
  enum Scope {
    /** Any caller with a verified token. */
    AUTHENTICATED,
    /** Platform operators only. */
    PLATFORM_OPERATOR,
    /** Members of the consulting firm named by the path, with an admitted firm role. */
    FIRM,
    /** Members of the tenant named by the path, with an admitted role. */
    TENANT
  }

  /** The rule in words, as the OpenAPI document and refusals state it. */
  final class Rules {

    private Rules() {}

    public static String describe(Access access) {
      return switch (access.value()) {
        case AUTHENTICATED -> "any authenticated user";
        case PLATFORM_OPERATOR -> "platform operators";
        case FIRM -> access.firmRoles().length == 0
            ? "members of the firm"
            : "firm role " + ids(Arrays.stream(access.firmRoles()).map(FirmRole::id).toArray(String[]::new));
        case TENANT -> access.roles().length == 0
            ? "every member of the tenant"
            : "tenant role " + ids(Arrays.stream(access.roles()).map(TenantRole::id).toArray(String[]::new));
      };
    }

    private static String ids(String[] ids) {
      return Arrays.stream(ids).collect(Collectors.joining(" or "));
    }
  }
}
