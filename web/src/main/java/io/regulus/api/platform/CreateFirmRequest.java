package io.regulus.api.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A consulting firm to create: its slug (the tenant naming rule) and a display name. */
public record CreateFirmRequest(@NotNull String slug, @Size(max = 200) String displayName) {}
