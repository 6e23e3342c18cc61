package io.regulus.api.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whom to invite, by email, and their role in this tenant (admin, assessor, contributor or reader).
 */
public record InviteRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotBlank @Pattern(regexp = RoleRequest.ROLES, message = RoleRequest.ROLE_RULE) String role,
    @Size(max = 100) String firstName,
    @Size(max = 100) String lastName) {}
