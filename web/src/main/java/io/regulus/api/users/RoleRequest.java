package io.regulus.api.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A member's new role in this tenant. */
public record RoleRequest(@NotBlank @Pattern(regexp = ROLES, message = ROLE_RULE) String role) {

  static final String ROLES = "admin|assessor|contributor|reader";
  static final String ROLE_RULE = "must be one of admin, assessor, contributor, reader";
}
