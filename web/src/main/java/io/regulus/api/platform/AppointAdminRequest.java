package io.regulus.api.platform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Whom an operator appoints as admin of a tenant that has none, by email. */
public record AppointAdminRequest(@NotBlank @Email @Size(max = 254) String email) {}
