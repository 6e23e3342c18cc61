package io.regulus.api.templateupdate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The version the caller reviewed and decides about: the template's newest version, and for an
 * extension the extension's newest version too. A newer one published since is refused (409).
 */
public record UpdateDecisionRequest(
    @NotBlank @Size(max = 40) String toVersion, @Positive Integer toExtensionVersion) {}
