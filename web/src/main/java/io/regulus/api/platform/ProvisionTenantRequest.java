package io.regulus.api.platform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A tenant to provision: its slug (see the naming rule), a display name (the slug when absent) and
 * the consulting firm it is a client of (absent: a direct customer; ignored on a firm's own
 * endpoint, which names the firm), and the email of its first admin, who gets an admin invitation
 * (absent: an operator appoints one later).
 */
public record ProvisionTenantRequest(
    @NotNull String slug,
    @Size(max = 200) String displayName,
    String firm,
    @Email @Size(max = 254) String adminEmail) {}
