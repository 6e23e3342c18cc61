package io.regulus.api.security;

import io.regulus.identity.TenantRole;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a resource method, declared once, on the method; {@link AccessFilter} enforces it and a
 * method without one is refused. {@code @Access(TENANT)} admits members of the path's {@code {tenant}} whose
 * role is in {@link #roles()} (every role when empty).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

  Scope value();

  /** Roles admitted in the path's tenant; empty admits every member. Only for {@link Scope#TENANT}. */
  TenantRole[] roles() default {};

  /** Who may call. */
  enum Scope {
    /** Any caller with a verified token. */
    AUTHENTICATED,
    /** Platform operators only. */
    PLATFORM_OPERATOR,
    /** Members of the tenant named by the path, with an admitted role. */
    TENANT
  }
}
