package io.regulus.api.action;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Move everything assigned to member {@code from} to member {@code to}, for implementation
 * (default) or testing.
 */
public record ReassignRequest(
    @NotBlank @Size(max = 64) String from,
    @NotBlank @Size(max = 64) String to,
    @JsonbProperty("for") String purpose) {}
