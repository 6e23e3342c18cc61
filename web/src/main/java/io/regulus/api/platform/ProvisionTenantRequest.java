package io.regulus.api.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A tenant to provision: its slug (see the naming rule) and a display name (the slug when absent). */
public record ProvisionTenantRequest(@NotNull String slug, @Size(max = 200) String displayName) {}
